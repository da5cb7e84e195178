using Xunit;
using Xunit.Abstractions;
using ZkInference.Field;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Tests;

public sealed class ModelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("digits_linear")]
    [InlineData("digits_mlp")]
    [InlineData("digits_sigmoid_mlp")]
    [InlineData("digits_cnn")]
    [InlineData("regression_tanh")]
    public void CompiledModelAgreesWithTheReferenceOnEverySample(string name)
    {
        OnnxCircuit c = OnnxCircuit.Compile(OnnxModelLoader.Load(SharedModels.ModelPath(name)), CompileSettings.Default);
        var samples = SharedModels.Samples(name);
        var references = SharedModels.References(name);
        output.WriteLine($"{name}: {c.Settings.Constraints} constraints, {c.Settings.MultiplyAccumulates} MACs");
        double maxErr = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            Fr[] w = c.Witness(samples[i], requestId: 7, server: 11);
            string[] signals = c.PublicSignals(w).Select(s => s.ToString()).ToArray();
            double[] y = OnnxCircuit.DecodeOutput(c.Settings, signals);
            double[] r = references[i];
            Assert.Equal(r.Length, y.Length);
            double err = y.Zip(r, (a, b) => Math.Abs(a - b)).Max();
            maxErr = Math.Max(maxErr, err);
            output.WriteLine($"sample {i}: max abs error {err:g4}, top-1 {SharedModels.ArgMax(y)} vs {SharedModels.ArgMax(r)}");
            if (r.Length > 1) Assert.Equal(SharedModels.ArgMax(r), SharedModels.ArgMax(y));
        }
    }
}
