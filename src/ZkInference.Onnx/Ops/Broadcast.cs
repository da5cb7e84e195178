using ZkInference.Circuit;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>ONNX (numpy) multidirectional broadcasting on shapes and row-major indices.</summary>
internal static class Broadcast
{
    public static int[] Shape(int[] a, int[] b, OnnxNode node)
    {
        int n = Math.Max(a.Length, b.Length);
        var r = new int[n];
        for (int i = 0; i < n; i++)
        {
            int x = i - (n - a.Length) >= 0 ? a[i - (n - a.Length)] : 1, y = i - (n - b.Length) >= 0 ? b[i - (n - b.Length)] : 1;
            if (x != y && x != 1 && y != 1) throw node.Error($"shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] do not broadcast");
            r[i] = Math.Max(x, y);
        }
        return r;
    }

    /// <summary>The row-major index in <paramref name="source"/> of element <paramref name="index"/> of the broadcast <paramref name="target"/>.</summary>
    public static int SourceIndex(int index, int[] target, int[] source)
    {
        int result = 0, stride = 1;
        for (int d = target.Length - 1, s = source.Length - 1; d >= 0; d--, s--)
        {
            int coord = index % target[d];
            index /= target[d];
            if (s >= 0)
            {
                if (source[s] != 1) result += coord * stride;
                stride *= source[s];
            }
        }
        return result;
    }

    /// <summary>The tensor broadcast to <paramref name="shape"/> (no constraints).</summary>
    public static QTensor Expand(QTensor t, int[] shape, OnnxNode node)
    {
        if (t.Shape.SequenceEqual(shape)) return t;
        int[] check = Shape(t.Shape, shape, node);
        if (!check.SequenceEqual(shape)) throw node.Error($"shape [{string.Join(",", t.Shape)}] does not broadcast to [{string.Join(",", shape)}]");
        int n = ConstantTensor.Count(shape);
        var values = new LinearCombination[n];
        long[]? known = t.Known is null ? null : new long[n];
        LinearCombination[]? signs = t.NonNegative is null ? null : new LinearCombination[n];
        for (int i = 0; i < n; i++)
        {
            int s = SourceIndex(i, shape, t.Shape);
            values[i] = t.Values[s];
            if (known is not null) known[i] = t.Known![s];
            if (signs is not null) signs[i] = t.NonNegative![s];
        }
        return new QTensor(shape, values, t.Scale, t.Bound) { Known = known, NonNegative = signs };
    }
}
