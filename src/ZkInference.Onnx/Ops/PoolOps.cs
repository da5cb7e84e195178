using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// 2-D pools on [1, C, H, W]: MaxPool (a running max: k + 2 constraints per comparison), AveragePool and
/// GlobalAveragePool (a free sum, then one exact rounded division by the window size).
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
        QTensor x = ctx.Tensor(node, 0);
        int before = ctx.B.ConstraintCount;
        int k = x.SignedBits;
        QTensor result = Pool(ctx, node, x, (windows, _) => Activation.Max(ctx.B, windows, k), x.Bound);
        ActivationOps.Record(ctx, node, result, before);
    }

    private static void AveragePool(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        bool includePad = node.Int("count_include_pad", 0) != 0;
        int before = ctx.B.ConstraintCount;
        long[] ks = node.Ints("kernel_shape") ?? throw node.Error("kernel_shape is required");
        int full = (int)ks.Aggregate(1L, (a, b) => a * b);
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
        QTensor x = ctx.Tensor(node, 0);
        if (x.Rank < 3) throw node.Error("needs [N, C, spatial…]");
        int before = ctx.B.ConstraintCount;
        int channels = x.Shape[0] * x.Shape[1], size = x.Count / channels;
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
