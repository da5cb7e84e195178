using Xunit;
using ZkInference.Field;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Tests;

/// <summary>Changing any sampled private witness value of a compiled model breaks a constraint.</summary>
public sealed class SoundnessTests
{
    [Theory]
    [InlineData("digits_cnn", Visibility.Fixed)]
    [InlineData("digits_sigmoid_mlp", Visibility.Fixed)]
    [InlineData("regression_tanh", Visibility.Hashed)]
    public void MutatingAPrivateWitnessValueBreaksAConstraint(string name, Visibility parameters)
    {
        OnnxCircuit c = OnnxCircuit.Compile(OnnxModelLoader.Load(SharedModels.ModelPath(name)), CompileSettings.Default with { ParamVisibility = parameters });
        Fr[] w = c.Witness(SharedModels.Samples(name)[1], 3, 4);
        Assert.True(c.Circuit.System.IsSatisfied(w));
        int first = 1 + c.Circuit.System.PublicCount;
        var random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            int wire = random.Next(first, w.Length);
            Fr saved = w[wire];
            w[wire] = saved + Fr.FromUInt64((ulong)random.Next(1, 1000));
            Assert.False(c.Circuit.System.IsSatisfied(w), $"wire {wire} ({c.Circuit.System.NameOf(wire)}) changed and the constraints still hold");
            w[wire] = saved;
        }
    }
}
