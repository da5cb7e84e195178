using System.CommandLine;
using System.Globalization;
using System.Numerics;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using static ZkInference.Cli.Commands.Market.MarketCli;

namespace ZkInference.Cli.Commands.Market;

/// <summary><c>zkinfer market deploy|register|access|request|submit|cancel|withdraw|admin|status</c>.</summary>
internal static class MarketCommands
{
    public static Command Create()
    {
        var market = new Command("market", "The inference marketplace on an EVM chain (docs/MARKET.md)");
        market.Subcommands.Add(Deploy());
        market.Subcommands.Add(Register());
        market.Subcommands.Add(Access());
        market.Subcommands.Add(Request());
        market.Subcommands.Add(Submit());
        market.Subcommands.Add(Cancel());
        market.Subcommands.Add(Withdraw());
        market.Subcommands.Add(MarketAdminCommands.Create());
        market.Subcommands.Add(MarketStatusCommand.Create());
        return market;
    }

    private static Command Deploy()
    {
        Option<string> fee = Number("--fee-bps", "Platform fee in basis points (at most 1000)", "250");
        var command = With(new Command("deploy", "Deploy a ZkInferenceMarket (the signer becomes its owner); prints its address") { fee }, market: false);
        SetAction(command, async parse =>
        {
            ChainConnection chain = await ConnectAsync(parse).ConfigureAwait(false);
            (MarketClient client, MarketTransaction tx) = await MarketClient.DeployAsync(chain, (int)ParseAmount(parse.GetValue(fee)!, "--fee-bps")).ConfigureAwait(false);
            Console.WriteLine($"market: {client.Contract}");
            PrintTransaction(tx);
            return 0;
        });
        return command;
    }

