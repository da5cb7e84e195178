using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Nethereum.Signer;
using Xunit;
using ZkInference.Market.Chain;
using ZkInference.TestSupport;

namespace ZkInference.Market.Tests;

/// <summary>
/// A real local EVM chain for the tests: the library's <see cref="Market.DevChain.HardhatNode"/> (hardhat node pinned in
/// tests/interop, bound to 127.0.0.1 on a free port, ten accounts with keys it generates), with synchronous
/// helpers for JSON-RPC calls the tests make (time travel, mining, balances).
/// </summary>
public sealed class HardhatNode : IDisposable
{
    private readonly global::ZkInference.Market.DevChain.HardhatNode _node;
    private readonly HttpClient _http = new();

    public HardhatNode()
    {
        _node = global::ZkInference.Market.DevChain.HardhatNode.StartAsync(RepoPaths.Interop, accounts: 10).GetAwaiter().GetResult();
        Keys = [.. _node.PrivateKeys];
        Url = _node.Url;
        Port = new Uri(Url).Port;
    }

    /// <summary>The JSON-RPC URL.</summary>
    public string Url { get; }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Private keys (hex) of the funded accounts.</summary>
    public string[] Keys { get; }

    /// <summary>A connection signing with account <paramref name="index"/>.</summary>
    public ChainConnection Connect(int index) => ChainConnection.ConnectAsync(Url, Keys[index]).GetAwaiter().GetResult();

    /// <summary>Sends a JSON-RPC request and returns its result (throws on an error answer).</summary>
    public JsonElement Rpc(string method, params object[] parameters)
    {
        string body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        string text = _http.PostAsync(Url, content).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult();
        using JsonDocument doc = JsonDocument.Parse(text);
        if (doc.RootElement.TryGetProperty("error", out JsonElement error)) throw new InvalidOperationException($"{method}: {error}");
        return doc.RootElement.GetProperty("result").Clone();
    }

    /// <summary>The latest block's timestamp.</summary>
    public ulong LatestTimestamp() => HexToULong(Rpc("eth_getBlockByNumber", "latest", false).GetProperty("timestamp").GetString()!);

    /// <summary>The latest block number.</summary>
    public ulong BlockNumber() => HexToULong(Rpc("eth_blockNumber").GetString()!);

    /// <summary>Makes the next block's timestamp exactly <paramref name="timestamp"/>.</summary>
    public void SetNextTimestamp(ulong timestamp) => Rpc("evm_setNextBlockTimestamp", timestamp);

    /// <summary>Mines <paramref name="blocks"/> empty blocks.</summary>
    public void Mine(int blocks = 1)
    {
        for (int i = 0; i < blocks; i++) Rpc("evm_mine");
    }

    /// <summary>The wei balance of an account.</summary>
    public BigInteger Balance(Address account) =>
        BigInteger.Parse("0" + Rpc("eth_getBalance", account.ToString(), "latest").GetString()![2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            _node.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            _http.Dispose();
        }
    }

    private static ulong HexToULong(string hex) => Convert.ToUInt64(hex[2..], 16);
}

/// <summary>Tests sharing one Hardhat node (each deploys its own contracts).</summary>
[CollectionDefinition(Name)]
public sealed class ChainCollection : ICollectionFixture<HardhatNode>
{
    public const string Name = "hardhat";
}
