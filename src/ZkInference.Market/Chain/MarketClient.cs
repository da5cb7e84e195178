using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Chain;

/// <summary>
/// A typed client for one deployed ZkInferenceMarket. Every transaction is signed by the connection's account;
/// a revert throws <see cref="MarketRevertException"/> with the contract's custom error (the same type the
/// engine throws), and a mined transaction returns its decoded events.
/// </summary>
public sealed partial class MarketClient
{
    private readonly ChainConnection _chain;

    /// <summary>A client for the market at <paramref name="contract"/>.</summary>
    public MarketClient(ChainConnection chain, Address contract, MarketArtifact? artifact = null)
    {
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        Contract = contract;
        Abi = new MarketAbi((artifact ?? MarketArtifact.Embedded).Abi);
    }

    /// <summary>The market's address.</summary>
    public Address Contract { get; }

    /// <summary>The account sending transactions.</summary>
    public Address Sender => _chain.Sender;

    /// <summary>The connection this client sends through.</summary>
    public ChainConnection Chain => _chain;

    /// <summary>The ABI decoder for errors and events.</summary>
    public MarketAbi Abi { get; }

    /// <summary>Deploys a market (the sender becomes its owner) and returns a client for it.</summary>
    /// <exception cref="MarketRevertException">FeeTooHigh.</exception>
    public static async Task<(MarketClient Client, MarketTransaction Transaction)> DeployAsync(ChainConnection chain, int feeBps, MarketArtifact? artifact = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (feeBps is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(feeBps));
        artifact ??= MarketArtifact.Embedded;
        var abi = new MarketAbi(artifact.Abi);
        string data = artifact.Bytecode + ((BigInteger)feeBps).ToString("x64", System.Globalization.CultureInfo.InvariantCulture)[^64..];
        (TransactionReceipt receipt, MarketTransaction tx) = await SendRawAsync(chain, abi, null, data, 0, TxOptions.Default, cancellationToken).ConfigureAwait(false);
        var client = new MarketClient(chain, Address.Parse(receipt.ContractAddress), artifact);
        return (client, tx);
    }

    /// <summary>Deploys arbitrary creation bytecode (e.g. a Groth16 verifier) and returns its address.</summary>
    public static async Task<Address> DeployBytecodeAsync(ChainConnection chain, string bytecode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        (TransactionReceipt receipt, _) = await SendRawAsync(chain, new MarketAbi("[]"), null, bytecode, 0, TxOptions.Default, cancellationToken).ConfigureAwait(false);
        return Address.Parse(receipt.ContractAddress);
    }

    private async Task<MarketTransaction> SendAsync<T>(T function, BigInteger value, TxOptions? options, CancellationToken ct) where T : FunctionMessage, new()
    {
        string data = function.GetCallData().ToHex(true);
        (_, MarketTransaction tx) = await SendRawAsync(_chain, Abi, Contract, data, value, options ?? TxOptions.Default, ct).ConfigureAwait(false);
        return tx;
    }

    private static async Task<(TransactionReceipt, MarketTransaction)> SendRawAsync(ChainConnection chain, MarketAbi abi, Address? to, string data, BigInteger value, TxOptions options, CancellationToken ct)
    {
        string from = chain.Sender.ToString();
        string? toText = to?.ToString();
        long gas;
        if (options.GasLimit is long explicitGas) gas = explicitGas;
        else
        {
            var call = new CallInput(data, toText, new HexBigInteger(value)) { From = from };
            BigInteger estimate = await Rpc(abi, () => chain.Web3.Eth.Transactions.EstimateGas.SendRequestAsync(call), ct).ConfigureAwait(false);
            gas = (long)(estimate * (100 + options.GasMarginPercent) / 100);
        }
        var input = new TransactionInput(data, toText, from, new HexBigInteger(gas), new HexBigInteger(value));
        // The node's pending count, every time: a cached nonce goes stale after a reorganisation or a dropped transaction.
        input.Nonce = await Rpc(abi, () => chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(from, BlockParameter.CreatePending()), ct).ConfigureAwait(false);
        string hash = await Rpc(abi, () => chain.Web3.TransactionManager.SendTransactionAsync(input), ct).ConfigureAwait(false);
        TransactionReceipt receipt = await WaitForReceiptAsync(chain, hash, ct).ConfigureAwait(false);
        if (receipt.Status.Value != 1) throw new MarketException($"transaction {hash} reverted on chain (gas used {receipt.GasUsed.Value} of {gas})");
        var events = new List<MarketEvent>();
        foreach (FilterLog log in receipt.Logs ?? [])
            if (to is null || string.Equals(log.Address, toText, StringComparison.OrdinalIgnoreCase))
                if (abi.DecodeEvent(log.Topics.Select(t => t.ToString()!).ToArray(), log.Data.HexToByteArray()) is MarketEvent e) events.Add(e);
        return (receipt, new MarketTransaction(hash, (ulong)receipt.BlockNumber.Value, (long)receipt.GasUsed.Value, events));
    }

    private static async Task<TransactionReceipt> WaitForReceiptAsync(ChainConnection chain, string hash, CancellationToken ct)
    {
        DateTime until = DateTime.UtcNow + chain.ReceiptTimeout;
        while (true)
        {
            TransactionReceipt? r = await chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash).WaitAsync(ct).ConfigureAwait(false);
            if (r is not null) return r;
            if (DateTime.UtcNow > until) throw new MarketException($"no receipt for {hash} after {chain.ReceiptTimeout}");
            await Task.Delay(chain.ReceiptPollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs an RPC call; a revert becomes <see cref="MarketRevertException"/> (a custom error) or <see cref="MarketException"/>.</summary>
    internal static async Task<TResult> Rpc<TResult>(MarketAbi abi, Func<Task<TResult>> call, CancellationToken ct)
    {
        try
        {
            return await call().WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not MarketException)
        {
            string? data = RevertData(e);
            if (data is not null && abi.DecodeError(data.HexToByteArray()) is MarketError error) throw new MarketRevertException(error);
            throw new MarketException($"the node refused the call: {Innermost(e).Message}", e);
        }
    }

    // Nodes put revert data in error.data: a hex string (geth, Arbitrum) or an object with a data field (Hardhat).
    private static string? RevertData(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is RpcResponseException { RpcError.Data: JToken d })
            {
                if (d.Type == JTokenType.String) return (string?)d;
                if (d is JObject o && o["data"] is JToken inner && inner.Type == JTokenType.String) return (string?)inner;
            }
            if (x is SmartContractCustomErrorRevertException c) return c.ExceptionEncodedData;
        }
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
