using System.CommandLine;
using System.Globalization;
using System.Numerics;
using Nethereum.Signer;
using ZkInference.Market;
using ZkInference.Market.Chain;

namespace ZkInference.Cli.Commands.Market;

/// <summary>
/// What every <c>zkinfer market</c> command shares: the RPC URL, the market address, and the signing key, read
/// from <c>--key-file</c> or the ZKINFER_PRIVATE_KEY environment variable (never from the command line, where it
/// would land in shell history and process listings).
/// </summary>
internal static class MarketCli
{
    public const string KeyVariable = "ZKINFER_PRIVATE_KEY";

    public static readonly Option<string> Rpc = new("--rpc") { Description = "JSON-RPC URL of the chain", Required = true };
    public static readonly Option<string> MarketAddress = new("--market") { Description = "Address of the ZkInferenceMarket contract", Required = true };
    public static readonly Option<string?> KeyFile = new("--key-file") { Description = $"File holding the signing key (hex); default: the {KeyVariable} environment variable" };

    /// <summary>Options every command takes (deploy has no --market).</summary>
    public static Command With(Command command, bool market = true)
    {
        command.Options.Add(Rpc);
        command.Options.Add(KeyFile);
        if (market) command.Options.Add(MarketAddress);
        return command;
    }

    /// <summary>Runs an asynchronous action, turning the market's and the CLI's errors into one line and exit 1.</summary>
    public static void SetAction(Command command, Func<ParseResult, Task<int>> action) =>
        command.SetAction(parse =>
        {
            try
            {
                return action(parse).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is MarketException or IOException or UnauthorizedAccessException or Groth16.Groth16Exception or FormatException
                or HttpRequestException or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcResponseException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });

    /// <summary>Connects with the key from --key-file or the environment; <paramref name="keyRequired"/> false signs views with a throwaway key.</summary>
    public static Task<ChainConnection> ConnectAsync(ParseResult parse, bool keyRequired = true)
    {
        string? file = parse.GetValue(KeyFile);
        string? key = file is not null ? File.ReadAllText(file).Trim() : Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            if (keyRequired) throw new MarketException($"no signing key: pass --key-file <file> or set {KeyVariable}");
            key = EthECKey.GenerateKey().GetPrivateKey();
        }
        return ChainConnection.ConnectAsync(parse.GetValue(Rpc)!, key);
    }

    public static async Task<MarketClient> ClientAsync(ParseResult parse, bool keyRequired = true) =>
        new(await ConnectAsync(parse, keyRequired).ConfigureAwait(false), Address.Parse(parse.GetValue(MarketAddress)!));

    public static BigInteger ParseAmount(string text, string what) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger v)
            ? v : throw new MarketException($"{what} must be a non-negative decimal integer, not '{text}'");

    public static Option<string> Number(string name, string description, string? defaultValue = null) =>
        defaultValue is null
            ? new Option<string>(name) { Description = description, Required = true }
            : new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    public static void PrintTransaction(MarketTransaction tx)
    {
        Console.WriteLine($"transaction: {tx.Hash} (block {tx.BlockNumber}, gas {tx.GasUsed})");
        foreach (var e in tx.Events) Console.WriteLine($"event: {e}");
    }
}
