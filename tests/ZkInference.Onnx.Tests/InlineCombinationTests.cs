using Xunit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Protobuf;
using ZkInference.Onnx.Settings;

using static ZkInference.Onnx.Tests.TestGraphs;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// A product layer's input that is a short combination (a 2×2 average of four wires) takes part in its products as it
/// is — a product of a combination and a wire is one constraint either way — while a long, much reused one (the exact
/// sums of a previous product layer) is materialized first (one constraint each) so the matrices stay small.
/// </summary>
public sealed class InlineCombinationTests
{
    private static OnnxModel Build(string name, Action<GraphProto, Random> build)
    {
        var g = new GraphProto { Name = "g" };
        build(g, new Random(31));
        return Load(name, g);
    }

    // Relu → AveragePool 2×2 → Flatten → Gemm(4→5): each Gemm input is the sum of four ReLU wires, used by 5 products.
    private static OnnxModel PoolThenGemm() => Build("pool_gemm.onnx", (g, rng) =>
    {
        g.Input.Add(Info("x", 1, 1, 4, 4));
        g.Output.Add(Info("y", 1, 5));
        g.Initializer.Add(Weights("w", rng, 4, 5));
        g.Node.Add(new NodeProto { OpType = "Relu", Input = { "x" }, Output = { "r" } });
        g.Node.Add(new NodeProto
        {
            OpType = "AveragePool", Input = { "r" }, Output = { "p" },
            Attribute =
            {
                new AttributeProto { Name = "kernel_shape", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 2, 2 } },
                new AttributeProto { Name = "strides", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 2, 2 } },
            },
        });
        g.Node.Add(new NodeProto { OpType = "Flatten", Input = { "p" }, Output = { "f" } });
        g.Node.Add(new NodeProto { OpType = "Gemm", Input = { "f", "w" }, Output = { "y" } });
    });

    // Gemm(16→8) → Gemm(8→10): each second-layer input is an exact sum of 16 products and a bias, used by 10 products.
    private static OnnxModel GemmThenGemm() => Build("gemm_gemm.onnx", (g, rng) =>
    {
        g.Input.Add(Info("x", 1, 16));
        g.Output.Add(Info("y", 1, 10));
        g.Initializer.Add(Weights("w1", rng, 16, 8));
        g.Initializer.Add(Weights("b1", rng, 8));
        g.Initializer.Add(Weights("w2", rng, 8, 10));
        g.Node.Add(new NodeProto { OpType = "Gemm", Input = { "x", "w1", "b1" }, Output = { "h" } });
        g.Node.Add(new NodeProto { OpType = "Gemm", Input = { "h", "w2" }, Output = { "y" } });
    });

    private static OnnxCircuit Compile(OnnxModel model) =>
        OnnxCircuit.Compile(model, CompileSettings.Default with { InputRange = 1, ParamVisibility = Visibility.Hashed, BindRequest = false });

    private static double[] Input(int count, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => rng.NextDouble() * 2 - 1)];
    }

    [Fact]
    public void AShortCombinationTakesPartInTheProductsAsItIs()
    {
        OnnxCircuit c = Compile(PoolThenGemm());
        LayerReport gemm = c.Settings.Layers[^1];
        Assert.Equal(20, gemm.MultiplyAccumulates);
        Assert.Equal(gemm.ProductConstraints, gemm.Constraints); // nothing materialized
        AccuracyReport r = Calibration.Report(c, [Input(16, 1), Input(16, 2)]);
        Assert.True(r.MaxAbsError < 0.05, $"max abs error {r.MaxAbsError}");
        AssertEveryPrivateWirePinned(c, Input(16, 3));
    }

    [Fact]
    public void ALongReusedCombinationIsMaterialized()
    {
        OnnxCircuit c = Compile(GemmThenGemm());
        LayerReport second = c.Settings.Layers[1];
        // 17 terms × 10 uses would add 160 entries (> InlineEntries): 8 linear constraints make them wires.
        Assert.Equal(second.ProductConstraints + 8, second.Constraints);
        AccuracyReport r = Calibration.Report(c, [Input(16, 4), Input(16, 5)]);
        Assert.True(r.MaxAbsError < 0.05, $"max abs error {r.MaxAbsError}");
        AssertEveryPrivateWirePinned(c, Input(16, 6));
    }
}
