using System.CommandLine;
using System.Diagnostics;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Onnx;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer onnx bench &lt;model.onnx&gt; &lt;inputs.json&gt;</c>: one measured run of the whole pipeline on a model —
/// multiply-accumulates, constraints, constraints per multiply-accumulate (whole circuit and product layers),
/// compile, witness, setup (development setup: random toxic waste, in process) and prove time, and peak memory.
/// </summary>
internal static class OnnxBenchCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model.onnx") { Description = "The ONNX model" };
        var inputs = new Argument<string>("inputs.json") { Description = "Sample inputs ({\"inputs\": [...]}); the first is proved, all calibrate" };
        var paramVis = new Option<string>("--param-visibility") { Description = "Parameter visibility (default hashed)", DefaultValueFactory = _ => "hashed" };
        var cmd = new Command("bench", "Time compile, witness, setup and prove for one model (one run; prints a Markdown row)") { model, inputs, paramVis };
        cmd.SetAction(p => CliErrors.Run(() =>
        {
            var vis = Enum.Parse<Visibility>(p.GetValue(paramVis)!, ignoreCase: true);
            List<double[]> samples = InputJson.ReadMany(p.GetValue(inputs)!);
            var sw = Stopwatch.StartNew();
            OnnxModel m = OnnxModelLoader.Load(p.GetValue(model)!);
            OnnxCircuit c = OnnxCircuit.Compile(m, Calibration.Calibrate(CompileSettings.Default with { ParamVisibility = vis }, samples));
            double compile = sw.Elapsed.TotalSeconds;
            sw.Restart();
            Fr[] w = c.Witness(samples[0], 1, 2);
            double witness = sw.Elapsed.TotalSeconds;
            sw.Restart();
            ProvingKey key = DevSetup.Create(c.Circuit.System);
            double setup = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var proved = Prover.Prove(key, c.Circuit.System, w);
            double prove = sw.Elapsed.TotalSeconds;
            if (!Verifier.Verify(key.ToVerifyingKey(), proved.PublicSignals, proved.Proof).IsValid) throw new InvalidOperationException("the proof does not verify");
            long macs = c.Settings.MultiplyAccumulates;
            // A product layer's own constraints (not the earlier layers' rescales it laid out) plus its own rescale, also
            // when a later node laid it out (with a ReLU: the remainder check only) or a function's clamp decomposed its
            // remainder bits (see LayerReport).
            long productLayerConstraints = c.Settings.Layers.Where(l => l.MultiplyAccumulates > 0)
                .Sum(l => (long)l.Constraints - l.InheritedRescaleConstraints + l.DeferredRescaleConstraints + l.AbsorbedRoundingConstraints);
            long productConstraints = c.Settings.Layers.Sum(l => (long)l.ProductConstraints);
            double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            Console.Out.WriteLine("| model | params | MACs | constraints | constraints/MAC (all) | Gemm/Conv layers: constraints/MAC (products only) | compile s | witness s | setup s (dev) | prove s | peak MiB |");
            Console.Out.WriteLine($"| {Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(p.GetValue(model)!)))} ({vis.ToString().ToLowerInvariant()}) | {m.Constants.Values.Sum(t => t.Data.Length)} | {macs} | {c.Settings.Constraints} | {(double)c.Settings.Constraints / Math.Max(1, macs):F2} | {(double)productLayerConstraints / Math.Max(1, macs):F3} ({(double)productConstraints / Math.Max(1, macs):F3}) | {compile:F1} | {witness:F2} | {setup:F1} | {prove:F1} | {peak:F0} |");
            return 0;
        }));
        return cmd;
    }
}
