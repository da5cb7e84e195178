using Xunit;
using ZkInference.Onnx.Compiler;
using ZkInference.Field;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Protobuf;
using ZkInference.Onnx.Settings;

using static ZkInference.Onnx.Tests.TestGraphs;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// Product layers leave their rescale pending: a ReLU waits for it, a MaxPool compares the exact sums and rescales
/// only the maxima, a power-of-two average pool and the next product layer absorb it, the graph output keeps the sums.
/// The results must match ONNX Runtime, and every private wire of these fused layouts must be pinned.
/// </summary>
public sealed class DeferredRescaleTests
{
    // Conv(1→2, 3×3, pad 1) → Relu → MaxPool 2×2 → Conv(2→2, 3×3, pad 1) → Relu → AveragePool 2×2 → Flatten → Gemm(2→3).
    private static OnnxModel SmallCnn()
    {
        var rng = new Random(11);
        var g = new GraphProto { Name = "g" };
        g.Input.Add(Info("x", 1, 1, 4, 4));
        g.Output.Add(Info("y", 1, 3));
        g.Initializer.Add(Weights("w1", rng, 2, 1, 3, 3));
        g.Initializer.Add(Weights("b1", rng, 2));
        g.Initializer.Add(Weights("w2", rng, 2, 2, 3, 3));
        g.Initializer.Add(Weights("w3", rng, 3, 2));
        g.Initializer.Add(Weights("b3", rng, 3));
        (string, long[]) pads = ("pads", [1, 1, 1, 1]), kernel = ("kernel_shape", [2, 2]), strides = ("strides", [2, 2]);
        g.Node.Add(Node("Conv", ["x", "w1", "b1"], "c1", pads));
        g.Node.Add(Node("Relu", ["c1"], "r1"));
        g.Node.Add(Node("MaxPool", ["r1"], "p1", kernel, strides));
        g.Node.Add(Node("Conv", ["p1", "w2"], "c2", pads));
        g.Node.Add(Node("Relu", ["c2"], "r2"));
        g.Node.Add(Node("AveragePool", ["r2"], "p2", kernel, strides));
        g.Node.Add(Node("Flatten", ["p2"], "f"));
        g.Node.Add(new NodeProto { OpType = "Gemm", Input = { "f", "w3", "b3" }, Output = { "y" }, Attribute = { new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 } } });
        return Load("small_cnn.onnx", g);
    }

    // Gemm(4→3) → activation → Gemm(3→2): the activation takes the accumulator-scale sums, rounding them in its clamp.
    private static OnnxModel SmallMlp(string activation)
    {
        var rng = new Random(12);
        var g = new GraphProto { Name = "g" };
        g.Input.Add(Info("x", 1, 4));
        g.Output.Add(Info("y", 1, 2));
        g.Initializer.Add(Weights("w1", rng, 4, 3));
        g.Initializer.Add(Weights("b1", rng, 3));
        g.Initializer.Add(Weights("w2", rng, 3, 2));
        g.Node.Add(Node("Gemm", ["x", "w1", "b1"], "h"));
        g.Node.Add(Node(activation, ["h"], "a"));
        g.Node.Add(Node("Gemm", ["a", "w2"], "y"));
        return Load("small_mlp.onnx", g);
    }

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("Exp")]
    [InlineData("Softmax")]
    public void ActivationsRoundTheSumsInTheirClampAndPinEveryWire(string activation)
    {
        OnnxCircuit c = OnnxCircuit.Compile(SmallMlp(activation), CompileSettings.Default with { InputRange = 1, ParamVisibility = Visibility.Private, BindRequest = false });
        // No rescale is laid out for the first Gemm: its rounding is part of the activation's clamp decomposition.
        Assert.Equal(0, c.Settings.Layers[0].DeferredRescaleConstraints);
        Assert.Equal(0, c.Settings.Layers[1].InheritedRescaleConstraints);
        var rng = new Random(3);
        double[][] inputs = [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 2 - 1).ToArray())];
        AccuracyReport r = Calibration.Report(c, inputs);
        Assert.True(r.MaxAbsError < 0.05, $"max abs error {r.MaxAbsError}");
        AssertEveryPrivateWirePinned(c, inputs[0]);
    }

    private static double[] Input(int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 16).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    private static OnnxCircuit Compile(Visibility parameters) =>
        OnnxCircuit.Compile(SmallCnn(), CompileSettings.Default with { InputRange = 1, ParamVisibility = parameters, BindRequest = false });

    [Fact]
    public void FusedLayersAgreeWithOnnxRuntime()
    {
        OnnxCircuit c = Compile(Visibility.Hashed);
        AccuracyReport r = Calibration.Report(c, [Input(1), Input(2), Input(3)]);
        Assert.True(r.MaxAbsError < 0.05, $"max abs error {r.MaxAbsError}");
        // The output stays at the Gemm's accumulator scale: input scale + 2 (average of 4) + parameter scale.
        Assert.Equal(c.Settings.RunArgs.InputScale + 2 + c.Settings.RunArgs.ParamScale, c.Settings.OutputScale);
    }

    [Fact]
    public void MaxPoolRescalesOnlyTheMaxima()
    {
        OnnxCircuit c = Compile(Visibility.Fixed);
        LayerReport conv1 = c.Settings.Layers[0], relu1 = c.Settings.Layers[1], pool1 = c.Settings.Layers[2], conv2 = c.Settings.Layers[3];
        Assert.Equal(0, relu1.Constraints); // waits for the rescale
        // Fixed parameters: the products are free; the 2·2·2 maxima are rescaled, the remainders are the conv's own cost.
        Assert.Equal(0, conv1.Constraints);
        Assert.Equal(8 * c.Settings.RunArgs.ParamScale, conv1.DeferredRescaleConstraints);
        Assert.True(pool1.Constraints > 0);
        // conv2 → ReLU → AveragePool: the ReLU needs every element's sign, so each is rescaled (remainders counted).
        Assert.Equal(8 * c.Settings.RunArgs.ParamScale, conv2.DeferredRescaleConstraints);
    }

    [Theory]
    [InlineData(Visibility.Hashed)]
    [InlineData(Visibility.Fixed)]
    public void EveryPrivateWireOfTheFusedLayersIsPinned(Visibility parameters)
    {
        OnnxCircuit c = Compile(parameters);
        AssertEveryPrivateWirePinned(c, Input(4));
    }
}
