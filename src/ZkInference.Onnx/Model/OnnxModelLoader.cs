using Google.Protobuf;
using ZkInference.Onnx.Protobuf;

namespace ZkInference.Onnx.Model;

/// <summary>
/// Reads an ONNX file into an <see cref="OnnxModel"/>: checks the opset (7 to 17), resolves static shapes (a symbolic
/// first dimension is the batch and becomes 1), folds Constant nodes, and checks every node against the supported
/// ops and attributes before any circuit is built.
/// </summary>
public static class OnnxModelLoader
{
    /// <summary>Lowest supported default-domain opset.</summary>
    public const int MinOpset = 7;

    /// <summary>Highest supported default-domain opset.</summary>
    public const int MaxOpset = 17;

    /// <summary>Loads and checks a model file.</summary>
    public static OnnxModel Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new OnnxException($"cannot read '{path}': {e.Message}", e); }
        return Load(bytes, Path.GetFileName(path));
    }

    /// <summary>Loads and checks a model from its bytes; <paramref name="name"/> is used in messages.</summary>
    public static OnnxModel Load(byte[] bytes, string name = "model")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return LoadUnchecked(bytes, name, new Dictionary<string, ConstantTensor>());
    }

    /// <summary>
    /// Loads a model whose extra graph inputs (all but the first) take the given constant values, as the ONNX node
    /// tests need (their second operands are inputs); checks support like <see cref="Load(byte[], string)"/>.
    /// </summary>
    public static OnnxModel Load(byte[] bytes, string name, IReadOnlyDictionary<string, ConstantTensor> boundInputs)
    {
        return LoadUnchecked(bytes, name, boundInputs);
    }

    private static OnnxModel LoadUnchecked(byte[] bytes, string name, IReadOnlyDictionary<string, ConstantTensor> boundInputs)
    {
        ModelProto proto;
        try { proto = ModelProto.Parser.ParseFrom(bytes); }
        catch (InvalidProtocolBufferException e) { throw new OnnxException($"{name} is not a valid ONNX model: {e.Message}", e); }
        if (proto.Graph is null || proto.Graph.Node.Count == 0) throw new OnnxException($"{name} is not a valid ONNX model: it has no graph nodes");
        int opset = ReadOpset(proto, name);
        GraphProto g = proto.Graph;

        var constants = new Dictionary<string, ConstantTensor>(StringComparer.Ordinal);
        foreach (TensorProto t in g.Initializer) constants[t.Name] = TensorReader.Read(t, $"initializer '{t.Name}'");
        foreach (var (key, value) in boundInputs) constants[key] = value;

        var nodes = new List<OnnxNode>();
        for (int i = 0; i < g.Node.Count; i++)
        {
            NodeProto n = g.Node[i];
            string nodeName = string.IsNullOrEmpty(n.Name) ? $"#{i}" : n.Name;
            if (!string.IsNullOrEmpty(n.Domain) && n.Domain != "ai.onnx")
                throw new OnnxException($"node {i} '{nodeName}' ({n.OpType}): domain '{n.Domain}' is not supported (only the default ONNX domain)");
            var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
            foreach (AttributeProto a in n.Attribute) attributes[a.Name] = ReadAttribute(a, $"node {i} '{nodeName}' ({n.OpType})");
            var node = new OnnxNode(i, nodeName, n.OpType, [.. n.Input], [.. n.Output], attributes);
            if (n.OpType == "Constant") { constants[node.Outputs[0]] = ConstantValue(node); continue; }
            nodes.Add(node);
        }
        // Unsupported ops and attributes are reported first, before anything else about the graph.
        Ops.OpRegistry.CheckSupported(nodes);
        var inputs = g.Input.Where(i => !constants.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1)
            throw new OnnxException($"{name}: the compiler takes exactly one graph input, the model has {inputs.Count} ({string.Join(", ", inputs.Select(i => i.Name))})");
        TensorInfo input = ReadInfo(inputs[0], name, requireFloat: true);
        if (g.Output.Count == 0) throw new OnnxException($"{name}: the graph has no outputs");
        var outputs = g.Output.Select(o => ReadInfo(o, name, requireFloat: false, allowUnknown: true)).ToList();

        return new OnnxModel(input, outputs, nodes, constants, opset, bytes);
    }

    private static int ReadOpset(ModelProto proto, string name)
    {
        OperatorSetIdProto? op = proto.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        if (op is null) throw new OnnxException($"{name}: the model imports no default-domain opset");
        if (op.Version < MinOpset || op.Version > MaxOpset)
            throw new OnnxException($"{name}: opset {op.Version} is not supported (supported: {MinOpset} to {MaxOpset})");
        return (int)op.Version;
    }

    private static TensorInfo ReadInfo(ValueInfoProto v, string name, bool requireFloat, bool allowUnknown = false)
    {
        TypeProto.Types.Tensor? t = v.Type?.TensorType;
        if (t is null)
            throw new OnnxException($"{name}: '{v.Name}' is not a tensor (sequence, map and optional types are not supported)");
        if (requireFloat && t.ElemType != (int)TensorProto.Types.DataType.Float && t.ElemType != (int)TensorProto.Types.DataType.Double)
            throw new OnnxException($"{name}: input '{v.Name}' has element type {(TensorProto.Types.DataType)t.ElemType}; only float inputs are supported");
        if (t.Shape is null)
        {
            if (allowUnknown) return new TensorInfo(v.Name, []);
            throw new OnnxException($"{name}: input '{v.Name}' has no static shape");
        }
        var shape = new int[t.Shape.Dim.Count];
        for (int i = 0; i < shape.Length; i++)
        {
            TensorShapeProto.Types.Dimension d = t.Shape.Dim[i];
            if (d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue > 0) shape[i] = checked((int)d.DimValue);
            else if (i == 0) shape[i] = 1; // the batch dimension: batch 1
            else if (allowUnknown) return new TensorInfo(v.Name, []);
            else throw new OnnxException($"{name}: input '{v.Name}' has a symbolic dimension {i} ('{d.DimParam}'); only static shapes (batch 1) are supported");
        }
        return new TensorInfo(v.Name, shape);
    }

    private static OnnxAttribute ReadAttribute(AttributeProto a, string where) => a.Type switch
    {
        AttributeProto.Types.AttributeType.Int => new OnnxAttribute(a.Name, Int: a.I),
        AttributeProto.Types.AttributeType.Float => new OnnxAttribute(a.Name, Float: a.F),
        AttributeProto.Types.AttributeType.Ints => new OnnxAttribute(a.Name, Ints: [.. a.Ints]),
        AttributeProto.Types.AttributeType.Floats => new OnnxAttribute(a.Name, Floats: a.Floats.Select(f => (double)f).ToArray()),
        AttributeProto.Types.AttributeType.String => new OnnxAttribute(a.Name, String: a.S.ToStringUtf8()),
        AttributeProto.Types.AttributeType.Tensor => new OnnxAttribute(a.Name, Tensor: TensorReader.Read(a.T, $"{where} attribute '{a.Name}'")),
        _ => new OnnxAttribute(a.Name), // unsupported kinds are reported by the op check when an op reads them
    };

    private static ConstantTensor ConstantValue(OnnxNode node)
    {
        foreach (var (key, a) in node.Attributes)
        {
            ConstantTensor? t = key switch
            {
                "value" => a.Tensor,
                "value_float" when a.Float is double f => new ConstantTensor(node.Outputs[0], [], [f], false),
                "value_floats" when a.Floats is double[] fs => new ConstantTensor(node.Outputs[0], [fs.Length], fs, false),
                "value_int" when a.Int is long i => new ConstantTensor(node.Outputs[0], [], [i], true),
                "value_ints" when a.Ints is long[] ints => new ConstantTensor(node.Outputs[0], [ints.Length], ints.Select(x => (double)x).ToArray(), true),
                _ => null,
            };
            if (t is not null) return t with { Name = node.Outputs[0] };
        }
        throw node.Error("a Constant needs one of the attributes value, value_float(s), value_int(s) (sparse and string values are not supported)");
    }
}
