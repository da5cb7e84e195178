using Xunit;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Tests;

public sealed class BadInputTests
{
    private static OnnxCircuit Linear() =>
        OnnxCircuit.Compile(OnnxModelLoader.Load(SharedModels.ModelPath("digits_linear")), CompileSettings.Default with { ParamVisibility = Visibility.Fixed });

    [Fact]
    public void MalformedFilesAreRefusedWithAReason()
    {
        var e = Assert.Throws<OnnxException>(() => OnnxModelLoader.Load([0xff, 0xff, 0xff, 0x01, 0x02], "junk.onnx"));
        Assert.Contains("junk.onnx", e.Message);
        byte[] real = File.ReadAllBytes(SharedModels.ModelPath("digits_mlp"));
        Assert.Throws<OnnxException>(() => OnnxModelLoader.Load(real[..(real.Length / 2)], "truncated.onnx"));
        Assert.Throws<OnnxException>(() => OnnxModelLoader.Load([], "empty.onnx"));
        Assert.Throws<OnnxException>(() => OnnxModelLoader.Load("/nonexistent/model.onnx"));
    }

    [Fact]
    public void WrongShapesAndNonFiniteInputsAreRefused()
    {
        OnnxCircuit c = Linear();
        Assert.Contains("64", Assert.Throws<OnnxException>(() => c.Witness(new double[63])).Message);
        var x = new double[64];
        x[5] = double.NaN;
        Assert.Contains("element 5", Assert.Throws<OnnxException>(() => c.Witness(x)).Message);
        x[5] = double.PositiveInfinity;
        Assert.Throws<OnnxException>(() => c.Witness(x));
        x[5] = 1e6;
        Assert.Contains("input_range", Assert.Throws<OnnxException>(() => c.Witness(x)).Message);
        Assert.Throws<OnnxException>(() => InputJson.Parse("[[1, 2, \"NaN\"]]"));
        Assert.Throws<OnnxException>(() => InputJson.Parse("{\"x\": [1]}"));
        Assert.Throws<OnnxException>(() => InputJson.Parse("[1, 2"));
    }

    [Fact]
    public void SettingsThatCouldOverflowAreRefused()
    {
        OnnxModel m = OnnxModelLoader.Load(SharedModels.ModelPath("digits_mlp"));
        Assert.Throws<OnnxException>(() => OnnxCircuit.Compile(m, CompileSettings.Default with { InputScale = 30 }));
        Assert.Throws<OnnxException>(() => OnnxCircuit.Compile(m, CompileSettings.Default with { InputVisibility = Visibility.Fixed }));
        Assert.Contains("bits", Assert.Throws<OnnxException>(() => OnnxCircuit.Compile(m, CompileSettings.Default with { InputScale = 24, ParamScale = 24, InputRange = 1e12, ParamVisibility = Visibility.Fixed })).Message);
        // Wide but representable inputs through three layers: the derived widths stay below the field, or the compiler says so.
        var wide = CompileSettings.Default with { InputScale = 24, ParamScale = 24, InputRange = 1e9, ParamVisibility = Visibility.Fixed };
        try { Assert.True(OnnxCircuit.Compile(m, wide).Settings.Layers.All(l => l.OutputBits <= 240)); }
        catch (OnnxException e) { Assert.Contains("bits", e.Message); }
    }

    [Fact]
    public void UnsupportedOpIsNamedBeforeCompiling()
    {
        string path = "/usr/share/libonnx-testdata/data/node/test_lstm_defaults/model.onnx";
        if (!File.Exists(path)) path = Directory.GetFiles("/usr/share/libonnx-testdata/data/node", "model.onnx", SearchOption.AllDirectories).First(p => p.Contains("test_lstm"));
        var e = Assert.ThrowsAny<OnnxException>(() => OnnxModelLoader.Load(File.ReadAllBytes(path), "lstm.onnx", LoadInputs(path)));
        Assert.Contains("LSTM", e.Message);
        Assert.Contains("node 0", e.Message);
    }

    internal static Dictionary<string, ConstantTensor> LoadInputs(string modelPath) => new();
}
