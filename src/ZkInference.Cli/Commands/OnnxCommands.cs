using System.CommandLine;
using System.Numerics;
using System.Text;
using System.Text.Json;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Formats;
using ZkInference.Groth16.Json;
using ZkInference.Onnx;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer onnx compile|witness|prove|verify</c>: ONNX models to Groth16 proofs.</summary>
internal static class OnnxCommands
{
    public static Command Create()
    {
        var onnx = new Command("onnx", "ONNX models to circuits, witnesses and Groth16 proofs");
        onnx.Subcommands.Add(Compile());
        onnx.Subcommands.Add(Witness());
        onnx.Subcommands.Add(Prove());
        onnx.Subcommands.Add(Verify());
        onnx.Subcommands.Add(OnnxBenchCommand.Create());
        return onnx;
    }

    private static Command Compile()
    {
        var model = new Argument<string>("model.onnx") { Description = "The ONNX model" };
        var dir = new Argument<string>("dir") { Description = "Directory for circuit.r1cs, settings.json and a copy of the model" };
        CompileSettings d = CompileSettings.Default;
        var inputScale = new Option<int>("--input-scale") { Description = $"Fractional bits of inputs and activations (default {d.InputScale})", DefaultValueFactory = _ => d.InputScale };
        var paramScale = new Option<int>("--param-scale") { Description = $"Fractional bits of the parameters (default {d.ParamScale})", DefaultValueFactory = _ => d.ParamScale };
        var inputVis = VisibilityOption("--input-visibility", d.InputVisibility);
        var outputVis = VisibilityOption("--output-visibility", d.OutputVisibility);
        var paramVis = VisibilityOption("--param-visibility", d.ParamVisibility);
        var inputRange = new Option<double?>("--input-range") { Description = $"Largest |input element| accepted (default {d.InputRange}; set from --calibration when given)" };
        var calibration = new Option<string?>("--calibration") { Description = "Sample inputs ({\"inputs\": [...]} or an array of inputs): sets input_range and reports the error against ONNX Runtime" };
        var noBinding = new Option<bool>("--no-request-binding") { Description = "Leave out the requestId and server public inputs" };
        var cmd = new Command("compile", "Compile an ONNX model to circuit.r1cs and settings.json") { model, dir, inputScale, paramScale, inputVis, outputVis, paramVis, inputRange, calibration, noBinding };
        cmd.SetAction(p => Run(() =>
        {
            var settings = d with
            {
                InputScale = p.GetValue(inputScale), ParamScale = p.GetValue(paramScale),
                InputVisibility = p.GetValue(inputVis), OutputVisibility = p.GetValue(outputVis), ParamVisibility = p.GetValue(paramVis),
                BindRequest = !p.GetValue(noBinding),
            };
            List<double[]>? samples = p.GetValue(calibration) is string cal ? InputJson.ReadMany(cal) : null;
            if (samples is not null) settings = Calibration.Calibrate(settings, samples);
            if (p.GetValue(inputRange) is double range) settings = settings with { InputRange = range };
            OnnxModel loaded = OnnxModelLoader.Load(p.GetValue(model)!);
            OnnxCircuit circuit = Progress.Step("Compiling", () => OnnxCircuit.Compile(loaded, settings));
            CircuitSettings result = circuit.Settings;
            if (samples is not null && settings.OutputVisibility == Visibility.Public)
                result = result with { Accuracy = Calibration.Report(circuit, samples) };
            ZkInference.Server.Models.CompiledModelFiles.Write(p.GetValue(dir)!, loaded, circuit, result);
            Console.Out.WriteLine($"constraints: {result.Constraints}");
            Console.Out.WriteLine($"public signals: {result.PublicSignals.Sum(e => e.Count)} ({string.Join(", ", result.PublicSignals.Select(e => e.Count == 1 ? e.Name : $"{e.Name}[{e.Count}]"))})");
            Console.Out.WriteLine($"multiply-accumulates: {result.MultiplyAccumulates}");
            if (result.ParamCommitment is not null) Console.Out.WriteLine($"param commitment: {result.ParamCommitment}");
            if (result.Accuracy is AccuracyReport a)
                Console.Out.WriteLine($"against ONNX Runtime on {a.Samples} samples: max abs error {a.MaxAbsError:g4}, mean abs error {a.MeanAbsError:g4}, top-1 agreement {a.Top1Agreement:P0}");
            return 0;
        }));
        return cmd;
    }

    private static Option<Visibility> VisibilityOption(string name, Visibility fallback) => new(name)
    {
        Description = $"public, private, fixed (parameters only) or hashed (default {fallback.ToString().ToLowerInvariant()})",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => Enum.TryParse(r.Tokens.Single().Value, ignoreCase: true, out Visibility v) && Enum.IsDefined(v) ? v : throw new OnnxException($"{name}: '{r.Tokens.Single().Value}' is not public, private, fixed or hashed"),
    };

