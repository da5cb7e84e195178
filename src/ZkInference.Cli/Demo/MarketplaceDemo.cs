using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Spectre.Console;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;
using ZkInference.Groth16.Setup;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Onnx;
using ZkInference.Onnx.Settings;
using ZkInference.Server.Client;
using ZkInference.Server.Local;
using ZkInference.Server.Models;

namespace ZkInference.Cli.Demo;

/// <summary>
/// The whole marketplace on the bundled model (digits_mlp): compile it to a circuit, set up Groth16, start a local
/// chain, deploy the market and the model's verifier, register the model, buy access three ways, send requests to
/// two prover servers, prove, verify on chain, settle, withdraw, and print what happened.
/// </summary>
internal sealed class MarketplaceDemo(string folder, IAnsiConsole console, int requestCount, string? ptau)
{
    private const int FeeBps = 250;
    private static readonly BigInteger Milli = BigInteger.Pow(10, 15);
    private static readonly string[] Access = ["per use", "credit", "subscr."];

    private sealed record Outcome(BigInteger RequestId, int User, int Server, int Label, int Reference, int Predicted, string State, double ProvingMs, ulong Gas, bool VerifiedLocally);

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        console.MarkupLine($"[bold]zkinfer demo[/]: an inference marketplace on a local chain, with the bundled model [blue]{BundledModel.Name}[/] (files in [blue]{Markup.Escape(folder)}[/])");
        var modelDir = Path.Combine(folder, "model");

        var onnx = BundledModel.Load();
        var circuit = Step("Compile the ONNX model to a circuit (inputs hashed, outputs public, parameters hashed)", () =>
        {
            var c = OnnxCircuit.Compile(onnx, CompileSettings.Default);
            CompiledModelFiles.Write(modelDir, onnx, c, c.Settings);
            return c;
        });
        CircuitSettings settings = circuit.Settings;
        console.MarkupLine($"  {settings.Constraints:N0} constraints for {settings.MultiplyAccumulates:N0} multiply-accumulates; parameter commitment {Short(settings.ParamCommitment!)}");

        var zkeyPath = Path.Combine(modelDir, ServedModel.ZkeyFileName);
        if (ptau is null)
            Step("Groth16 setup (development: random toxic waste, never written; pass --ptau for a ceremony file)", () =>
                ZkeyFile.Write(DevSetup.Create(circuit.Circuit.System), zkeyPath));
        else
            Step($"groth16 setup with {Path.GetFileName(ptau)}", () => ZkeySetup.Run(Path.Combine(modelDir, "circuit.r1cs"), ptau, zkeyPath));

        var home = DevChainHome.Find();
        await using var market = await StepAsync("Start a local chain (hardhat node on 127.0.0.1) and deploy the market", () =>
            LocalMarketplace.StartAsync(home, accounts: 7, FeeBps, line => console.MarkupLine($"  [grey]{Markup.Escape(line)}[/]"), cancellation));
        var terms = new ModelTerms(PerUsePrice: Milli, SubscriptionPrice: 4 * Milli, SubscriptionPeriod: 86_400, PackPrice: 3 * Milli, PackSize: 5, OwnerShareBps: 6000);
        var model = await StepAsync("Deploy the model's Groth16 verifier and register the model (CIDs of weights, circuit, settings)", () =>
            market.RegisterModelAsync(1, modelDir, terms, "digits-mlp", "8x8 handwritten digits, 64-32-16-10 MLP", cancellation));
        Address owner = (await market.ConnectAsync(1, cancellation)).Sender;
        Address[] servers = [(await market.ConnectAsync(2, cancellation)).Sender, (await market.ConnectAsync(3, cancellation)).Sender];
        MarketClient[] users = [await market.ClientAsync(4, cancellation), await market.ClientAsync(5, cancellation), await market.ClientAsync(6, cancellation)];
        await StepAsync("Authorize two prover servers; users buy access (per use, a credit pack, a subscription)", async () =>
        {
            foreach (var s in servers) await market.Operator.AuthorizeServerAsync(s, cancellationToken: cancellation);
            await users[1].BuyCreditsAsync(model.ModelId, terms.PackPrice, cancellationToken: cancellation);
            await users[2].BuySubscriptionAsync(model.ModelId, terms.SubscriptionPrice, cancellationToken: cancellation);
            return 0;
        });
        var running = new List<LocalProverServer>();
        await StepAsync("Start the two prover servers", async () =>
        {
            for (int s = 0; s < 2; s++) running.Add(await market.StartServerAsync(2 + s, [model], Path.Combine(folder, $"server-{s + 1}"), cancellation: cancellation));
            return 0;
        });

