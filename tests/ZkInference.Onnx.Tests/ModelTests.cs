using System.Numerics;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Field;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Tests;

/// <summary>Every shipped model compiles and agrees with the reference top-1 on every sample (ONNX Runtime checked too).</summary>
public sealed class ModelTests(ITestOutputHelper output)
{
    // Fixed parameters keep these fast (hashing thousands of parameters is what dominates compile time); the
    // products and activations are the same circuit. The default (hashed) settings are tested on the smaller models below.
    [Theory]
    [InlineData("digits_linear")]
    [InlineData("digits_mlp")]
    [InlineData("digits_sigmoid_mlp")]
    [InlineData("digits_cnn")]
    [InlineData("regression_tanh")]
    public void CompiledModelAgreesWithOnnxRuntimeOnEverySample(string name)
    {
        OnnxModel model = OnnxModelLoader.Load(SharedModels.ModelPath(name));
        var samples = SharedModels.Samples(name);
        var settings = Calibration.Calibrate(CompileSettings.Default with { ParamVisibility = Visibility.Fixed }, samples);
        OnnxCircuit c = OnnxCircuit.Compile(model, settings);
        var references = SharedModels.References(name);
        output.WriteLine($"{name}: {c.Settings.Constraints} constraints, {c.Settings.MultiplyAccumulates} MACs");
        for (int i = 0; i < samples.Count; i++)
        {
            float[] ort = Calibration.RunReference(model, samples[i]);
            Assert.Equal(references[i].Length, ort.Length);
            for (int j = 0; j < ort.Length; j++) Assert.True(Math.Abs(ort[j] - references[i][j]) < 1e-3, "ONNX Runtime matches PyTorch");
            string[] signals = c.PublicSignals(c.Witness(samples[i], requestId: 7, server: 11)).Select(s => s.ToString()).ToArray();
            double[] y = OnnxCircuit.DecodeOutput(c.Settings, signals);
            double err = y.Zip(ort, (a, b) => Math.Abs(a - b)).Max();
            output.WriteLine($"sample {i}: max abs error {err:g4}, top-1 {SharedModels.ArgMax(y)} vs {SharedModels.ArgMax(ort.Select(v => (double)v).ToArray())}");
            if (ort.Length > 1) Assert.Equal(SharedModels.ArgMax(ort.Select(v => (double)v).ToArray()), SharedModels.ArgMax(y));
            else Assert.True(err < 1.0, $"regression output within 1.0 (got {err})"); // outputs ~150, so < 1% relative
        }
        AccuracyReport report = Calibration.Report(c, samples);
        Assert.Equal(1.0, report.Top1Agreement);
    }

    [Theory]
    [InlineData("regression_tanh")]
    [InlineData("digits_linear")]
    public void DefaultSettingsLayOutTheMarketplaceSignals(string name)
    {
        OnnxCircuit c = OnnxCircuit.Compile(OnnxModelLoader.Load(SharedModels.ModelPath(name)), CompileSettings.Default);
        double[] x = SharedModels.Samples(name)[0];
        BigInteger server = BigInteger.Parse("00f39fd6e51aad88f6f4ce6ab8827279cfffb92266", System.Globalization.NumberStyles.HexNumber);
        Fr[] signals = c.PublicSignals(c.Witness(x, requestId: 42, server: server));
        int outputs = c.Settings.OutputShape.Aggregate(1, (a, b) => a * b);
        Assert.Equal(["output", "input_commitment", "param_commitment", "requestId", "server"], c.Settings.PublicSignals.Select(e => e.Name));
        Assert.Equal(outputs + 4, signals.Length);
        Assert.Equal(OnnxCircuit.InputCommitment(c.Settings, x), signals[outputs]);
        Assert.Equal(c.Settings.ParamCommitment, signals[outputs + 1].ToString());
        Assert.Equal(Fr.FromUInt64(42), signals[outputs + 2]);
        Assert.Equal(Fr.FromBigInteger(server), signals[outputs + 3]);
        // The settings survive a JSON round trip.
        CircuitSettings again = CircuitSettings.FromJson(c.Settings.ToJson());
        Assert.Equal(c.Settings.ParamCommitment, again.ParamCommitment);
        Assert.Equal(c.Settings.PublicSignals, again.PublicSignals);
    }

    [Fact]
    public void BundledModelLoadsAndRuns()
    {
        OnnxModel model = BundledModel.Load();
        Assert.Equal(3, model.Nodes.Count(n => n.OpType == "Gemm"));
        OnnxCircuit c = OnnxCircuit.Compile(model, CompileSettings.Default with { ParamVisibility = Visibility.Fixed });
        double[] y = OnnxCircuit.DecodeOutput(c.Settings, c.PublicSignals(c.Witness(BundledModel.SampleInput())).Select(s => s.ToString()).ToArray());
        Assert.Equal(2, SharedModels.ArgMax(y));
    }
}