    private static (Option<string> RequestId, Option<string> Server) BindingOptions() =>
        (new Option<string>("--request-id") { Description = "The marketplace request id (decimal or 0x-hex; default 0)", DefaultValueFactory = _ => "0" },
         new Option<string>("--server") { Description = "The proving server's address (0x-hex or decimal; default 0)", DefaultValueFactory = _ => "0" });

    private static Fr[] MakeWitness(string dir, string inputPath, string requestId, string server)
    {
        OnnxCircuit circuit = Progress.Step("Compiling", () => OnnxCircuit.Load(dir));
        double[] input = InputJson.Read(inputPath);
        return Progress.Step("Computing the witness", () => circuit.Witness(input, OnnxCircuit.ParseField(requestId, "--request-id"), OnnxCircuit.ParseField(server, "--server")));
    }

    private static Command Witness()
    {
        var dir = new Argument<string>("dir") { Description = "The compiled directory" };
        var input = new Argument<string>("input.json") { Description = "The input (nested arrays of floats, or {\"input\": ...})" };
        var wtns = new Argument<string>("witness.wtns") { Description = "Witness to write" };
        var (rid, server) = BindingOptions();
        var cmd = new Command("witness", "Compute the witness of a compiled model for an input") { dir, input, wtns, rid, server };
        cmd.SetAction(p => Run(() =>
        {
            Fr[] w = MakeWitness(p.GetValue(dir)!, p.GetValue(input)!, p.GetValue(rid)!, p.GetValue(server)!);
            AtomicFile.Write(p.GetValue(wtns)!, s => WtnsFile.Write(w, s, leaveOpen: true));
            return 0;
        }));
        return cmd;
    }

    private static Command Prove()
    {
        var dir = new Argument<string>("dir") { Description = "The compiled directory" };
        var zkey = new Argument<string>("circuit.zkey") { Description = "The proving key of circuit.r1cs" };
        var input = new Argument<string>("input.json") { Description = "The input" };
        var proof = new Argument<string>("proof.json") { Description = "Proof to write" };
        var pub = new Argument<string>("public.json") { Description = "Public signals to write" };
        var (rid, server) = BindingOptions();
        var cmd = new Command("prove", "Prove the model's output on an input with a Groth16 proving key") { dir, zkey, input, proof, pub, rid, server };
        cmd.SetAction(p => Run(() =>
        {
            Fr[] w = MakeWitness(p.GetValue(dir)!, p.GetValue(input)!, p.GetValue(rid)!, p.GetValue(server)!);
            ProofWithPublicSignals result = Progress.Step("Proving", () => Prover.Prove(p.GetValue(zkey)!, w));
            ProofJson.Write(p.GetValue(proof)!, result.Proof);
            PublicSignalsJson.Write(p.GetValue(pub)!, result.PublicSignals);
            return 0;
        }));
        return cmd;
    }

    private static Command Verify()
    {
        var dir = new Argument<string>("dir") { Description = "The compiled directory (its settings.json decodes the outputs)" };
        var vk = new Argument<string>("verification_key.json") { Description = "Verification key" };
        var pub = new Argument<string>("public.json") { Description = "Public signals" };
        var proof = new Argument<string>("proof.json") { Description = "Proof" };
        var cmd = new Command("verify", "Verify a proof and print the outputs decoded to floats as JSON (exit 1 with the reason if it does not verify)") { dir, vk, pub, proof };
        cmd.SetAction(p => Run(() =>
        {
            string settingsPath = Path.Combine(p.GetValue(dir)!, "settings.json");
            if (!File.Exists(settingsPath)) throw new OnnxException($"{settingsPath} does not exist");
            CircuitSettings settings = CircuitSettings.FromJson(File.ReadAllText(settingsPath), settingsPath);
            var key = new PreparedVerifyingKey(VerificationKeyJson.Read(p.GetValue(vk)!));
            string[] signals = PublicSignalsJson.Read(p.GetValue(pub)!);
            int expected = settings.PublicSignals.Sum(e => e.Count);
            if (signals.Length != expected) { Console.Out.WriteLine($"the proof has {signals.Length} public signals, the compiled model {expected}"); return 1; }
            VerificationResult result = Verifier.Verify(key, signals, ProofJson.Read(p.GetValue(proof)!));
            if (!result.IsValid) { Console.Out.WriteLine(result.Message); return 1; }
            double[] y = OnnxCircuit.DecodeOutput(settings, signals);
            Console.Out.WriteLine(ZkInference.Server.Models.OutputJson.Format(y, settings.OutputShape));
            return 0;
        }));
        return cmd;
    }

    private static int Run(Func<int> action)
    {
        try { return CliErrors.Run(action); }
        catch (OnnxException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
