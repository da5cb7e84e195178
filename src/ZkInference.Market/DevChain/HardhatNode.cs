using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ZkInference.Market.DevChain;

/// <summary>
/// A local development chain: Hardhat's JSON-RPC node bound to 127.0.0.1 on a free port, with accounts whose keys
/// this class generates (never Hardhat's published defaults). Hardhat comes from npm: an existing install (the
/// repository's tests/interop) or one made on first use in a cache folder. Disposing stops the node.
/// </summary>
public sealed class HardhatNode : IAsyncDisposable
{
    /// <summary>The Hardhat version installed on first use (it runs on Node 20).</summary>
    public const string HardhatVersion = "2.29.1";

    /// <summary>The solcjs version installed beside it (compiles verifier contracts; see <see cref="SolcJs"/>).</summary>
    public const string SolcVersion = "0.8.37";

    /// <summary>The chain id the node reports.</summary>
    public const long ChainId = 31337;

    private readonly Process process;
    private readonly StringBuilder log;

    private HardhatNode(Process process, StringBuilder log, string url, IReadOnlyList<string> keys)
    {
        this.process = process;
        this.log = log;
        Url = url;
        PrivateKeys = keys;
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public string Url { get; }

    /// <summary>Private keys (0x-hex) of the funded accounts, each holding 10^24 wei.</summary>
    public IReadOnlyList<string> PrivateKeys { get; }

    /// <summary>What the node printed so far (for error reports).</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>
    /// Starts a node. <paramref name="hardhatHome"/> is a folder holding node_modules/hardhat, or where to install it
    /// (with npm) when it does not. Waits until the node answers eth_chainId.
    /// </summary>
    public static async Task<HardhatNode> StartAsync(string hardhatHome, int accounts = 10, Action<string>? progress = null,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(hardhatHome);
        var cli = Path.Combine(hardhatHome, "node_modules", "hardhat", "internal", "cli", "cli.js");
        if (!File.Exists(cli) || !File.Exists(SolcJs.ModulePath(hardhatHome)))
        {
            progress?.Invoke($"installing hardhat {HardhatVersion} and solc {SolcVersion} with npm into {hardhatHome} (first run only)");
            await InstallAsync(hardhatHome, cancellation).ConfigureAwait(false);
            if (!File.Exists(cli)) throw new MarketException($"npm installed hardhat but {cli} is missing");
        }
        // Hardhat takes the folder of its config as the project root; an existing config (the repository's
        // tests/interop has the same one) is kept.
        var config = Path.Combine(hardhatHome, "hardhat.config.js");
        if (!File.Exists(config)) await File.WriteAllTextAsync(config, ConfigSource, cancellation).ConfigureAwait(false);

        var keys = Enumerable.Range(0, accounts).Select(_ => "0x" + Convert.ToHexStringLower(NewPrivateKey())).ToArray();
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = hardhatHome,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { cli, "node", "--hostname", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        start.Environment["ZKINFER_HARDHAT_KEYS"] = string.Join(',', keys);
        start.Environment["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true";
        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new MarketException("could not start node (is Node.js on PATH?)");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } d) lock (log) log.AppendLine(d); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lock (log) log.AppendLine(d); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new HardhatNode(process, log, $"http://127.0.0.1:{port}", keys);
        try
        {
            await node.WaitReadyAsync(TimeSpan.FromSeconds(90), cancellation).ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return node;
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellation.ThrowIfCancellationRequested();
            if (process.HasExited)
                throw new MarketException($"hardhat node exited with code {process.ExitCode}: {Log}");
            try
            {
                var response = await http.PostAsJsonAsync(Url, new { jsonrpc = "2.0", id = 1, method = "eth_chainId", @params = Array.Empty<object>() }, cancellation).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation).ConfigureAwait(false);
                    if (body.TryGetProperty("result", out var result) && Convert.ToInt64(result.GetString(), 16) == ChainId) return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // Slow first answer.
            }
            await Task.Delay(250, cancellation).ConfigureAwait(false);
        }
        throw new MarketException($"hardhat node did not answer eth_chainId within {timeout.TotalSeconds:F0} s: {Log}");
    }

    private static async Task InstallAsync(string home, CancellationToken cancellation)
    {
        var manifest = Path.Combine(home, "package.json");
        if (!File.Exists(manifest))
            await File.WriteAllTextAsync(manifest,
                $$"""{ "name": "zkinfer-devchain", "private": true, "dependencies": { "hardhat": "{{HardhatVersion}}", "solc": "{{SolcVersion}}" } }""",
                cancellation).ConfigureAwait(false);
        var npm = new ProcessStartInfo("npm")
        {
            WorkingDirectory = home,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "install", "--no-audit", "--no-fund", "--loglevel=error" }) npm.ArgumentList.Add(a);
        using var process = Process.Start(npm) ?? throw new MarketException("could not start npm (is Node.js installed?)");
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardOutput.ReadToEndAsync(cancellation).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new MarketException($"npm install (hardhat@{HardhatVersion}, solc@{SolcVersion}) failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
    }

    private static byte[] NewPrivateKey()
    {
        // Any 32 bytes below the secp256k1 group order; a random draw is below it with overwhelming probability.
        var order = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        while (true)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var k = new System.Numerics.BigInteger(key, isUnsigned: true, isBigEndian: true);
            if (k > 0 && k < order) return key;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the node and every process it started.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    // Hardhat only runs the chain here; nothing is compiled by it. Accounts come from the environment.
    private const string ConfigSource = """
        // Written by zkinfer: configuration of the local development chain (hardhat node).
        'use strict';
        const keys = (process.env.ZKINFER_HARDHAT_KEYS || '').split(',').filter((k) => k.length > 0);
        module.exports = {
          networks: {
            hardhat: {
              chainId: 31337,
              hardfork: 'cancun',
              ...(keys.length > 0 ? { accounts: keys.map((privateKey) => ({ privateKey, balance: '1000000000000000000000000' })) } : {}),
            },
          },
        };
        """;
}
