using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// 2-D pools on [1, C, H, W]: MaxPool (a running max: k + 2 constraints per comparison), AveragePool and
/// GlobalAveragePool (a free sum, then one exact rounded division by the window size, or for a window of 2ⁿ elements
/// everywhere a free change of scale by n bits with the rounding left to a pending rescale).
/// On a pending rescale (<see cref="PendingRescale"/>) MaxPool takes the maxima of the exact sums and leaves the
/// rescale (and ReLU) pending, when that costs less than rescaling every element first: max commutes with the monotone
/// rounding and with ReLU, so the result is the same and only the pooled elements are rescaled.
/// </summary>
internal static class PoolOps
{
    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("MaxPool", ["auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides"], MaxPool),
        new("AveragePool", ["auto_pad", "ceil_mode", "count_include_pad", "kernel_shape", "pads", "strides"], AveragePool),
        new("GlobalAveragePool", [], GlobalAveragePool),
    ];

    private static void MaxPool(CompileContext ctx, OnnxNode node)
    {
        if (node.Outputs.Length > 1 && node.Outputs[1].Length > 0) throw node.Error("the Indices output is not supported");
        QTensor x = ctx.Peek(node, 0);
        if (x.Pending is PendingRescale p && DeferringPays(ctx, node, x, p))
        {
            int start = ctx.B.ConstraintCount;
            QTensor pooled = Pool(ctx, node, x, (windows, _) => Activation.Max(ctx.B, windows, x.SignedBits), x.Bound);
            ActivationOps.Record(ctx, node, new QTensor(pooled.Shape, pooled.Values, pooled.Scale, pooled.Bound) { Pending = p }, start);
            return;
        }
        x = ctx.Tensor(node, 0);
        int before = ctx.B.ConstraintCount;
        int k = x.SignedBits;
        QTensor result = Pool(ctx, node, x, (windows, _) => Activation.Max(ctx.B, windows, k), x.Bound);
        ActivationOps.Record(ctx, node, result, before);
    }

    private static void AveragePool(CompileContext ctx, OnnxNode node)
    {
        bool includePad = node.Int("count_include_pad", 0) != 0;
        long[] ks = node.Ints("kernel_shape") ?? throw node.Error("kernel_shape is required");
        int full = (int)ks.Aggregate(1L, (a, b) => a * b);
        QTensor x = ctx.Peek(node, 0);
        if (x.Pending is { Relu: true }) x = ctx.Tensor(node, 0);
        if (x.Rank == 4)
        {
            // A window of 2ⁿ elements everywhere: the average is the sum at n more fractional bits (free, exact).
            var counts = new HashSet<int>();
            QTensor sums = Pool(ctx, node, x, (window, _) =>
            {
                counts.Add(includePad ? full : window.Length);
                var acc = new LinearCombinationBuilder(window.Length + 1);
                foreach (LinearCombination v in window) acc.Add(v, Field.Fr.One);
                return acc.Build();
            }, x.Bound * full);
            if (counts.Count == 1 && BitOperations.IsPow2(counts.First()))
            {
                ActivationOps.Record(ctx, node, AsScaledSum(ctx, x, sums, counts.First()), ctx.B.ConstraintCount);
                return;
            }
        }
        x = ctx.Tensor(node, 0);
        int before = ctx.B.ConstraintCount;
        BigInteger outBound = x.Bound;
        QTensor result = Pool(ctx, node, x, (window, _) =>
        {
            var sum = new LinearCombinationBuilder(window.Length + 1);
            foreach (LinearCombination v in window) sum.Add(v, Field.Fr.One);
            int count = includePad ? full : window.Length;
            return QuantGadgets.DivRound(ctx.B, sum.Build(), x.Bound * count, count).Q;
        }, x.Bound + 1);
        ActivationOps.Record(ctx, node, result, before);
    }

    private static void GlobalAveragePool(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Peek(node, 0);
        if (x.Pending is { Relu: true }) x = ctx.Tensor(node, 0);
        if (x.Rank < 3) throw node.Error("needs [N, C, spatial…]");
        int channels = x.Shape[0] * x.Shape[1], size = x.Count / channels;
        int[] outShape = [x.Shape[0], x.Shape[1], .. Enumerable.Repeat(1, x.Rank - 2)];
        if (BitOperations.IsPow2(size))
        {
            var sums = new LinearCombination[channels];
            for (int c = 0; c < channels; c++)
            {
                var acc = new LinearCombinationBuilder(size + 1);
                for (int i = 0; i < size; i++) acc.Add(x.Values[c * size + i], Field.Fr.One);
                sums[c] = acc.Build();
            }
            ActivationOps.Record(ctx, node, AsScaledSum(ctx, x, new QTensor(outShape, sums, x.Scale, x.Bound * size), size), ctx.B.ConstraintCount);
            return;
        }
        x = ctx.Tensor(node, 0);
        int before = ctx.B.ConstraintCount;
        var values = new LinearCombination[channels];
        for (int c = 0; c < channels; c++)
        {
            var sum = new LinearCombinationBuilder(size + 1);
            for (int i = 0; i < size; i++) sum.Add(x.Values[c * size + i], Field.Fr.One);
            values[c] = QuantGadgets.DivRound(ctx.B, sum.Build(), x.Bound * size, size).Q;
        }
        int[] shape = [x.Shape[0], x.Shape[1], .. Enumerable.Repeat(1, x.Rank - 2)];
        ActivationOps.Record(ctx, node, new QTensor(shape, values, x.Scale, x.Bound + 1), before);
    }

    // Sums of 2ⁿ elements read at n more fractional bits, rounded later by a pending rescale to the input's target
    // scale (its own if it had none; then the rescale belongs to no product layer).
    private static QTensor AsScaledSum(CompileContext ctx, QTensor x, QTensor sums, int count)
    {
        int n = BitOperations.Log2((uint)count);
        var pending = new PendingRescale(x.Pending?.TargetScale ?? x.Scale, false, x.Pending?.Producer ?? -1);
        var t = new QTensor(sums.Shape, sums.Values, x.Scale + n, x.Bound * count) { Pending = n == 0 ? x.Pending : pending };
        ctx.Check(t, new OnnxNode(-1, "pool", "AveragePool", [], [], new Dictionary<string, OnnxAttribute>()));
        return t;
    }

    // Eager: rescale (and ReLU) every input element, then compare at the quotient's width. Deferred: compare at the
    // sums' width, then rescale the maxima only. Constraint counts of both, from the shapes and widths.
    private static bool DeferringPays(CompileContext ctx, OnnxNode node, QTensor x, PendingRescale p)
    {
        if (x.Rank != 4) return false;
        long[] ks = node.Ints("kernel_shape") ?? throw node.Error("kernel_shape is required");
        if (ks.Length != 2) return false;
        var geo = Window.Resolve(node, [x.Shape[2], x.Shape[3]], [(int)ks[0], (int)ks[1]], node.Int("ceil_mode", 0) != 0);
        long outputs = (long)x.Shape[0] * x.Shape[1] * geo.Out[0] * geo.Out[1], window = ks[0] * ks[1];
        int shift = x.Scale - p.TargetScale, wide = x.SignedBits;
        if (shift <= 0) return false;
        int narrow = QTensor.BitsFor(((x.Bound + (BigInteger.One << shift >> 1)) >> shift) + 1);
        long rescale = shift + narrow + (p.Relu ? 1 : 0);
        long eager = x.Count * rescale + outputs * (window - 1) * (narrow + 2);
        long deferred = outputs * ((window - 1) * (wide + 2) + rescale);
        return deferred < eager;
    }

    private delegate LinearCombination Reduce(LinearCombination[] window, int count);

    private static QTensor Pool(CompileContext ctx, OnnxNode node, QTensor x, Reduce reduce, BigInteger bound)
    {
        if (x.Rank != 4) throw node.Error("only 2-D pools on [N, C, H, W] are supported");
        long[] ks = node.Ints("kernel_shape") ?? throw node.Error("kernel_shape is required");
        if (ks.Length != 2) throw node.Error("kernel_shape needs 2 values");
        int kh = (int)ks[0], kw = (int)ks[1];
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], w = x.Shape[3];
        var geo = Window.Resolve(node, [h, w], [kh, kw], node.Int("ceil_mode", 0) != 0);
        int oh = geo.Out[0], ow = geo.Out[1];
        var values = new LinearCombination[n * c * oh * ow];
        var window = new List<LinearCombination>(kh * kw);
        for (int ch = 0; ch < n * c; ch++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++)
                {
                    window.Clear();
                    for (int ky = 0; ky < kh; ky++)
                    {
                        int iy = oy * geo.Strides[0] + ky * geo.Dilations[0] - geo.PadsBegin[0];
                        if (iy < 0 || iy >= h) continue;
                        for (int kx = 0; kx < kw; kx++)
                        {
                            int ix = ox * geo.Strides[1] + kx * geo.Dilations[1] - geo.PadsBegin[1];
                            if (ix < 0 || ix >= w) continue;
                            window.Add(x.Values[(ch * h + iy) * w + ix]);
                        }
                    }
                    if (window.Count == 0) throw node.Error("a pooling window lies entirely in the padding");
                    values[(ch * oh + oy) * ow + ox] = reduce([.. window], window.Count);
                }
        return new QTensor([n, c, oh, ow], values, x.Scale, bound);
    }
}
