using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Reductions over axes: ReduceSum (free), ReduceMean (a free sum and one exact rounded division), ArgMax (a running
/// comparison: k + 2 constraints and two selections per element; the index is an integer, scale 0).
/// </summary>
internal static class ReduceOps
{
    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("ReduceSum", ["axes", "keepdims", "noop_with_empty_axes"], (ctx, node) => Reduce(ctx, node, mean: false)),
        new("ReduceMean", ["axes", "keepdims", "noop_with_empty_axes"], (ctx, node) => Reduce(ctx, node, mean: true)),
        new("ArgMax", ["axis", "keepdims", "select_last_index"], ArgMax),
    ];

    private static void Reduce(CompileContext ctx, OnnxNode node, bool mean)
    {
        QTensor x = ctx.Tensor(node, 0);
        long[]? axes = node.Ints("axes") ?? (ctx.HasInput(node, 1) ? ctx.Constant(node, 1).Data.Select(v => (long)v).ToArray() : null);
        bool keep = node.Int("keepdims", 1) != 0;
        if ((axes is null || axes.Length == 0) && node.Int("noop_with_empty_axes", 0) != 0)
        {
            ActivationOps.Record(ctx, node, x, ctx.B.ConstraintCount);
            return;
        }
        var reduced = (axes is null || axes.Length == 0 ? Enumerable.Range(0, x.Rank) : axes.Select(a => (int)(a < 0 ? a + x.Rank : a))).ToHashSet();
        if (reduced.Any(a => a < 0 || a >= x.Rank)) throw node.Error("an axis is out of range");
        int[] outFull = x.Shape.Select((d, i) => reduced.Contains(i) ? 1 : d).ToArray();
        int outCount = ConstantTensor.Count(outFull), per = x.Count / Math.Max(1, outCount);
        var sums = new LinearCombinationBuilder[outCount];
        for (int i = 0; i < outCount; i++) sums[i] = new LinearCombinationBuilder(per + 1);
        int[] strides = QTensor.Strides(outFull);
        for (int i = 0; i < x.Count; i++)
        {
            int rem = i, target = 0;
            for (int d = x.Rank - 1; d >= 0; d--) { int c = rem % x.Shape[d]; rem /= x.Shape[d]; if (!reduced.Contains(d)) target += c * strides[d]; }
            sums[target].Add(x.Values[i], Fr.One);
        }
        int before = ctx.B.ConstraintCount;
        BigInteger bound = x.Bound * per;
        var values = new LinearCombination[outCount];
        for (int i = 0; i < outCount; i++)
        {
            values[i] = sums[i].Build();
            if (mean) values[i] = QuantGadgets.DivRound(ctx.B, values[i], bound, per).Q;
        }
        if (mean) bound = x.Bound + 1;
        int[] shape = keep ? outFull : x.Shape.Where((_, i) => !reduced.Contains(i)).ToArray();
        ActivationOps.Record(ctx, node, new QTensor(shape, values, x.Scale, bound), before);
    }

    private static void ArgMax(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        long a = node.Int("axis", 0);
        int axis = (int)(a < 0 ? a + x.Rank : a);
        if (axis < 0 || axis >= x.Rank) throw node.Error($"axis {a} is out of range");
        bool last = node.Int("select_last_index", 0) != 0, keep = node.Int("keepdims", 1) != 0;
        int dim = x.Shape[axis], inner = ConstantTensor.Count(x.Shape.AsSpan(axis + 1)), outer = x.Count / (dim * inner);
        int k = x.SignedBits + 1;
        Fr shift = Bits.Pow2(k - 1);
        int before = ctx.B.ConstraintCount;
        var values = new LinearCombination[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                LinearCombination max = x.Values[o * dim * inner + i], index = 0;
                for (int j = 1; j < dim; j++)
                {
                    LinearCombination v = x.Values[(o * dim + j) * inner + i];
                    LinearCombination better = last ? Comparison.LessOrEqual(ctx.B, max + shift, v + shift, k) : Comparison.LessThan(ctx.B, max + shift, v + shift, k);
                    max = Select.If(ctx.B, better, v, max);
                    index = Select.If(ctx.B, better, j, index);
                }
                values[o * inner + i] = index;
            }
        int[] shape = x.Shape.Select((d, i) => i == axis ? 1 : d).ToArray();
        if (!keep) shape = shape.Where((_, i) => i != axis).ToArray();
        ActivationOps.Record(ctx, node, new QTensor(shape, values, 0, dim), before);
    }
}
