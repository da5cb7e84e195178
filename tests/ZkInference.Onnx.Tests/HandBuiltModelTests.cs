using Xunit;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Protobuf;
using ZkInference.Onnx.Settings;

using static ZkInference.Onnx.Tests.TestGraphs;

namespace ZkInference.Onnx.Tests;

/// <summary>Ops the node test data cannot exercise (opset-1 or input-less graphs there): GlobalAveragePool and Constant.</summary>
public sealed class HandBuiltModelTests
{
    private static double[] Run(byte[] bytes, double[] x)
    {
        OnnxCircuit c = OnnxCircuit.Compile(OnnxModelLoader.Load(bytes, "hand.onnx"), CompileSettings.Default with { InputScale = 10, ParamScale = 10, BindRequest = false });
        return OnnxCircuit.DecodeOutput(c.Settings, c.PublicSignals(c.Witness(x)).Select(s => s.ToString()).ToArray());
    }

    [Fact]
    public void GlobalAveragePoolAveragesEachChannel()
    {
        byte[] bytes = Bytes(g =>
        {
            g.Input.Add(Info("x", 1, 2, 2, 3));
            g.Output.Add(Info("y", 1, 2, 1, 1));
            g.Node.Add(new NodeProto { OpType = "GlobalAveragePool", Input = { "x" }, Output = { "y" } });
        });
        double[] x = [1, 2, 3, 4, 5, 6, -1, -2, -3, 0.5, 0.25, -0.75];
        double[] y = Run(bytes, x);
        Assert.Equal(3.5, y[0], 2);
        Assert.Equal(x[6..].Average(), y[1], 2);
    }

    [Fact]
    public void ConstantNodesAreFoldedIntoParameters()
    {
        var value = new TensorProto { Name = "c", DataType = 1, Dims = { 3 }, FloatData = { 0.5f, -1.25f, 2f } };
        byte[] bytes = Bytes(g =>
        {
            g.Input.Add(Info("x", 1, 3));
            g.Output.Add(Info("y", 1, 3));
            g.Node.Add(new NodeProto { OpType = "Constant", Output = { "c" }, Attribute = { new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = value } } });
            g.Node.Add(new NodeProto { OpType = "Add", Input = { "x", "c" }, Output = { "y" } });
        });
        OnnxModel m = OnnxModelLoader.Load(bytes, "hand.onnx");
        Assert.Single(m.Nodes);
        Assert.True(m.Constants.ContainsKey("c"));
        double[] y = Run(bytes, [1, 1, 1]);
        Assert.Equal([1.5, -0.25, 3], y.Select(v => Math.Round(v, 3)));
    }

    [Fact]
    public void UnsupportedAttributeIsNamed()
    {
        byte[] bytes = Bytes(g =>
        {
            g.Input.Add(Info("x", 1, 3));
            g.Output.Add(Info("y", 1, 3));
            g.Node.Add(new NodeProto { Name = "r", OpType = "Relu", Input = { "x" }, Output = { "y" }, Attribute = { new AttributeProto { Name = "bogus", Type = AttributeProto.Types.AttributeType.Int, I = 1 } } });
        });
        var e = Assert.Throws<OnnxException>(() => OnnxModelLoader.Load(bytes, "hand.onnx"));
        Assert.Equal("node 0 'r' (Relu): attribute 'bogus' is not supported (supported: none)", e.Message);
    }
}