    private static Command Register()
    {
        Option<string> verifier = new("--verifier") { Description = "Verifier contract (zkinfer zkey export solidityverifier)", Required = true };
        Option<string?> param = new("--param-commitment") { Description = "The model's parameter commitment (decimal field element); default: from --model-dir's settings.json" };
        Option<string?> outputs = new("--outputs") { Description = "Number of output field elements; default: from --model-dir's settings.json" };
        Option<string?> modelDir = new("--model-dir") { Description = "A compiled model (zkinfer onnx compile): fills the parameter commitment, output count, shapes and the CIDs of model.onnx, circuit.r1cs and settings.json" };
        Option<string> price = Number("--price", "Wei per inference (0: free)", "0");
        Option<string> subPrice = Number("--subscription-price", "Wei per subscription period", "0");
        Option<string> subPeriod = Number("--subscription-period", "Seconds per subscription (0: none)", "0");
        Option<string> packPrice = Number("--pack-price", "Wei per credit pack", "0");
        Option<string> packSize = Number("--pack-size", "Credits per pack (0: none)", "0");
        Option<string> share = Number("--owner-share-bps", "Owner's share after the platform fee, basis points (the server gets the rest)", "5000");
        Option<string> name = new("--name") { Description = "Name", DefaultValueFactory = _ => "" };
        Option<string> description = new("--description") { Description = "Description", DefaultValueFactory = _ => "" };
        Option<string> inputShape = new("--input-shape") { Description = "Input shape", DefaultValueFactory = _ => "" };
        Option<string> outputShape = new("--output-shape") { Description = "Output shape", DefaultValueFactory = _ => "" };
        Option<string> uri = new("--uri") { Description = "URI", DefaultValueFactory = _ => "" };
        Option<string> weights = new("--weights-cid") { Description = "IPFS CID of the weights", DefaultValueFactory = _ => "" };
        Option<string> circuit = new("--circuit-cid") { Description = "IPFS CID of the compiled circuit", DefaultValueFactory = _ => "" };
        Option<string> settings = new("--settings-cid") { Description = "IPFS CID of settings.json", DefaultValueFactory = _ => "" };
        var command = With(new Command("register", "Register a model owned by the signer; prints its id")
            { verifier, modelDir, param, outputs, price, subPrice, subPeriod, packPrice, packSize, share, name, description, inputShape, outputShape, uri, weights, circuit, settings });
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse).ConfigureAwait(false);
            var terms = new ModelTerms(ParseAmount(parse.GetValue(price)!, "--price"), ParseAmount(parse.GetValue(subPrice)!, "--subscription-price"),
                (ulong)ParseAmount(parse.GetValue(subPeriod)!, "--subscription-period"), ParseAmount(parse.GetValue(packPrice)!, "--pack-price"),
                (ulong)ParseAmount(parse.GetValue(packSize)!, "--pack-size"), (int)ParseAmount(parse.GetValue(share)!, "--owner-share-bps"));
            string? paramText = parse.GetValue(param), outputsText = parse.GetValue(outputs);
            string inShape = parse.GetValue(inputShape)!, outShape = parse.GetValue(outputShape)!;
            string weightsCid = parse.GetValue(weights)!, circuitCid = parse.GetValue(circuit)!, settingsCid = parse.GetValue(settings)!;
            if (parse.GetValue(modelDir) is { } dir)
            {
                // What the market records about a model comes from its compiled folder, so it cannot drift from it.
                var s = ZkInference.Onnx.Settings.CircuitSettings.FromJson(File.ReadAllText(Path.Combine(dir, "settings.json")));
                paramText ??= s.ParamCommitment ?? throw new MarketException($"{dir}/settings.json has no parameter commitment (compile with --param-visibility hashed)");
                outputsText ??= (s.Signal("output")?.Count ?? throw new MarketException($"{dir}/settings.json: the outputs are not public")).ToString(CultureInfo.InvariantCulture);
                if (inShape.Length == 0) inShape = string.Join('x', s.InputShape);
                if (outShape.Length == 0) outShape = string.Join('x', s.OutputShape);
                string Cid(string file) => ZkInference.Market.Ipfs.UnixFs.ComputeFileCid(Path.Combine(dir, file)).ToString();
                if (weightsCid.Length == 0) weightsCid = Cid(s.ModelFile);
                if (circuitCid.Length == 0) circuitCid = Cid("circuit.r1cs");
                if (settingsCid.Length == 0) settingsCid = Cid("settings.json");
            }
            var meta = new ModelMetadata(parse.GetValue(name)!, parse.GetValue(description)!, inShape, outShape,
                parse.GetValue(uri)!, weightsCid, circuitCid, settingsCid);
            (BigInteger id, MarketTransaction tx) = await client.RegisterModelAsync(Address.Parse(parse.GetValue(verifier)!),
                ParseAmount(paramText ?? throw new MarketException("give --param-commitment or --model-dir"), "--param-commitment"),
                (int)ParseAmount(outputsText ?? throw new MarketException("give --outputs or --model-dir"), "--outputs"), terms, meta).ConfigureAwait(false);
            Console.WriteLine($"model: {id}");
            PrintTransaction(tx);
            return 0;
        });
        return command;
    }

    private static Command Access()
    {
        Option<string> model = Number("--model", "Model id");
        Argument<string> tier = new("tier") { Description = "subscription (one period) or credits (one pack); pays the model's price" };
        tier.AcceptOnlyFromAmong("subscription", "credits");
        var command = With(new Command("access", "Buy access to a model: a subscription period or a credit pack") { tier, model });
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse).ConfigureAwait(false);
            BigInteger id = ParseAmount(parse.GetValue(model)!, "--model");
            MarketModel m = await client.GetModelAsync(id).ConfigureAwait(false) ?? throw new MarketException($"model {id} does not exist");
            MarketTransaction tx = parse.GetValue(tier) == "subscription"
                ? await client.BuySubscriptionAsync(id, m.Terms.SubscriptionPrice).ConfigureAwait(false)
                : await client.BuyCreditsAsync(id, m.Terms.PackPrice).ConfigureAwait(false);
            PrintTransaction(tx);
            return 0;
        });
        return command;
    }

    private static Command Request()
    {
        Option<string> model = Number("--model", "Model id");
        Option<string?> commitment = new("--input-commitment") { Description = "Poseidon commitment of the quantized input (decimal); or give --input and --model-dir" };
        Option<string?> input = new("--input") { Description = "input.json: the commitment is computed from it (needs --model-dir), and with --server it is sent to that prover server" };
        Option<string?> modelDir = new("--model-dir") { Description = "The compiled model (settings.json, and circuit.zkey or verification_key.json to check the proof)" };
        Option<string?> server = new("--server") { Description = "A prover server's URL: send it the input, wait for the result, verify the proof and print the outputs" };
        Option<string> ttl = Number("--deadline-seconds", "Seconds until the deadline (at most 30 days)", "3600");
        Option<int> wait = new("--wait-seconds") { Description = "How long to wait for the server's result", DefaultValueFactory = _ => 600 };
        var command = With(new Command("request", "Request an inference; pays the per-use price unless a subscription or credit covers it; prints the request id (with --server: the verified, decoded outputs)")
            { model, commitment, input, modelDir, server, ttl, wait });
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse).ConfigureAwait(false);
            BigInteger id = ParseAmount(parse.GetValue(model)!, "--model");
            MarketModel m = await client.GetModelAsync(id).ConfigureAwait(false) ?? throw new MarketException($"model {id} does not exist");
            ulong now = await client.LatestBlockTimestampAsync().ConfigureAwait(false);
            ulong expiry = await client.SubscriptionExpiryAsync(client.Sender, id).ConfigureAwait(false);
            ulong credits = await client.CreditCountAsync(client.Sender, id).ConfigureAwait(false);
            BigInteger value = expiry > now + 60 || credits > 0 ? 0 : m.Terms.PerUsePrice;
            ulong deadline = now + (ulong)ParseAmount(parse.GetValue(ttl)!, "--deadline-seconds");

            if (parse.GetValue(input) is not { } inputPath)
            {
                string c = parse.GetValue(commitment) ?? throw new MarketException("give --input-commitment, or --input with --model-dir");
                (BigInteger requestId, MarketTransaction tx) = await client.RequestInferenceAsync(id, ParseAmount(c, "--input-commitment"), deadline, value).ConfigureAwait(false);
                Console.WriteLine($"request: {requestId}");
                PrintTransaction(tx);
                return 0;
            }
            string dir = parse.GetValue(modelDir) ?? throw new MarketException("--input needs --model-dir (the compiled model's folder, for its settings.json)");
            var settings = ZkInference.Onnx.Settings.CircuitSettings.FromJson(File.ReadAllText(Path.Combine(dir, "settings.json")));
            string inputJson = File.ReadAllText(inputPath);
            if (parse.GetValue(server) is not { } serverUrl)
            {
                var c = ZkInference.Server.Client.InferenceRequester.Commit(settings, inputJson);
                (BigInteger requestId, MarketTransaction tx) = await client.RequestInferenceAsync(id, c, deadline, value).ConfigureAwait(false);
                Console.WriteLine($"request: {requestId}");
                PrintTransaction(tx);
                return 0;
            }
            string vkJson = Path.Combine(dir, "verification_key.json");
            Groth16.VerifyingKey key = File.Exists(vkJson) ? Groth16.Json.VerificationKeyJson.Read(vkJson) : Groth16.ZkeyFile.ReadVerifyingKey(Path.Combine(dir, "circuit.zkey"));
            using var http = new HttpClient();
            var result = await new ZkInference.Server.Client.InferenceRequester(client, http)
                .RunAsync(id, settings, key, inputJson, serverUrl, value, deadline, TimeSpan.FromSeconds(parse.GetValue(wait))).ConfigureAwait(false);
            Console.Error.WriteLine($"request: {result.RequestId} {result.State}{(result.Reason is null ? "" : ": " + result.Reason)}");
            if (result.State != "settled") return 1;
            Console.Error.WriteLine($"proof verified locally: {(result.VerifiedLocally ? "yes" : "NO")}");
            if (!result.VerifiedLocally) return 1;
            Console.WriteLine(result.DecodedOutputJson);
            return 0;
        });
        return command;
    }

    private static Command Submit()
    {
        Option<string> request = Number("--request", "Request id");
        Argument<string> proof = Groth16Commands.FileArgument("proof.json", "proof.json", "Proof (snarkjs JSON)");
        Argument<string> pub = Groth16Commands.FileArgument("public.json", "public.json", "Public signals: outputs, then input commitment, parameter commitment, request id, server");
        var command = With(new Command("submit", "Submit a result with its proof; exit 0 when accepted, 1 when the proof is rejected") { proof, pub, request });
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse).ConfigureAwait(false);
            BigInteger id = ParseAmount(parse.GetValue(request)!, "--request");
            InferenceRequest r = await client.GetRequestAsync(id).ConfigureAwait(false) ?? throw new MarketException($"request {id} does not exist");
            MarketModel m = (await client.GetModelAsync(r.ModelId).ConfigureAwait(false))!;
            string[] signals = PublicSignalsJson.Read(parse.GetValue(pub)!);
            if (signals.Length != m.NumOutputs + 4)
                throw new MarketException($"public.json has {signals.Length} signals; model {r.ModelId} needs {m.NumOutputs} outputs + 4");
            BigInteger[] outputs = signals[..m.NumOutputs].Select(s => BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            BigInteger[] words = ProofCalldata.ToWords(ProofJson.Read(parse.GetValue(proof)!));
            SubmitOutcome outcome = await client.SubmitResultAsync(id, outputs, words).ConfigureAwait(false);
            Console.WriteLine(outcome.Accepted ? $"accepted: request {id}" : $"rejected: request {id} (proof invalid for this request and server; the user was refunded)");
            PrintTransaction(outcome.Transaction);
            return outcome.Accepted ? 0 : 1;
        });
        return command;
    }

    private static Command Cancel()
    {
        Option<string> request = Number("--request", "Request id");
        var command = With(new Command("cancel", "Cancel your request after its deadline and get the refund") { request });
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse).ConfigureAwait(false);
            PrintTransaction(await client.CancelRequestAsync(ParseAmount(parse.GetValue(request)!, "--request")).ConfigureAwait(false));
            return 0;
        });
        return command;
    }

    private static Command Withdraw()
    {
        var command = With(new Command("withdraw", "Withdraw everything the market owes you"));
        SetAction(command, async parse =>
        {
            MarketClient client = await ClientAsync(parse).ConfigureAwait(false);
            PrintTransaction(await client.WithdrawAsync().ConfigureAwait(false));
            return 0;
        });
        return command;
    }
}
