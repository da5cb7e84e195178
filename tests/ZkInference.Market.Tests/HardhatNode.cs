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
/// A real local EVM chain for the tests: <c>hardhat node</c> (pinned in tests/interop) bound to 127.0.0.1 on a free
/// port, in its own process group (started through setsid), with ten accounts whose keys this fixture generates.
/// Ready when it answers eth_chainId; stopped by signalling its process group.
/// </summary>
public sealed class HardhatNode : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();
    private readonly StringBuilder _log = new();

    public HardhatNode()
    {
        Keys = Enumerable.Range(0, 10).Select(_ => EthECKey.GenerateKey().GetPrivateKey()).ToArray();
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}";
        string cli = Path.Combine(NodeTools.NodeModules, "hardhat", "internal", "cli", "cli.js");
        var psi = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "node", cli, "node", "--hostname", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        psi.Environment["ZKINFER_HARDHAT_KEYS"] = string.Join(',', Keys);
        psi.Environment["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true";
        psi.Environment["NO_COLOR"] = "1";
        _process = Process.Start(psi) ?? throw new InvalidOperationException("hardhat node could not be started");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady(TimeSpan.FromSeconds(90));
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
            // setsid made node the leader of its own process group: signal the whole group.
            using var kill = Process.Start("kill", ["-TERM", "--", "-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit(5000);
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            _http.Dispose();
        }
    }

    private void WaitUntilReady(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"hardhat node exited ({_process.ExitCode}): {Log}");
            try
            {
                if (Rpc("eth_chainId").GetString() == "0x7a69") return;
            }
            catch (HttpRequestException) { }
            Thread.Sleep(250);
        }
        throw new TimeoutException($"hardhat node did not answer eth_chainId within {timeout}: {Log}");
    }

    private string Log { get { lock (_log) return _log.ToString(); } }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ulong HexToULong(string hex) => Convert.ToUInt64(hex[2..], 16);
}

/// <summary>Tests sharing one Hardhat node (each deploys its own contracts).</summary>
[CollectionDefinition(Name)]
public sealed class ChainCollection : ICollectionFixture<HardhatNode>
{
    public const string Name = "hardhat";
}
