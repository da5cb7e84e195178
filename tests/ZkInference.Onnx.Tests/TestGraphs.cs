using Google.Protobuf;
using Xunit;
using ZkInference.Field;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Protobuf;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// Hand-built ONNX graphs for the compiler tests (float tensors, opset 13), and the soundness check they share:
/// every private wire of a compiled model, changed, breaks a constraint.
/// </summary>
internal static class TestGraphs
{
    /// <summary>A float input or output named <paramref name="name"/> of shape <paramref name="dims"/>.</summary>
    public static ValueInfoProto Info(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }

    /// <summary>A float initializer with the given values.</summary>
    public static TensorProto Tensor(string name, float[] data, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = 1 };
        t.Dims.AddRange(dims);
        t.FloatData.Add(data);
        return t;
    }

    /// <summary>A float initializer of values drawn uniformly from [−1, 1).</summary>
    public static TensorProto Weights(string name, Random rng, params long[] dims)
    {
        long n = dims.Aggregate(1L, (a, b) => a * b);
        var data = new float[n];
        for (long i = 0; i < n; i++) data[i] = (float)(rng.NextDouble() * 2 - 1);
        return Tensor(name, data, dims);
    }

    /// <summary>A node with integer-list attributes.</summary>
    public static NodeProto Node(string op, string[] inputs, string output, params (string Name, long[] Ints)[] attributes)
    {
        var node = new NodeProto { OpType = op, Output = { output } };
        node.Input.AddRange(inputs);
        foreach (var (name, ints) in attributes) node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { ints } });
        return node;
    }

    /// <summary>The serialized model of graph <paramref name="g"/> (IR 8, opset 13).</summary>
    public static byte[] Bytes(GraphProto g)
    {
        var m = new ModelProto { IrVersion = 8, Graph = g };
        m.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return m.ToByteArray();
    }

    /// <summary>The serialized model of the graph <paramref name="build"/> fills.</summary>
    public static byte[] Bytes(Action<GraphProto> build)
    {
        var g = new GraphProto { Name = "g" };
        build(g);
        return Bytes(g);
    }

    /// <summary>Graph <paramref name="g"/> loaded as a model named <paramref name="name"/>.</summary>
    public static OnnxModel Load(string name, GraphProto g) => OnnxModelLoader.Load(Bytes(g), name);

    /// <summary>
    /// The witness of input <paramref name="x"/> satisfies the constraints, and adding any of <paramref name="deltas"/>
    /// (default 1) to any private wire breaks them.
    /// </summary>
    public static void AssertEveryPrivateWirePinned(OnnxCircuit c, double[] x, params ulong[] deltas)
    {
        if (deltas.Length == 0) deltas = [1];
        Fr[] w = c.Witness(x, 0, 0);
        Assert.True(c.Circuit.System.IsSatisfied(w));
        for (int wire = 1 + c.Circuit.System.PublicCount; wire < w.Length; wire++)
        {
            Fr saved = w[wire];
            foreach (ulong delta in deltas)
            {
                w[wire] = saved + Fr.FromUInt64(delta);
                Assert.False(c.Circuit.System.IsSatisfied(w), $"wire {wire} ({c.Circuit.System.NameOf(wire)}) + {delta} and the constraints still hold");
            }
            w[wire] = saved;
        }
    }
}
