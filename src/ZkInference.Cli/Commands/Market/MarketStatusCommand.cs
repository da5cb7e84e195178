using System.CommandLine;
using System.Numerics;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using static ZkInference.Cli.Commands.Market.MarketCli;

namespace ZkInference.Cli.Commands.Market;

/// <summary><c>zkinfer market status [--model id] [--request id] [--account address]</c>: read-only; no key needed.</summary>
internal static class MarketStatusCommand
{
    public static Command Create()
    {
        Option<string?> model = new("--model") { Description = "Also show this model" };
        Option<string?> request = new("--request") { Description = "Also show this request" };
        Option<string?> account = new("--account") { Description = "Also show this account's balance and server standing" };
        var command = With(new Command("status", "Show the market's state, and optionally a model, a request and an account") { model, request, account });
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse, keyRequired: false).ConfigureAwait(false);
            MarketStatus s = await client.GetStatusAsync().ConfigureAwait(false);
            Console.WriteLine($"market: {client.Contract}");
            Console.WriteLine($"owner: {s.Owner}");
            Console.WriteLine($"paused: {(s.Paused ? "yes" : "no")}");
            Console.WriteLine($"fee-bps: {s.FeeBps}");
            Console.WriteLine($"accrued-fees: {s.AccruedFees}");
            Console.WriteLine($"models: {s.NextModelId - 1}");
            Console.WriteLine($"requests: {s.NextRequestId - 1}");
            Console.WriteLine($"held: {s.Held}");
            if (parse.GetValue(model) is string m)
            {
                BigInteger id = ParseAmount(m, "--model");
                MarketModel x = await client.GetModelAsync(id).ConfigureAwait(false) ?? throw new MarketException($"model {id} does not exist");
                Console.WriteLine($"model {id}: owner {x.Owner}, verifier {x.Verifier}, {(x.Active ? "active" : "inactive")}, outputs {x.NumOutputs}, param-commitment {x.ParamCommitment}");
                Console.WriteLine($"model {id} terms: per-use {x.Terms.PerUsePrice}, subscription {x.Terms.SubscriptionPrice}/{x.Terms.SubscriptionPeriod}s, pack {x.Terms.PackPrice}/{x.Terms.PackSize}, owner-share-bps {x.Terms.OwnerShareBps}");
                Console.WriteLine($"model {id} metadata: name \"{x.Metadata.Name}\", weights {x.Metadata.WeightsCid}, circuit {x.Metadata.CircuitCid}, settings {x.Metadata.SettingsCid}");
            }
            if (parse.GetValue(request) is string r)
            {
                BigInteger id = ParseAmount(r, "--request");
                InferenceRequest x = await client.GetRequestAsync(id).ConfigureAwait(false) ?? throw new MarketException($"request {id} does not exist");
                Console.WriteLine($"request {id}: {x.Status.ToString().ToLowerInvariant()}, model {x.ModelId}, user {x.User}, paid {x.Payment} {x.Amount}, deadline {x.Deadline}, server {x.Server}, input-commitment {x.InputCommitment}");
            }
            if (parse.GetValue(account) is string a)
            {
                Address who = Address.Parse(a);
                ServerRecord sr = await client.GetServerAsync(who).ConfigureAwait(false);
                Console.WriteLine($"account {who}: balance {await client.BalanceOfAsync(who).ConfigureAwait(false)}, server {(sr.Authorized ? "authorized" : "not authorized")}{(sr.Suspended ? " (suspended)" : "")}, reputation {sr.Reputation}");
            }
            return 0;
        });
        return command;
    }
}