        var samples = BundledModel.Samples();
        using var http = new HttpClient();
        var outcomes = new List<Outcome>();
        var now = await market.Operator.LatestBlockTimestampAsync(cancellation);
        var sent = await StepAsync($"Send {requestCount} requests (input commitment on chain, input to a server)", async () =>
        {
            var list = new List<(BigInteger Id, int User, int Server, int Sample)>();
            for (int i = 0; i < requestCount; i++)
            {
                int user = i % 3, server = i % 2, sample = i % samples.Count;
                string input = JsonSerializer.Serialize(new { input = new[] { samples[sample].Input } });
                var commitment = OnnxCircuit.InputCommitment(settings, input).ToBigInteger();
                var (id, _) = await users[user].RequestInferenceAsync(model.ModelId, commitment, now + 3_600, user == 0 ? terms.PerUsePrice : 0, cancellationToken: cancellation);
                await new ProverServerClient(http, running[server].Url).PostInputAsync(id, input, cancellation);
                list.Add((id, user, server, sample));
            }
            return list;
        });

        var prepared = new PreparedVerifyingKey(model.VerifyingKey);
        await console.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("Servers prove and submit; the market verifies on chain and settles", maxValue: sent.Count);
            foreach (var (id, user, server, sample) in sent)
            {
                var status = await new ProverServerClient(http, running[server].Url).WaitForFinalAsync(id, TimeSpan.FromMinutes(10), cancellation);
                task.Increment(1);
                outcomes.Add(await OutcomeOf(market, prepared, settings, status, id, user, server, samples[sample], servers[server], cancellation));
            }
        });
        console.MarkupLine($"[green]✓[/] {outcomes.Count(o => o.State == "settled")} of {outcomes.Count} requests settled on chain");

        var balances = await StepAsync("Owner and servers withdraw their earnings; the operator withdraws the fees", async () =>
        {
            var status = await market.Operator.GetStatusAsync(cancellation);
            var ownerBalance = await market.Operator.BalanceOfAsync(owner, cancellation);
            var serverBalances = new List<BigInteger>();
            foreach (var s in servers) serverBalances.Add(await market.Operator.BalanceOfAsync(s, cancellation));
            if (ownerBalance > 0) await (await market.ClientAsync(1, cancellation)).WithdrawAsync(cancellationToken: cancellation);
            for (int s = 0; s < 2; s++)
                if (serverBalances[s] > 0) await (await market.ClientAsync(2 + s, cancellation)).WithdrawAsync(cancellationToken: cancellation);
            if (status.AccruedFees > 0) await market.Operator.WithdrawFeesAsync(cancellationToken: cancellation);
            return (ownerBalance, serverBalances, status.AccruedFees);
        });
        foreach (var s in running) await s.DisposeAsync();

        return await Summarise(market, outcomes, servers, balances.ownerBalance, balances.serverBalances, balances.AccruedFees, model);
    }

    private static async Task<Outcome> OutcomeOf(LocalMarketplace market, PreparedVerifyingKey key, CircuitSettings settings, JsonElement status,
        BigInteger id, int user, int server, (int Label, double[] Input) sample, Address serverAddress, CancellationToken cancellation)
    {
        string state = status.GetProperty("state").GetString()!;
        int predicted = -1;
        bool verified = false;
        if (status.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object)
        {
            var logits = output.GetProperty("output")[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            predicted = Array.IndexOf(logits, logits.Max());
        }
        if (state == "settled")
        {
            // Check the proof here too, with the public signals the contract built from the request.
            var request = await market.Operator.GetRequestAsync(id, cancellation) ?? throw new InvalidOperationException($"request {id} vanished");
            var (head, _) = await market.Operator.GetHeadAsync(cancellation);
            var accepted = (await market.Operator.GetEventsAsync(0, head, cancellation)).Select(e => e.Event).OfType<ResultAccepted>().Single(e => e.RequestId == id);
            Fr[] signals = [.. accepted.Outputs.Select(Fr.FromBigInteger), Fr.FromBigInteger(request.InputCommitment),
                Fr.FromBigInteger(BigInteger.Parse(settings.ParamCommitment!, CultureInfo.InvariantCulture)), Fr.FromBigInteger(id), Fr.FromBigInteger(serverAddress.ToUInt160())];
            verified = Verifier.Verify(key, signals, ProofJson.Parse(status.GetProperty("proof").GetRawText())).IsValid;
        }
        var reference = Calibration.RunReference(BundledModel.Load(), sample.Input);
        int referenceClass = Array.IndexOf(reference, reference.Max());
        return new Outcome(id, user, server, sample.Label, referenceClass, predicted, state,
            status.GetProperty("provingMilliseconds").GetDouble(), status.GetProperty("gasUsed").GetUInt64(), verified);
    }

    private async Task<int> Summarise(LocalMarketplace market, List<Outcome> outcomes, Address[] servers, BigInteger owner,
        List<BigInteger> serverBalances, BigInteger fees, RegisteredModel model)
    {
        var table = new Table().AddColumn("id").AddColumn("paid by").AddColumn("srv").AddColumn("digit").AddColumn("proved")
            .AddColumn("float").AddColumn("state").AddColumn(new TableColumn("proving").RightAligned()).AddColumn(new TableColumn("gas").RightAligned())
            .AddColumn("ok");
        foreach (var o in outcomes)
            table.AddRow(o.RequestId.ToString(), Access[o.User], $"#{o.Server + 1}", o.Label.ToString(), o.Predicted.ToString(), o.Reference.ToString(),
                o.State, $"{o.ProvingMs / 1000:0.0} s", o.Gas.ToString("N0"), Mark(o.VerifiedLocally));
        console.Write(table);

        var money = new Table().AddColumn("account").AddColumn(new TableColumn("earned (ETH)").RightAligned()).AddColumn(new TableColumn("reputation").RightAligned());
        money.AddRow("model owner", Eth(owner), "");
        for (int s = 0; s < servers.Length; s++)
            money.AddRow($"server #{s + 1}", Eth(serverBalances[s]), (await market.Operator.GetServerAsync(servers[s])).Reputation.ToString());
        money.AddRow($"platform fees ({FeeBps / 100.0:0.##}%)", Eth(fees), "");
        console.Write(money);
        console.MarkupLine($"registration gas {model.RegisterGas:N0}; market {market.Market}; model verifier {model.Verifier}");

        bool ok = outcomes.All(o => o.State == "settled" && o.VerifiedLocally && o.Predicted == o.Reference);
        console.MarkupLine(ok ? "[green]OK[/]: every request settled, every proof verified, every proved output agrees with the float model"
                              : "[red]FAILED[/]");
        return ok ? 0 : 1;
    }

    private static string Eth(BigInteger wei) => ((decimal)wei / 1_000_000_000_000_000_000m).ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Short(string decimalText) => decimalText.Length > 16 ? decimalText[..8] + "…" + decimalText[^6..] : decimalText;

    private static string Mark(bool ok) => ok ? "[green]yes[/]" : "[red]no[/]";

    private T Step<T>(string name, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        T result = action();
        console.MarkupLine($"[green]✓[/] {Markup.Escape(name)} [grey]({watch.Elapsed.TotalSeconds:0.0} s)[/]");
        return result;
    }

    private void Step(string name, Action action) => Step(name, () => { action(); return 0; });

    private async Task<T> StepAsync<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        T result = await action();
        console.MarkupLine($"[green]✓[/] {Markup.Escape(name)} [grey]({watch.Elapsed.TotalSeconds:0.0} s)[/]");
        return result;
    }
}
