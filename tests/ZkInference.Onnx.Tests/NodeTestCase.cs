using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// One ONNX backend node test (libonnx-testdata): model.onnx plus test_data_set_0/input_*.pb and output_0.pb. The
/// first input is the circuit's input; further inputs become constants (parameters). Compiled at scales 2^10 with
/// fixed parameters and input_range from the data, witnessed (every constraint checked), and the decoded output
/// compared with the expected output within <see cref="Tolerance"/>.
/// </summary>
internal static class NodeTestCase
{
    public const string Root = "/usr/share/libonnx-testdata/data/node";

    /// <summary>Documented tolerance: |y − expected| ≤ 0.02 + 0.01·|expected| at scale 2^10.</summary>
    public static double Tolerance(double expected) => 0.02 + 0.01 * Math.Abs(expected);

    public static (double MaxError, int Constraints) Run(string name)
    {
        string dir = Path.Combine(Root, name), data = Path.Combine(dir, "test_data_set_0");
        var inputs = Directory.GetFiles(data, "input_*.pb").Order().Select(TensorReader.ReadFile).ToList();

        OnnxModel probe = OnnxModelLoader.Load(File.ReadAllBytes(Path.Combine(dir, "model.onnx")), name, BindExtraInputs(dir, inputs));
        double[] x = inputs[0].Data;
        double range = Math.Max(1, x.Select(Math.Abs).DefaultIfEmpty(0).Max());
        var settings = CompileSettings.Default with
        {
            InputScale = 10, ParamScale = 10, ParamVisibility = Visibility.Fixed, InputVisibility = Visibility.Private,
            InputRange = range, BindRequest = false,
        };
        OnnxCircuit c = OnnxCircuit.Compile(probe, settings);
        double[] y = OnnxCircuit.DecodeOutput(c.Settings, c.PublicSignals(c.Witness(x)).Select(s => s.ToString()).ToArray());
        double[] expected = TensorReader.ReadFile(Path.Combine(data, "output_0.pb")).Data;
        if (y.Length != expected.Length) throw new InvalidOperationException($"{name}: {y.Length} outputs, expected {expected.Length}");
        double max = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double e = Math.Abs(y[i] - expected[i]);
            if (e > Tolerance(expected[i])) throw new InvalidOperationException($"{name}: output {i} = {y[i]}, expected {expected[i]}");
            max = Math.Max(max, e);
        }
        return (max, c.Settings.Constraints);
    }

    /// <summary>Graph inputs after the first, by position, bound to the test's input_i.pb values.</summary>
    private static Dictionary<string, ConstantTensor> BindExtraInputs(string dir, List<ConstantTensor> inputs)
    {
        var model = Protobuf.ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(dir, "model.onnx")));
        var initializers = model.Graph.Initializer.Select(i => i.Name).ToHashSet();
        var names = model.Graph.Input.Select(i => i.Name).Where(n => !initializers.Contains(n)).ToList();
        var bound = new Dictionary<string, ConstantTensor>();
        for (int i = 1; i < names.Count && i < inputs.Count; i++) bound[names[i]] = inputs[i] with { Name = names[i] };
        return bound;
    }
}
