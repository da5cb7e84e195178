using Xunit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Protobuf;
using ZkInference.Onnx.Settings;

using static ZkInference.Onnx.Tests.TestGraphs;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// Hashed parameters that quantize to 0 are used as the constant 0 (their wires stay committed), so a dead neuron —
/// a weight row and bias of zeros — yields a constant sum that the activation folds: no clamp, no interpolant, no
/// rounding. The results must equal ONNX Runtime's within the usual tolerance, the commitment must still cover the
/// zeros, every private wire must be pinned, and the benchmarks' rounding charge counts only rounded values.
/// </summary>
public sealed class ZeroParameterTests
{
    private const int Hidden = 3, Dead = 1;

    // Gemm(4→3, transB) → activation → Gemm(3→2). Hidden neuron 1 has bias 0 and, when dead, weights below half a
    // step of 2^-7 (they quantize to 0), otherwise neuron 0's weights (so the layer's bound, and with it every
    // element's cost, is the same in both models).
    private static OnnxModel Mlp(string activation, bool dead)
    {
        var rng = new Random(21);
        float[] w1 = [.. Enumerable.Range(0, Hidden * 4).Select(_ => (float)(rng.NextDouble() * 2 - 1))];
        float[] b1 = [.. Enumerable.Range(0, Hidden).Select(_ => (float)(rng.NextDouble() - 0.5))];
        float[] w2 = [.. Enumerable.Range(0, Hidden * 2).Select(_ => (float)(rng.NextDouble() * 2 - 1))];
        for (int k = 0; k < 4; k++) w1[Dead * 4 + k] = dead ? (k % 2 == 0 ? 0 : 1e-3f * (k - 2)) : w1[k];
        b1[Dead] = 0;
        var g = new GraphProto { Name = "g" };
        g.Input.Add(Info("x", 1, 4));
        g.Output.Add(Info("y", 1, 2));
        g.Initializer.Add(Tensor("w1", w1, Hidden, 4));
        g.Initializer.Add(Tensor("b1", b1, Hidden));
        g.Initializer.Add(Tensor("w2", w2, Hidden, 2));
        g.Node.Add(new NodeProto { OpType = "Gemm", Input = { "x", "w1", "b1" }, Output = { "h" }, Attribute = { new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 } } });
        g.Node.Add(new NodeProto { OpType = activation, Input = { "h" }, Output = { "a" } });
        g.Node.Add(new NodeProto { OpType = "Gemm", Input = { "a", "w2" }, Output = { "y" } });
        return Load("dead_neuron.onnx", g);
    }

    private static OnnxCircuit Compile(string activation, bool dead, Visibility parameters = Visibility.Hashed) =>
        OnnxCircuit.Compile(Mlp(activation, dead), CompileSettings.Default with { InputRange = 1, ParamVisibility = parameters, BindRequest = false });

    private static double[][] Inputs()
    {
        var rng = new Random(8);
        return [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 2 - 1).ToArray())];
    }

    [Theory]
    [InlineData("Tanh")]
    [InlineData("Sigmoid")]
    [InlineData("Exp")]
    public void ADeadNeuronsActivationIsFolded(string activation)
    {
        OnnxCircuit live = Compile(activation, dead: false), dead = Compile(activation, dead: true);
        LayerReport liveAct = live.Settings.Layers[1], deadAct = dead.Settings.Layers[1];
        // The activation's cost is the same for every non-constant element; the dead one costs nothing.
        Assert.Equal(0, liveAct.Constraints % Hidden);
        Assert.Equal(liveAct.Constraints / Hidden * (Hidden - 1), deadAct.Constraints);
        // The dead row's two nonzero-looking weights quantize to 0: no products (as before), and no product of the dead
        // activation (a constant) with the next layer's weights.
        Assert.Equal(live.Settings.Layers[0].ProductConstraints - 4, dead.Settings.Layers[0].ProductConstraints);
        Assert.Equal(live.Settings.Layers[2].ProductConstraints - 2, dead.Settings.Layers[2].ProductConstraints);
        // The benchmarks charge the rounding's remainder bits only for the values actually rounded.
        int shift = live.Settings.RunArgs.ParamScale;
        Assert.Equal(Hidden * shift, live.Settings.Layers[0].AbsorbedRoundingConstraints);
        Assert.Equal((Hidden - 1) * shift, dead.Settings.Layers[0].AbsorbedRoundingConstraints);
        AccuracyReport r = Calibration.Report(dead, Inputs());
        Assert.True(r.MaxAbsError < 0.05, $"max abs error {r.MaxAbsError}");
    }

    [Fact]
    public void HashedZerosCostWhatFixedZerosCost()
    {
        // Fixed parameters were always folded; hashed ones now skip the same work (only the commitment differs).
        OnnxCircuit hashed = Compile("Tanh", dead: true), fixedParams = Compile("Tanh", dead: true, Visibility.Fixed);
        Assert.Equal(fixedParams.Settings.Layers[1].Constraints, hashed.Settings.Layers[1].Constraints);
    }

    [Fact]
    public void TheCommitmentStillCoversTheZeros()
    {
        OnnxCircuit c = Compile("Tanh", dead: true);
        double[] x = Inputs()[0];
        Fr[] signals = c.PublicSignals(c.Witness(x, 0, 0));
        PublicSignalEntry entry = c.Settings.Signal("param_commitment")!;
        // Off-circuit hash of every quantized parameter, zeros included, at the recorded packing.
        long[] values = c.Settings.Params.SelectMany(p => c.Model.Constants[p.Name].Data)
            .Select(v => Quantizer.Quantize(v, c.Settings.RunArgs.ParamScale)).ToArray();
        Assert.Contains(0L, values);
        Assert.Equal(Commitment.PackedCommitment.Hash(values, c.Settings.ParamBits), signals[entry.Offset]);
        Assert.Equal(c.Settings.ParamCommitment, signals[entry.Offset].ToString());
    }

    [Theory]
    [InlineData("Tanh")]
    [InlineData("Relu")]
    public void EveryPrivateWireIsPinned(string activation)
    {
        OnnxCircuit c = Compile(activation, dead: true);
        // The zero parameters' wires included: the packed commitment pins them.
        AssertEveryPrivateWirePinned(c, Inputs()[1], 1, 2, 127);
    }

    [Fact]
    public void AReluRescaleChargesOnlyRoundedValues()
    {
        OnnxCircuit live = Compile("Relu", dead: false), dead = Compile("Relu", dead: true);
        int shift = live.Settings.RunArgs.ParamScale;
        Assert.Equal(Hidden * shift, live.Settings.Layers[0].DeferredRescaleConstraints);
        Assert.Equal((Hidden - 1) * shift, dead.Settings.Layers[0].DeferredRescaleConstraints);
        Assert.True(dead.Settings.Constraints < live.Settings.Constraints);
        AccuracyReport r = Calibration.Report(dead, Inputs());
        Assert.True(r.MaxAbsError < 0.05, $"max abs error {r.MaxAbsError}");
    }

    [Fact]
    public void SoftmaxChargesEachDifferenceAndComparison()
    {
        OnnxCircuit c = Compile("Softmax", dead: false);
        // Hidden differences to the max, each rounded in its clamp, and Hidden − 1 comparisons of the exact sums.
        Assert.Equal((2 * Hidden - 1) * c.Settings.RunArgs.ParamScale, c.Settings.Layers[0].AbsorbedRoundingConstraints);
    }
}
