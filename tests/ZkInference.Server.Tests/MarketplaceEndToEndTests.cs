using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Onnx;
using ZkInference.Onnx.Settings;
using ZkInference.Server.Client;
using ZkInference.Server.Local;
using ZkInference.Server.Models;
using ZkInference.TestSupport;

namespace ZkInference.Server.Tests;

/// <summary>
/// The whole marketplace on a local Hardhat node: two servers (one a real `zkinfer serve` process that is killed
/// and restarted mid-way, one that submits bad proofs), twenty requests over three payment kinds, one request
/// cancelled after its deadline. Every request must end settled or refunded, exactly once, with the balances the
/// rules give.
/// </summary>
public sealed class MarketplaceEndToEndTests(ITestOutputHelper output)
{
    private const int FeeBps = 250;
    private const string Model = "digits_linear";
    private static readonly BigInteger Milli = BigInteger.Pow(10, 15);

    [Fact]
    public async Task TwentyRequestsTwoServersAFaultyOneACancellationAndARestart()
    {
        var work = RepoPaths.NewTempDirectory("zkinfer-e2e");
        var modelDir = Path.Combine(work, "model");
        // digits_linear keeps twenty real proofs quick; the demo runs the bundled MLP.
        var onnx = ZkInference.Onnx.Model.OnnxModelLoader.Load(Path.Combine(RepoPaths.Shared, "models", Model, "model.onnx"));
        var circuit = OnnxCircuit.Compile(onnx, CompileSettings.Default);
        CompiledModelFiles.Write(modelDir, onnx, circuit, circuit.Settings);
        ZkeyFile.Write(DevSetup.Create(circuit.Circuit.System), Path.Combine(modelDir, ServedModel.ZkeyFileName));
        CircuitSettings settings = circuit.Settings;

        await using var market = await LocalMarketplace.StartAsync(RepoPaths.Interop, accounts: 7, FeeBps, output.WriteLine);
        var terms = new ModelTerms(PerUsePrice: Milli, SubscriptionPrice: 4 * Milli, SubscriptionPeriod: 86_400, PackPrice: 3 * Milli, PackSize: 5, OwnerShareBps: 6000);
        RegisteredModel model = await market.RegisterModelAsync(1, modelDir, terms, "digits-linear", "8x8 digits, linear classifier");
        await ModelFilesComeByCidAndAreChecked(market, model, work);
        var ownerAddress = (await market.ConnectAsync(1)).Sender;
        var serverA = (await market.ConnectAsync(2)).Sender;
        var serverB = (await market.ConnectAsync(3)).Sender;
        await market.Operator.AuthorizeServerAsync(serverA);
        await market.Operator.AuthorizeServerAsync(serverB);
        MarketClient[] users = [await market.ClientAsync(4), await market.ClientAsync(5), await market.ClientAsync(6)];
        await users[1].BuyCreditsAsync(model.ModelId, 3 * Milli);
        await users[1].BuyCreditsAsync(model.ModelId, 3 * Milli);
        await users[2].BuySubscriptionAsync(model.ModelId, 4 * Milli);

        // Server A: the real CLI in its own process (so it can be killed); server B: in process, tampering.
        var modelsA = Path.Combine(work, "models-a");
        CopyDirectory(modelDir, Path.Combine(modelsA, model.ModelId.ToString(CultureInfo.InvariantCulture)));
        var keyFile = Path.Combine(work, "server-a.key");
        File.WriteAllText(keyFile, market.Node.PrivateKeys[2]);
        var urlA = $"http://127.0.0.1:{FreePort()}";
        string[] serveArgs = ["serve", "--rpc", market.Node.Url, "--market", market.Market.ToString(), "--key-file", keyFile,
            "--models", modelsA, "--urls", urlA, "--confirmations", "0", "--max-proofs", "1"];
        var processA = await StartServerProcess(serveArgs, urlA);
        using var stopA = new KillOnDispose(() => processA); // a failing assertion must not leave the server running
        await using var b = await market.StartServerAsync(3, [model], Path.Combine(work, "state-b"), p => new TamperingProver(p));

        // Twenty requests: user 0 pays per use, user 1 spends credits, user 2 has a subscription.
        var samples = InputJson.ReadMany(Path.Combine(RepoPaths.Shared, "models", Model, "sample_inputs.json"));
        var expectedClass = ReferenceArgMax();
        var now = await market.Operator.LatestBlockTimestampAsync();
        var requests = new List<(BigInteger Id, int User, int Sample, string Input)>();
        for (int i = 0; i < 20; i++)
        {
            int user = i % 3, sample = i % samples.Count;
            string input = JsonSerializer.Serialize(new { input = new[] { samples[sample] } });
            var commitment = OnnxCircuit.InputCommitment(settings, input).ToBigInteger();
            ulong deadline = now + (i == 19 ? 300ul : 3_600ul);
            var (id, _) = await users[user].RequestInferenceAsync(model.ModelId, commitment, deadline, user == 0 ? Milli : BigInteger.Zero);
            requests.Add((id, user, sample, input));
        }
        var toB = new HashSet<int> { 3, 7 };
        var forA = Enumerable.Range(0, 19).Where(i => !toB.Contains(i)).ToList();

        using var http = new HttpClient();
        var clientA = new ProverServerClient(http, urlA);
        var clientB = new ProverServerClient(http, b.Url);
        foreach (int i in toB) await clientB.PostInputAsync(requests[i].Id, requests[i].Input);
        foreach (int i in forA.Take(9)) await clientA.PostInputAsync(requests[i].Id, requests[i].Input);

        // Kill A once it has settled a few, then restart it on the same journal and send the rest.
        await WaitUntil(async () => await CountFinal(users[0], requests.Take(9).Select(r => r.Id)) >= 3, TimeSpan.FromMinutes(3));
        processA.Kill(entireProcessTree: true);
        await processA.WaitForExitAsync();
        output.WriteLine("server A killed");
        processA = await StartServerProcess(serveArgs, urlA);
        foreach (int i in forA.Skip(9)) await clientA.PostInputAsync(requests[i].Id, requests[i].Input);

        var served = forA.Concat(toB).Select(i => requests[i].Id).ToList();
        await WaitUntil(async () => await CountFinal(users[0], served) == served.Count, TimeSpan.FromMinutes(5));
        var finalA = new Dictionary<BigInteger, JsonElement>();
        foreach (int i in forA) finalA[requests[i].Id] = await clientA.WaitForFinalAsync(requests[i].Id, TimeSpan.FromMinutes(1));

        // The user-side command: commit, request, send the input to server A, wait, verify locally, print the outputs.
        var userKey = Path.Combine(work, "user.key");
        File.WriteAllText(userKey, market.Node.PrivateKeys[6]);
        var inputFile = Path.Combine(work, "input.json");
        File.WriteAllText(inputFile, requests[0].Input);
        var cli = await Task.Run(() => Zkinfer.Run(["market", "request", "--rpc", market.Node.Url, "--market", market.Market.ToString(), "--key-file", userKey,
            "--model", model.ModelId.ToString(CultureInfo.InvariantCulture), "--input", inputFile, "--model-dir", modelDir, "--server", urlA], timeout: TimeSpan.FromMinutes(5)));
        Assert.True(cli.ExitCode == 0, cli.StdOut + cli.StdErr);
        Assert.Contains("proof verified locally: yes", cli.StdErr);
        var cliLogits = JsonDocument.Parse(cli.StdOut).RootElement.GetProperty("output")[0].EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(expectedClass[requests[0].Sample], Array.IndexOf(cliLogits, cliLogits.Max()));
        var cliId = BigInteger.Parse(System.Text.RegularExpressions.Regex.Match(cli.StdErr, @"request: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

        // SIGTERM stops the server cleanly (exit 0) within the shutdown timeout.
        using (var term = Process.Start("kill", ["-TERM", processA.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await processA.WaitForExitAsync(exited.Token);
        Assert.Equal(0, processA.ExitCode);

        // Request 19 got no input: after its deadline its user cancels it.
        await Assert.ThrowsAsync<MarketRevertException>(() => users[1].CancelRequestAsync(requests[19].Id));
        await market.IncreaseTimeAsync(3_600);
        await users[1].CancelRequestAsync(requests[19].Id);

        // Every request ended exactly once, the right way.
        var (head, _) = await market.Operator.GetHeadAsync();
        var events = await market.Operator.GetEventsAsync(0, head);
        var asked = events.Select(e => e.Event).OfType<InferenceRequested>().ToDictionary(e => e.RequestId);
        var accepted = events.Select(e => e.Event).OfType<ResultAccepted>().ToList();
        var rejected = events.Select(e => e.Event).OfType<ProofRejected>().ToList();
        var cancelled = events.Select(e => e.Event).OfType<RequestCancelled>().ToList();
        var endings = accepted.Select(e => e.RequestId).Concat(rejected.Select(e => e.RequestId)).Concat(cancelled.Select(e => e.RequestId)).ToList();
        Assert.Equal(21, endings.Count);
        Assert.Equal(requests.Select(r => r.Id).Append(cliId).OrderBy(x => x), endings.OrderBy(x => x));
        Assert.All(accepted, e => Assert.Equal(serverA, e.Server));
        Assert.Equal(toB.Select(i => requests[i].Id).OrderBy(x => x), rejected.Select(e => e.RequestId).OrderBy(x => x));
        Assert.All(rejected, e => Assert.Equal(serverB, e.Server));
        Assert.Equal(requests[19].Id, Assert.Single(cancelled).RequestId);

        // Outputs: the right digit, and each proof verifies locally against the request it was bound to.
        foreach (int i in forA)
        {
            var r = requests[i];
            var status = finalA[r.Id];
            Assert.Equal("settled", status.GetProperty("state").GetString());
            var logits = status.GetProperty("output").GetProperty("output")[0].EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(expectedClass[r.Sample], Array.IndexOf(logits, logits.Max()));
            var result = accepted.Single(e => e.RequestId == r.Id);
            Fr[] signals = [.. result.Outputs.Select(Fr.FromBigInteger), Fr.FromBigInteger(asked[r.Id].InputCommitment),
                Fr.FromBigInteger(BigInteger.Parse(settings.ParamCommitment!, CultureInfo.InvariantCulture)), Fr.FromBigInteger(r.Id), Fr.FromBigInteger(serverA.ToUInt160())];
            var proof = ProofJson.Parse(status.GetProperty("proof").GetRawText());
            Assert.True(Verifier.Verify(model.VerifyingKey, signals, proof).IsValid);
            signals[^1] = Fr.FromBigInteger(serverB.ToUInt160());
            Assert.False(Verifier.Verify(model.VerifyingKey, signals, proof).IsValid); // bound to the server
        }

        // Money, exactly as the rules say: fee, then the owner's share, the server gets the rest; refunds in full.
        // The subscription settles at purchase: fee to the platform, the rest to the owner.
        BigInteger fees = terms.SubscriptionPrice * FeeBps / MarketRules.Bps, server = 0, refundsToUser0 = 0;
        BigInteger owner = terms.SubscriptionPrice - fees;
        foreach (var e in accepted)
        {
            var amount = asked[e.RequestId].Amount;
            var fee = amount * FeeBps / MarketRules.Bps;
            var ownerPart = (amount - fee) * terms.OwnerShareBps / MarketRules.Bps;
            Assert.Equal((fee, ownerPart, amount - fee - ownerPart), (e.Fee, e.OwnerAmount, e.ServerAmount));
            fees += fee; owner += ownerPart; server += amount - fee - ownerPart;
        }
        foreach (var e in rejected.Select(e => (e.RequestId, e.Refund)).Concat(cancelled.Select(e => (e.RequestId, e.Refund))))
        {
            Assert.Equal(asked[e.RequestId].Amount, e.Refund);
            if (requests.SingleOrDefault(r => r.Id == e.RequestId).User == 0 && e.RequestId != cliId) refundsToUser0 += e.Refund;
        }
        Assert.Equal(owner, await market.Operator.BalanceOfAsync(ownerAddress));
        Assert.Equal(server, await market.Operator.BalanceOfAsync(serverA));
        Assert.Equal(BigInteger.Zero, await market.Operator.BalanceOfAsync(serverB));
        Assert.Equal(refundsToUser0, await market.Operator.BalanceOfAsync(users[0].Sender));
        var status1 = await market.Operator.GetStatusAsync();
        Assert.Equal(fees, status1.AccruedFees);
        // 10 credits bought, 7 spent, 2 returned (the rejected and the cancelled request).
        Assert.Equal(5ul, await market.Operator.CreditCountAsync(users[1].Sender, model.ModelId));
        var creditValue = await market.Operator.CreditValueAsync(users[1].Sender, model.ModelId);
        // Conservation: everything the contract holds is owed to someone.
        Assert.Equal(status1.Held, owner + server + refundsToUser0 + fees + creditValue + await market.Operator.BalanceOfAsync(users[1].Sender)
            + await market.Operator.BalanceOfAsync(users[2].Sender));
        // Reputation: A gained one per settlement; B lost ten per bad proof (50 − 20 = 30, not yet below the threshold).
        Assert.Equal(new BigInteger(MarketRules.InitialReputation + accepted.Count), (await market.Operator.GetServerAsync(serverA)).Reputation);
        var recordB = await market.Operator.GetServerAsync(serverB);
        Assert.Equal(new BigInteger(MarketRules.InitialReputation - 2 * MarketRules.ReputationPenalty), recordB.Reputation);
        Assert.False(recordB.Suspended);

        // Withdrawals pay out exactly the balances.
        var ownerClient = await market.ClientAsync(1);
        var w = await ownerClient.WithdrawAsync();
        Assert.Equal(owner, w.Events.OfType<Withdrawal>().Single().Amount);
        Assert.Equal(BigInteger.Zero, await market.Operator.BalanceOfAsync(ownerAddress));
    }

    /// <summary>
    /// A server with an empty model folder provisions it from an IPFS gateway by the CIDs the model registered;
    /// a gateway serving other bytes, or a local file that differs from the registration, is refused.
    /// </summary>
    private static async Task ModelFilesComeByCidAndAreChecked(LocalMarketplace market, RegisteredModel model, string work)
    {
        string[] names = ["model.onnx", "circuit.r1cs", "settings.json"];
        var content = names.ToDictionary(n => ZkInference.Market.Ipfs.UnixFs.ComputeFileCid(Path.Combine(model.Directory, n)).ToString(),
            n => File.ReadAllBytes(Path.Combine(model.Directory, n)));
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseUrls(builder.WebHost, "http://127.0.0.1:0");
        await using var gateway = builder.Build();
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(gateway, "/ipfs/{cid}", (string cid) =>
            content.TryGetValue(cid, out var bytes) ? Microsoft.AspNetCore.Http.Results.Bytes(bytes) : Microsoft.AspNetCore.Http.Results.NotFound());
        await gateway.StartAsync();
        using var http = new HttpClient();
        var fetcher = new ZkInference.Market.Ipfs.IpfsFetcher(http, gateway.Urls.Single());

        var fetched = Path.Combine(work, "fetched");
        await ModelProvisioner.ProvisionAsync(market.Operator, model.ModelId, fetched, fetcher);
        foreach (var n in names) Assert.Equal(File.ReadAllBytes(Path.Combine(model.Directory, n)), File.ReadAllBytes(Path.Combine(fetched, n)));
        await ModelProvisioner.ProvisionAsync(market.Operator, model.ModelId, fetched, fetcher: null); // present and matching

        var settingsCid = ZkInference.Market.Ipfs.UnixFs.ComputeFileCid(Path.Combine(model.Directory, "settings.json")).ToString();
        content[settingsCid] = [.. content[settingsCid], (byte)' '];
        await Assert.ThrowsAsync<ZkInference.Market.Ipfs.IpfsContentMismatchException>(() =>
            ModelProvisioner.ProvisionAsync(market.Operator, model.ModelId, Path.Combine(work, "fetched-2"), fetcher));
        File.AppendAllText(Path.Combine(fetched, "settings.json"), " ");
        await Assert.ThrowsAsync<ZkInference.Market.Ipfs.IpfsContentMismatchException>(() =>
            ModelProvisioner.ProvisionAsync(market.Operator, model.ModelId, fetched, fetcher: null));
        await gateway.StopAsync();
    }

    private async Task<Process> StartServerProcess(string[] args, string url)
    {
        var process = Zkinfer.Start(args, log: line => output.WriteLine("[server A] " + line));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitUntil(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"zkinfer serve exited with {process.ExitCode}");
            try { return (await http.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, TimeSpan.FromMinutes(2));
        return process;
    }

    private sealed class KillOnDispose(Func<Process> current) : IDisposable
    {
        public void Dispose()
        {
            var p = current();
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    private static async Task<int> CountFinal(MarketClient client, IEnumerable<BigInteger> ids)
    {
        int n = 0;
        foreach (var id in ids)
            if ((await client.GetRequestAsync(id))?.Status is RequestStatus.Fulfilled or RequestStatus.Rejected or RequestStatus.Cancelled) n++;
        return n;
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"condition not reached within {timeout.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }

    private static int[] ReferenceArgMax()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "models", Model, "reference_outputs.json")));
        return doc.RootElement.GetProperty("argmax").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
