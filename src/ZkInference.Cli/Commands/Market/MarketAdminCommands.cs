using System.CommandLine;
using ZkInference.Market;
using ZkInference.Market.Chain;
using static ZkInference.Cli.Commands.Market.MarketCli;

namespace ZkInference.Cli.Commands.Market;

/// <summary><c>zkinfer market admin pause|unpause|set-fee|authorize|remove|withdraw-fees|transfer-ownership</c> (owner only).</summary>
internal static class MarketAdminCommands
{
    public static Command Create()
    {
        var admin = new Command("admin", "Platform owner operations");
        admin.Subcommands.Add(Simple("pause", "Stop requests, submissions and access purchases", c => c.PauseAsync()));
        admin.Subcommands.Add(Simple("unpause", "Resume the market", c => c.UnpauseAsync()));
        admin.Subcommands.Add(Simple("withdraw-fees", "Withdraw the accrued platform fees", c => c.WithdrawFeesAsync()));
        admin.Subcommands.Add(WithArgument("set-fee", "Set the platform fee in basis points (at most 1000)", "bps", (c, v) => c.SetFeeAsync((int)ParseAmount(v, "bps"))));
        admin.Subcommands.Add(WithArgument("authorize", "Authorize (or re-admit) a prover server", "address", (c, v) => c.AuthorizeServerAsync(Address.Parse(v))));
        admin.Subcommands.Add(WithArgument("remove", "Remove a prover server", "address", (c, v) => c.RemoveServerAsync(Address.Parse(v))));
        admin.Subcommands.Add(WithArgument("transfer-ownership", "Hand the platform to another account", "address", (c, v) => c.TransferOwnershipAsync(Address.Parse(v))));
        return admin;
    }

    private static Command Simple(string name, string description, Func<MarketClient, Task<MarketTransaction>> action)
    {
        var command = With(new Command(name, description));
        SetAction(command, async parse =>
        {
            PrintTransaction(await action(await ClientAsync(parse).ConfigureAwait(false)).ConfigureAwait(false));
            return 0;
        });
        return command;
    }

    private static Command WithArgument(string name, string description, string argument, Func<MarketClient, string, Task<MarketTransaction>> action)
    {
        Argument<string> value = new(argument) { Description = argument };
        var command = With(new Command(name, description) { value });
        SetAction(command, async parse =>
        {
            PrintTransaction(await action(await ClientAsync(parse).ConfigureAwait(false), parse.GetValue(value)!).ConfigureAwait(false));
            return 0;
        });
        return command;
    }
}
