using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Product layers — Gemm, MatMul, Conv (2-D) — and BatchNormalization (inference, one multiply-add per element).
/// The products accumulate at scale s_a + s_b and the bias is added at that scale (free). The rescale of every output to
/// the activation scale (quotient and range-checked remainder) is left pending (<see cref="PendingRescale"/>): a
/// following ReLU takes its sign from it, a MaxPool compares first and rescales only the maxima, a power-of-two
/// average pool or the next product layer absorbs it, and a graph output keeps the exact sums at the finer scale.
/// </summary>
internal static class LinearOps
{
    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("Gemm", ["alpha", "beta", "transA", "transB"], Gemm),
        new("MatMul", [], MatMul),
        new("Conv", ["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"], Conv),
        new("BatchNormalization", ["epsilon", "momentum", "training_mode", "spatial"], BatchNorm),
    ];

    private static void Gemm(CompileContext ctx, OnnxNode node)
    {
        double alpha = node.Float("alpha", 1), beta = node.Float("beta", 1);
        bool transA = node.Int("transA", 0) != 0, transB = node.Int("transB", 0) != 0;
        QTensor a = ctx.LinearInput(node, 0);
        QTensor w = alpha == 1 ? ctx.Tensor(node, 1) : ScaledParam(ctx, node, 1, alpha, "alpha");
        if (a.Rank != 2 || w.Rank != 2) throw node.Error("Gemm needs 2-D inputs");
        int m = transA ? a.Shape[1] : a.Shape[0], k = transA ? a.Shape[0] : a.Shape[1];
        int k2 = transB ? w.Shape[1] : w.Shape[0], n = transB ? w.Shape[0] : w.Shape[1];
        if (k != k2) throw node.Error($"inner dimensions differ ({k} and {k2})");
        QTensor? c = ctx.HasInput(node, 2) ? (beta == 1 ? ctx.Tensor(node, 2) : ScaledParam(ctx, node, 2, beta, "beta")) : null;
        var aIdx = new int[k]; var wIdx = new int[k];
        var sums = new LinearCombination[m * n]; var bounds = new BigInteger[m * n];
        var products = new Products(ctx.B);
        a = ctx.Materialize(a, n);
        int before = ctx.B.ConstraintCount;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                for (int t = 0; t < k; t++)
                {
                    aIdx[t] = transA ? t * m + i : i * k + t;
                    wIdx[t] = transB ? j * k + t : t * n + j;
                }
                (sums[i * n + j], bounds[i * n + j]) = products.Dot(a, w, aIdx, wIdx);
            }
        Finish(ctx, node, [m, n], sums, bounds, a.Scale + w.Scale, c, products, before);
    }

    private static void MatMul(CompileContext ctx, OnnxNode node)
    {
        QTensor a = ctx.LinearInput(node, 0), w = ctx.Tensor(node, 1);
        if (a.Rank < 1 || w.Rank < 1) throw node.Error("MatMul needs tensors of rank ≥ 1");
        int[] aShape = a.Rank == 1 ? [1, a.Shape[0]] : a.Shape, wShape = w.Rank == 1 ? [w.Shape[0], 1] : w.Shape;
        int m = aShape[^2], k = aShape[^1], k2 = wShape[^2], n = wShape[^1];
        if (k != k2) throw node.Error($"inner dimensions differ ({k} and {k2})");
        int[] batchA = aShape[..^2], batchW = wShape[..^2];
        int[] batch = Broadcast.Shape(batchA, batchW, node);
        int batches = ConstantTensor.Count(batch);
        // Each element of a is used by the n columns of every batch that broadcasts it.
        a = ctx.Materialize(a, (int)Math.Min(int.MaxValue, (long)n * (batches / Math.Max(1, ConstantTensor.Count(batchA)))));
        var sums = new LinearCombination[batches * m * n]; var bounds = new BigInteger[sums.Length];
        var products = new Products(ctx.B);
        var aIdx = new int[k]; var wIdx = new int[k];
        int before = ctx.B.ConstraintCount;
        for (int bi = 0; bi < batches; bi++)
        {
            int aBase = Broadcast.SourceIndex(bi, batch, batchA) * m * k, wBase = Broadcast.SourceIndex(bi, batch, batchW) * k * n;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    for (int t = 0; t < k; t++) { aIdx[t] = aBase + i * k + t; wIdx[t] = wBase + t * n + j; }
                    (sums[(bi * m + i) * n + j], bounds[(bi * m + i) * n + j]) = products.Dot(a, w, aIdx, wIdx);
                }
        }
        var shape = new List<int>(batch);
        if (a.Rank > 1) shape.Add(m);
        if (w.Rank > 1) shape.Add(n);
        Finish(ctx, node, [.. shape], sums, bounds, a.Scale + w.Scale, null, products, before);
    }

    private static void Conv(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.LinearInput(node, 0), w = ctx.Tensor(node, 1);
        if (x.Rank != 4 || w.Rank != 4) throw node.Error("only 2-D convolutions (rank-4 input and weight) are supported");
        int group = (int)node.Int("group", 1);
        int c = x.Shape[1], h = x.Shape[2], wd = x.Shape[3], mOut = w.Shape[0], cg = w.Shape[1], kh = w.Shape[2], kw = w.Shape[3];
        if (group < 1 || c % group != 0 || mOut % group != 0 || cg != c / group) throw node.Error($"group {group} does not divide the {c} input channels and {mOut} filters of {cg} channels");
        // An input element meets each of its group's filters at most kh·kw times.
        x = ctx.Materialize(x, (int)Math.Min(int.MaxValue, (long)(mOut / group) * kh * kw));
        long[]? ks = node.Ints("kernel_shape");
        if (ks is not null && (ks.Length != 2 || ks[0] != kh || ks[1] != kw)) throw node.Error("kernel_shape does not match the weight");
        var geo = Window.Resolve(node, [h, wd], [kh, kw]);
        int oh = geo.Out[0], ow = geo.Out[1];
        QTensor? bias = ctx.HasInput(node, 2) ? ctx.Tensor(node, 2) : null;
        var sums = new LinearCombination[mOut * oh * ow]; var bounds = new BigInteger[sums.Length];
        var products = new Products(ctx.B);
        var aIdx = new List<int>(cg * kh * kw); var wIdx = new List<int>(cg * kh * kw);
        int before = ctx.B.ConstraintCount;
        for (int f = 0; f < mOut; f++)
        {
            int g = f / (mOut / group);
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++)
                {
                    aIdx.Clear(); wIdx.Clear();
                    for (int ci = 0; ci < cg; ci++)
                        for (int ky = 0; ky < kh; ky++)
                        {
                            int iy = oy * geo.Strides[0] + ky * geo.Dilations[0] - geo.PadsBegin[0];
                            if (iy < 0 || iy >= h) continue;
                            for (int kx = 0; kx < kw; kx++)
                            {
                                int ix = ox * geo.Strides[1] + kx * geo.Dilations[1] - geo.PadsBegin[1];
                                if (ix < 0 || ix >= wd) continue;
                                aIdx.Add(((g * cg + ci) * h + iy) * wd + ix);
                                wIdx.Add(((f * cg + ci) * kh + ky) * kw + kx);
                            }
                        }
                    int o = (f * oh + oy) * ow + ox;
                    (sums[o], bounds[o]) = products.Dot(x, w, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(aIdx), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(wIdx));
                }
        }
        QTensor? biasFull = null;
        if (bias is not null)
        {
            if (bias.Count != mOut) throw node.Error($"the bias has {bias.Count} elements for {mOut} filters");
            biasFull = Broadcast.Expand(bias.Reshaped([mOut, 1, 1]), [1, mOut, oh, ow], node);
        }
        Finish(ctx, node, [1, mOut, oh, ow], sums, bounds, x.Scale + w.Scale, biasFull, products, before);
    }

    /// <summary>Adds the (broadcast) bias at the accumulator's scale, leaves the rescale to the activation scale pending, records the layer.</summary>
    private static void Finish(CompileContext ctx, OnnxNode node, int[] shape, LinearCombination[] sums, BigInteger[] bounds, int scale, QTensor? bias, Products products, int before)
    {
        if (bias is not null)
        {
            QTensor full = Broadcast.Expand(bias, shape, node);
            int shift = scale - full.Scale;
            if (shift < 0) throw node.Error("the bias has a finer scale than the products");
            Fr k = Circuit.Gadgets.Bits.Pow2(shift);
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] = LinearCombination.AddScaled(sums[i], full.Values[i], k);
                bounds[i] += (full.Known is null ? full.Bound : BigInteger.Abs(full.Known[i])) << shift;
            }
        }
        BigInteger bound = bounds.Length == 0 ? 0 : bounds.Max();
        QuantGadgets.CheckBits(QTensor.BitsFor(bound) + 1);
        int productConstraints = ctx.B.ConstraintCount - before;
        var sum = new QTensor(shape, sums, scale, bound);
        QTensor result = scale > ctx.ActScale ? new QTensor(shape, sums, scale, bound) { Pending = new PendingRescale(ctx.ActScale, false, ctx.Layers.Count) }
            : ctx.RescaleTo(sum, ctx.ActScale);
        ctx.Check(result, node);
        ctx.Set(node.Outputs[0], result);
        ctx.Layers.Add(new LayerReport(node.Describe(), node.OpType, ctx.B.ConstraintCount - before, products.MultiplyAccumulates, productConstraints, result.SignedBits));
    }

    /// <summary>A constant input times a float attribute, as its own parameter (Gemm's alpha and beta).</summary>
    private static QTensor ScaledParam(CompileContext ctx, OnnxNode node, int i, double factor, string what)
    {
        if (!ctx.IsConstant(node, i)) throw node.Error($"{what} ≠ 1 is supported only when input {i} is a constant");
        ConstantTensor c = ctx.Constant(node, i);
        return ctx.Param(c with { Name = $"{c.Name}*{what}", Data = c.Data.Select(v => v * factor).ToArray() });
    }

    /// <summary>y = a·x + b per channel with a = γ/√(var + ε), b = β − mean·a folded into two parameters.</summary>
    private static void BatchNorm(CompileContext ctx, OnnxNode node)
    {
        if (node.Int("training_mode", 0) != 0 || node.Outputs.Length > 1) throw node.Error("only inference mode (training_mode = 0, one output) is supported");
        if (node.Int("spatial", 1) != 1) throw node.Error("spatial = 0 is not supported");
        QTensor x = ctx.Materialize(ctx.LinearInput(node, 0), 1);
        ConstantTensor gamma = ctx.Constant(node, 1), beta = ctx.Constant(node, 2), mean = ctx.Constant(node, 3), variance = ctx.Constant(node, 4);
        double eps = node.Float("epsilon", 1e-5);
        int ch = x.Rank > 1 ? x.Shape[1] : throw node.Error("the input needs a channel dimension");
        var a = new double[ch]; var bb = new double[ch];
        for (int i = 0; i < ch; i++)
        {
            a[i] = gamma.Data[i] / Math.Sqrt(variance.Data[i] + eps);
            bb[i] = beta.Data[i] - mean.Data[i] * a[i];
        }
        int[] cshape = [ch, .. Enumerable.Repeat(1, x.Rank - 2)];
        QTensor pa = ctx.Param(new ConstantTensor($"{node.Name}.scale", cshape, a, false));
        QTensor pb = ctx.Param(new ConstantTensor($"{node.Name}.shift", cshape, bb, false));
        QTensor fa = Broadcast.Expand(pa, x.Shape, node);
        var sums = new LinearCombination[x.Count]; var bounds = new BigInteger[x.Count];
        var products = new Products(ctx.B);
        int before = ctx.B.ConstraintCount;
        for (int i = 0; i < x.Count; i++) (sums[i], bounds[i]) = products.Dot(x, fa, [i], [i]);
        Finish(ctx, node, x.Shape, sums, bounds, x.Scale + pa.Scale, pb, products, before);
    }
}
