namespace ZkInference.Onnx.Model;

/// <summary>A constant tensor of the model (an initializer or a Constant node's value), as doubles, row-major.</summary>
/// <param name="Name">The tensor's name in the graph.</param>
/// <param name="Shape">Its dimensions.</param>
/// <param name="Data">Its elements (integers of integer tensors are exact for |v| &lt; 2⁵³).</param>
/// <param name="IsInteger">Whether the ONNX element type is an integer or boolean type.</param>
public sealed record ConstantTensor(string Name, int[] Shape, double[] Data, bool IsInteger)
{
    /// <summary>The element count of <paramref name="shape"/>.</summary>
    public static int Count(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int d in shape) n *= d;
        return n > int.MaxValue ? throw new OnnxException($"a tensor of shape [{string.Join(",", shape.ToArray())}] is too large") : (int)n;
    }
}

/// <summary>A graph input or output: its name and static shape (batch 1).</summary>
public sealed record TensorInfo(string Name, int[] Shape)
{
    /// <summary>The element count.</summary>
    public int Count => ConstantTensor.Count(Shape);
}

/// <summary>One node of the graph, with its position for error messages.</summary>
/// <param name="Index">Its position in the graph's node list.</param>
/// <param name="Name">Its name (may be empty in the file; then "#index").</param>
/// <param name="OpType">The ONNX operator.</param>
/// <param name="Inputs">Input tensor names ("" for an omitted optional input).</param>
/// <param name="Outputs">Output tensor names.</param>
/// <param name="Attributes">Its attributes by name.</param>
public sealed record OnnxNode(int Index, string Name, string OpType, string[] Inputs, string[] Outputs, IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    /// <summary>"node 3 'conv1' (Conv)", for error messages.</summary>
    public string Describe() => $"node {Index} '{Name}' ({OpType})";

    /// <summary>An exception naming this node.</summary>
    public OnnxException Error(string what) => new($"{Describe()}: {what}");

    /// <summary>An integer attribute or its default.</summary>
    public long Int(string name, long fallback) =>
        Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Int ?? throw Error($"attribute '{name}' must be an integer") : fallback;

    /// <summary>A float attribute or its default.</summary>
    public double Float(string name, double fallback) =>
        Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Float ?? throw Error($"attribute '{name}' must be a float") : fallback;

    /// <summary>An integer-list attribute, or null when absent.</summary>
    public long[]? Ints(string name) =>
        Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.Ints ?? throw Error($"attribute '{name}' must be a list of integers") : null;

    /// <summary>A string attribute or its default.</summary>
    public string String(string name, string fallback) =>
        Attributes.TryGetValue(name, out OnnxAttribute? a) ? a.String ?? throw Error($"attribute '{name}' must be a string") : fallback;
}

/// <summary>An attribute value: exactly one of the fields is set.</summary>
public sealed record OnnxAttribute(string Name, long? Int = null, double? Float = null, long[]? Ints = null, double[]? Floats = null, string? String = null, ConstantTensor? Tensor = null);

/// <summary>
/// A loaded ONNX graph: one float input with a static shape, outputs, nodes in topological order, and the constant
/// tensors (initializers and Constant nodes' values, which are removed from the node list).
/// </summary>
public sealed class OnnxModel
{
    internal OnnxModel(TensorInfo input, IReadOnlyList<TensorInfo> outputs, IReadOnlyList<OnnxNode> nodes, IReadOnlyDictionary<string, ConstantTensor> constants, int opset, byte[] bytes)
    {
        Input = input; Outputs = outputs; Nodes = nodes; Constants = constants; Opset = opset; Bytes = bytes;
    }

    /// <summary>The graph's input.</summary>
    public TensorInfo Input { get; }

    /// <summary>The graph's outputs.</summary>
    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>The computing nodes in order (Constant nodes are folded into <see cref="Constants"/>).</summary>
    public IReadOnlyList<OnnxNode> Nodes { get; }

    /// <summary>Initializers and Constant values by name.</summary>
    public IReadOnlyDictionary<string, ConstantTensor> Constants { get; }

    /// <summary>The default-domain opset version.</summary>
    public int Opset { get; }

    /// <summary>The file's bytes (for ONNX Runtime and the fingerprint).</summary>
    public byte[] Bytes { get; }
}
