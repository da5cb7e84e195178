using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Broadcasting arithmetic: Add, Sub, Neg (free, scales aligned by a free shift), Mul (one product per element unless a
/// side is constant, then a rescale to the activation scale), Div by a constant (exact rounded division for integer
/// divisors, otherwise a product with the fixed-point reciprocal and a rescale; the divisor is part of the circuit).
/// </summary>
internal static class ElementwiseOps
{
    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("Add", [], (ctx, node) => Linear(ctx, node, Fr.One)),
        new("Sub", [], (ctx, node) => Linear(ctx, node, -Fr.One)),
        new("Neg", [], Neg),
        new("Mul", [], Mul),
        new("Div", [], Div),
    ];

    private static void Linear(CompileContext ctx, OnnxNode node, Fr sign)
    {
        QTensor a = ctx.Tensor(node, 0), b = ctx.Tensor(node, 1);
        int scale = Math.Max(a.Scale, b.Scale);
        a = ctx.ScaleUp(a, scale); b = ctx.ScaleUp(b, scale);
        int[] shape = Broadcast.Shape(a.Shape, b.Shape, node);
        a = Broadcast.Expand(a, shape, node); b = Broadcast.Expand(b, shape, node);
        var values = new LinearCombination[a.Count];
        for (int i = 0; i < values.Length; i++) values[i] = LinearCombination.AddScaled(a.Values[i], b.Values[i], sign);
        ActivationOps.Record(ctx, node, new QTensor(shape, values, scale, a.Bound + b.Bound), ctx.B.ConstraintCount);
    }

    private static void Neg(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        ActivationOps.Record(ctx, node, new QTensor(x.Shape, x.Values.Select(v => -v).ToArray(), x.Scale, x.Bound), ctx.B.ConstraintCount);
    }

    private static void Mul(CompileContext ctx, OnnxNode node)
    {
        QTensor a = ctx.Materialize(ctx.Tensor(node, 0)), b = ctx.Materialize(ctx.Tensor(node, 1));
        int[] shape = Broadcast.Shape(a.Shape, b.Shape, node);
        a = Broadcast.Expand(a, shape, node); b = Broadcast.Expand(b, shape, node);
        int before = ctx.B.ConstraintCount;
        var products = new Products(ctx.B);
        var values = new LinearCombination[a.Count];
        BigInteger bound = 0;
        for (int i = 0; i < values.Length; i++)
        {
            var (v, bd) = products.Dot(a, b, [i], [i]);
            values[i] = v;
            if (bd > bound) bound = bd;
        }
        QTensor result = ctx.RescaleTo(new QTensor(shape, values, a.Scale + b.Scale, bound), Math.Max(a.Scale, b.Scale));
        ActivationOps.Record(ctx, node, result, before);
    }

    private static void Div(CompileContext ctx, OnnxNode node)
    {
        QTensor x = ctx.Tensor(node, 0);
        if (!ctx.IsConstant(node, 1)) throw node.Error("only division by a constant is supported");
        ConstantTensor d = ctx.Constant(node, 1);
        int[] shape = Broadcast.Shape(x.Shape, d.Shape, node);
        QTensor xs = Broadcast.Expand(x, shape, node);
        int before = ctx.B.ConstraintCount;
        var values = new LinearCombination[xs.Count];
        BigInteger bound = 0;
        int ps = ctx.Settings.ParamScale;
        for (int i = 0; i < values.Length; i++)
        {
            double divisor = d.Data[Broadcast.SourceIndex(i, shape, d.Shape)];
            if (divisor == 0) throw node.Error("division by zero");
            LinearCombination v = divisor < 0 ? -xs.Values[i] : xs.Values[i];
            double m = Math.Abs(divisor);
            BigInteger qb;
            if (m == Math.Floor(m) && m < 1e15)
                (values[i], qb) = QuantGadgets.DivRound(ctx.B, v, xs.Bound, new BigInteger(m));
            else
            {
                long r = Quantizer.Quantize(1 / m, ps, "the reciprocal of the divisor");
                var res = QuantGadgets.Rescale(ctx.B, v.Scale(Fr.FromInt64(r)), xs.Bound * BigInteger.Abs(r), ps);
                (values[i], qb) = (res.Q, res.Bound);
            }
            if (qb > bound) bound = qb;
        }
        ActivationOps.Record(ctx, node, new QTensor(shape, values, x.Scale, bound), before);
    }
}
