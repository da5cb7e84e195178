using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>The single map from ONNX op names to their layouts; each family lives in its own file.</summary>
internal static class OpRegistry
{
    private static readonly Dictionary<string, OpDefinition> Ops =
        LinearOps.Definitions
            .Concat(ElementwiseOps.Definitions)
            .Concat(ActivationOps.Definitions)
            .Concat(NonlinearOps.Definitions)
            .Concat(PoolOps.Definitions)
            .Concat(ShapeOps.Definitions)
            .Concat(ReduceOps.Definitions)
            .ToDictionary(d => d.OpType, StringComparer.Ordinal);

    /// <summary>The supported op names.</summary>
    public static IReadOnlyCollection<string> Supported => Ops.Keys;

    public static OpDefinition Get(OnnxNode node) =>
        Ops.TryGetValue(node.OpType, out OpDefinition? d) ? d : throw node.Error($"op {node.OpType} is not supported (supported: {string.Join(", ", Ops.Keys.Order())})");

    /// <summary>Refuses, before any circuit is built, a node whose op or an attribute is not supported.</summary>
    public static void CheckSupported(IEnumerable<OnnxNode> nodes)
    {
        foreach (OnnxNode node in nodes)
        {
            OpDefinition d = Get(node);
            foreach (string a in node.Attributes.Keys)
                if (!d.Attributes.Contains(a))
                    throw node.Error($"attribute '{a}' is not supported (supported: {(d.Attributes.Length == 0 ? "none" : string.Join(", ", d.Attributes))})");
        }
    }
}
