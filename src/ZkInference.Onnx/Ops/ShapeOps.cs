using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Ops that only move values — Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Concat, Pad (constant), Identity,
/// Gather (constant indices): no constraints, the circuit just rewires.
/// </summary>
internal static class ShapeOps
{
    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("Flatten", ["axis"], Flatten),
        new("Reshape", ["allowzero", "shape"], Reshape),
        new("Transpose", ["perm"], Transpose),
        new("Squeeze", ["axes"], Squeeze),
        new("Unsqueeze", ["axes"], Unsqueeze),
        new("Concat", ["axis"], Concat),
        new("Pad", ["mode", "pads", "value"], Pad),
        new("Identity", [], (ctx, node) => Set(ctx, node, ctx.Peek(node, 0))),
        new("Gather", ["axis"], Gather),
    ];

    private static void Set(CompileContext ctx, OnnxNode node, QTensor t)
    {
        ctx.Set(node.Outputs[0], t);
        ctx.Layers.Add(new LayerReport(node.Describe(), node.OpType, 0, 0, 0, t.SignedBits));
    }

    private static int Axis(OnnxNode node, long axis, int rank)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw node.Error($"axis {axis} is out of range for rank {rank}");
        return (int)a;
    }

    private static void Flatten(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Peek(node, 0); // a pending rescale is elementwise: it moves with the values
        long axis = node.Int("axis", 1);
        int a = axis < 0 ? (int)axis + x.Rank : (int)axis;
        if (a < 0 || a > x.Rank) throw node.Error($"axis {axis} is out of range");
        int outer = ConstantTensor.Count(x.Shape.AsSpan(0, a));
        Set(ctx, node, x.Reshaped([outer, x.Count / Math.Max(1, outer)]));
    }

    private static void Reshape(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Peek(node, 0); // a pending rescale is elementwise: it moves with the values
        long[] target = node.Ints("shape") ?? ctx.Constant(node, 1).Data.Select(v => (long)v).ToArray();
        bool allowZero = node.Int("allowzero", 0) != 0;
        var shape = new int[target.Length];
        int unknown = -1, known = 1;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == -1) { if (unknown >= 0) throw node.Error("more than one -1 in the shape"); unknown = i; continue; }
            shape[i] = target[i] == 0 && !allowZero ? (i < x.Rank ? x.Shape[i] : throw node.Error("0 copies a missing dimension")) : (int)target[i];
            if (shape[i] < 0) throw node.Error($"bad dimension {target[i]}");
            known *= shape[i];
        }
        if (unknown >= 0) shape[unknown] = known == 0 ? 0 : x.Count / known;
        if (ConstantTensor.Count(shape) != x.Count) throw node.Error($"cannot reshape {x.Count} elements to [{string.Join(",", shape)}]");
        Set(ctx, node, x.Reshaped(shape));
    }

    private static void Transpose(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        int[] perm = node.Ints("perm")?.Select(p => (int)p).ToArray() ?? Enumerable.Range(0, x.Rank).Reverse().ToArray();
        if (perm.Length != x.Rank || perm.Order().Where((p, i) => p != i).Any()) throw node.Error("perm is not a permutation of the axes");
        int[] shape = perm.Select(p => x.Shape[p]).ToArray();
        int[] inStrides = QTensor.Strides(x.Shape);
        Set(ctx, node, Gathered(x, shape, i =>
        {
            int src = 0, rem = i;
            for (int d = shape.Length - 1; d >= 0; d--) { src += rem % shape[d] * inStrides[perm[d]]; rem /= shape[d]; }
            return src;
        }));
    }

    private static long[]? AxesOf(CompileContext ctx, OnnxNode node) =>
        node.Ints("axes") ?? (ctx.HasInput(node, 1) ? ctx.Constant(node, 1).Data.Select(v => (long)v).ToArray() : null);

    private static void Squeeze(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Peek(node, 0); // a pending rescale is elementwise: it moves with the values
        long[]? axes = AxesOf(ctx, node);
        var drop = axes is null ? Enumerable.Range(0, x.Rank).Where(i => x.Shape[i] == 1).ToHashSet() : axes.Select(a => Axis(node, a, x.Rank)).ToHashSet();
        if (drop.Any(a => x.Shape[a] != 1)) throw node.Error("cannot squeeze a dimension that is not 1");
        Set(ctx, node, x.Reshaped(Enumerable.Range(0, x.Rank).Where(i => !drop.Contains(i)).Select(i => x.Shape[i]).ToArray()));
    }

    private static void Unsqueeze(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Peek(node, 0); // a pending rescale is elementwise: it moves with the values
        long[] axes = AxesOf(ctx, node) ?? throw node.Error("axes are required");
        int rank = x.Rank + axes.Length;
        var add = axes.Select(a => Axis(node, a, rank)).ToHashSet();
        if (add.Count != axes.Length) throw node.Error("repeated axes");
        var shape = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) shape[i] = add.Contains(i) ? 1 : x.Shape[j++];
        Set(ctx, node, x.Reshaped(shape));
    }

    private static void Concat(CompileContext ctx, OnnxNode node)
    {
        var parts = Enumerable.Range(0, node.Inputs.Length).Where(i => ctx.HasInput(node, i)).Select(i => ctx.Tensor(node, i)).ToList();
        int scale = parts.Max(p => p.Scale);
        parts = parts.Select(p => ctx.ScaleUp(p, scale)).ToList();
        int rank = parts[0].Rank, axis = Axis(node, node.Int("axis", 0), rank);
        if (parts.Any(p => p.Rank != rank || Enumerable.Range(0, rank).Any(d => d != axis && p.Shape[d] != parts[0].Shape[d])))
            throw node.Error("inputs differ outside the concatenation axis");
        int[] shape = (int[])parts[0].Shape.Clone();
        shape[axis] = parts.Sum(p => p.Shape[axis]);
        int outer = ConstantTensor.Count(shape.AsSpan(0, axis)), inner = ConstantTensor.Count(shape.AsSpan(axis + 1));
        var values = new List<LinearCombination>(ConstantTensor.Count(shape));
        for (int o = 0; o < outer; o++)
            foreach (QTensor p in parts)
                values.AddRange(p.Values.AsSpan(o * p.Shape[axis] * inner, p.Shape[axis] * inner));
        Set(ctx, node, new QTensor(shape, [.. values], scale, parts.Max(p => p.Bound)));
    }

    private static void Pad(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        if (node.String("mode", "constant") != "constant") throw node.Error($"mode '{node.String("mode", "")}' is not supported (only constant)");
        long[] pads = node.Ints("pads") ?? ctx.Constant(node, 1).Data.Select(v => (long)v).ToArray();
        if (ctx.HasInput(node, 3)) throw node.Error("the axes input is not supported");
        double value = node.Attributes.ContainsKey("value") ? node.Float("value", 0) : ctx.HasInput(node, 2) ? ctx.Constant(node, 2).Data[0] : 0;
        if (pads.Length != 2 * x.Rank || pads.Any(p => p < 0)) throw node.Error("pads needs 2·rank non-negative values");
        long q = Quantizer.Quantize(value, x.Scale, "the pad value");
        int[] shape = x.Shape.Select((d, i) => d + (int)pads[i] + (int)pads[i + x.Rank]).ToArray();
        int[] inStrides = QTensor.Strides(x.Shape);
        var padValue = (LinearCombination)Fr.FromInt64(q);
        var values = new LinearCombination[ConstantTensor.Count(shape)];
        for (int i = 0; i < values.Length; i++)
        {
            int rem = i, src = 0;
            bool inside = true;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                int c = rem % shape[d] - (int)pads[d];
                rem /= shape[d];
                if (c < 0 || c >= x.Shape[d]) inside = false; else src += c * inStrides[d];
            }
            values[i] = inside ? x.Values[src] : padValue;
        }
        Set(ctx, node, new QTensor(shape, values, x.Scale, BigInteger.Max(x.Bound, BigInteger.Abs(q))));
    }

    private static void Gather(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        ConstantTensor indices = ctx.Constant(node, 1);
        int axis = Axis(node, node.Int("axis", 0), x.Rank);
        int[] shape = [.. x.Shape[..axis], .. indices.Shape, .. x.Shape[(axis + 1)..]];
        int inner = ConstantTensor.Count(x.Shape.AsSpan(axis + 1)), n = indices.Data.Length, dim = x.Shape[axis];
        Set(ctx, node, Gathered(x, shape, i =>
        {
            int innerIndex = i % inner, rest = i / inner, k = rest % Math.Max(1, n), outer = rest / Math.Max(1, n);
            long idx = (long)indices.Data[k];
            if (idx < 0) idx += dim;
            if (idx < 0 || idx >= dim) throw node.Error($"index {indices.Data[k]} is out of range for dimension {dim}");
            return (outer * dim + (int)idx) * inner + innerIndex;
        }));
    }

    /// <summary>A tensor whose element i is element source(i) of x.</summary>
    private static QTensor Gathered(QTensor x, int[] shape, Func<int, int> source)
    {
        int n = ConstantTensor.Count(shape);
        var values = new LinearCombination[n];
        long[]? known = x.Known is null ? null : new long[n];
        LinearCombination[]? signs = x.NonNegative is null ? null : new LinearCombination[n];
        for (int i = 0; i < n; i++)
        {
            int s = source(i);
            values[i] = x.Values[s];
            if (known is not null) known[i] = x.Known![s];
            if (signs is not null) signs[i] = x.NonNegative![s];
        }
        return new QTensor(shape, values, x.Scale, x.Bound) { Known = known, NonNegative = signs };
    }
}
