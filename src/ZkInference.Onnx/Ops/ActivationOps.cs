using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Piecewise-linear activations: Relu (sign·x: one constraint when the sign came free from a rescale, else k + 1; on
/// a pending rescale it waits for it, free, see <see cref="PendingRescale"/>),
/// LeakyRelu and Clip (comparisons and selections).
/// </summary>
internal static class ActivationOps
{
    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("Relu", [], Relu),
        new("LeakyRelu", ["alpha"], LeakyRelu),
        new("Clip", ["min", "max"], Clip),
    ];

    private static void Relu(CompileContext ctx, OnnxNode node)
    {
        QTensor pending = ctx.Peek(node, 0);
        if (pending.Pending is { Relu: false } p)
        {
            Record(ctx, node, new QTensor(pending.Shape, pending.Values, pending.Scale, pending.Bound) { Pending = p with { Relu = true } }, ctx.B.ConstraintCount);
            return;
        }
        QTensor x = ctx.Tensor(node, 0);
        int before = ctx.B.ConstraintCount;
        var values = new LinearCombination[x.Count];
        for (int i = 0; i < x.Count; i++)
        {
            LinearCombination sign = x.NonNegative?[i] ?? QuantGadgets.IsNonNegative(ctx.B, x.Values[i], x.Bound);
            values[i] = ctx.B.Mul(sign, x.Values[i]);
        }
        Record(ctx, node, new QTensor(x.Shape, values, x.Scale, x.Bound), before);
    }

    private static void LeakyRelu(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        double alpha = node.Float("alpha", 0.01);
        int ps = ctx.Settings.ParamScale;
        long a = Quantizer.Quantize(alpha, ps, "alpha");
        int before = ctx.B.ConstraintCount;
        var values = new LinearCombination[x.Count];
        BigInteger bound = BigInteger.Max(x.Bound, ((x.Bound * BigInteger.Abs(a)) >> ps) + 1);
        for (int i = 0; i < x.Count; i++)
        {
            LinearCombination sign = x.NonNegative?[i] ?? QuantGadgets.IsNonNegative(ctx.B, x.Values[i], x.Bound);
            var (ax, _, _) = QuantGadgets.Rescale(ctx.B, x.Values[i].Scale(Fr.FromInt64(a)), x.Bound * BigInteger.Abs(a), ps);
            values[i] = ax + ctx.B.Mul(sign, x.Values[i] - ax);
        }
        Record(ctx, node, new QTensor(x.Shape, values, x.Scale, bound), before);
    }

    private static void Clip(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        double? lo = Bound(ctx, node, 1, "min"), hi = Bound(ctx, node, 2, "max");
        int before = ctx.B.ConstraintCount;
        BigInteger? l = lo is double d1 ? Quantizer.Quantize(d1, x.Scale, "min") : null, h = hi is double d2 ? Quantizer.Quantize(d2, x.Scale, "max") : null;
        var values = new LinearCombination[x.Count];
        BigInteger bound = x.Bound;
        if (l is BigInteger lb && h is BigInteger hb) bound = BigInteger.Min(bound, BigInteger.Max(BigInteger.Abs(lb), BigInteger.Abs(hb)));
        for (int i = 0; i < x.Count; i++)
        {
            LinearCombination v = x.Values[i];
            if (l is BigInteger lv)
            {
                Fr f = Fr.FromBigInteger(lv);
                LinearCombination ge = QuantGadgets.IsNonNegative(ctx.B, v - f, x.Bound + BigInteger.Abs(lv));
                v = ctx.B.Mul(ge, v - f) + f;
            }
            if (h is BigInteger hv)
            {
                Fr f = Fr.FromBigInteger(hv);
                LinearCombination le = QuantGadgets.IsNonNegative(ctx.B, (LinearCombination)f - v, BigInteger.Max(x.Bound, BigInteger.Abs(l ?? 0)) + BigInteger.Abs(hv));
                v = ctx.B.Mul(le, v - f) + f;
            }
            values[i] = v;
        }
        Record(ctx, node, new QTensor(x.Shape, values, x.Scale, bound), before);
    }

    private static double? Bound(CompileContext ctx, OnnxNode node, int input, string attribute)
    {
        if (node.Attributes.ContainsKey(attribute)) return node.Float(attribute, 0);
        if (!ctx.HasInput(node, input)) return null;
        ConstantTensor c = ctx.Constant(node, input);
        if (c.Data.Length != 1) throw node.Error($"{attribute} must be a scalar");
        return c.Data[0];
    }

    internal static void Record(CompileContext ctx, OnnxNode node, QTensor result, int before)
    {
        ctx.Check(result, node);
        ctx.Set(node.Outputs[0], result);
        ctx.Layers.Add(new LayerReport(node.Describe(), node.OpType, ctx.B.ConstraintCount - before, 0, 0, result.SignedBits));
    }
}
