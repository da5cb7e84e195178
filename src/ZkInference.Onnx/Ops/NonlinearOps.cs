using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Sigmoid, Tanh, Exp and Softmax by range reduction to an interval (clamping) plus a Chebyshev interpolant
/// evaluated with Clenshaw's recurrence (<see cref="ChebyshevApproximation"/>). Intervals and degrees:
/// Sigmoid (−8, 8], Tanh (−4, 4], Exp (−12, 4] (saturating outside), Softmax: x − max(x) clamped to (−16, 0], each
/// of degree 20; then each eᵢ/Σe by an exact division (hinted quotient, remainder range-checked against the sum).
/// A product layer's pending rescale is not laid out: the input is rounded inside the clamp (<see cref="RescaleClamp"/>).
/// The measured errors are in docs/ONNX.md (ChebyshevApproximationTests and ModelTests measure them).
/// </summary>
internal static class NonlinearOps
{
    public static readonly ChebyshevApproximation SigmoidApprox = new(x => 1 / (1 + Math.Exp(-x)), 0, 3, 20);
    public static readonly ChebyshevApproximation TanhApprox = new(Math.Tanh, 0, 2, 20);
    public static readonly ChebyshevApproximation ExpApprox = new(Math.Exp, -4, 3, 20);
    public static readonly ChebyshevApproximation SoftmaxExpApprox = new(Math.Exp, -8, 3, 20);

    public static IEnumerable<OpDefinition> Definitions =>
    [
        new("Sigmoid", [], (ctx, node) => Apply(ctx, node, SigmoidApprox)),
        new("Tanh", [], (ctx, node) => Apply(ctx, node, TanhApprox)),
        new("Exp", [], (ctx, node) => Apply(ctx, node, ExpApprox)),
        new("Softmax", ["axis"], Softmax),
    ];

    private static void Apply(CompileContext ctx, OnnxNode node, ChebyshevApproximation f)
    {
        // A product layer's pending rescale (without ReLU) is not laid out: the function takes the accumulator-scale
        // values, and its clamp's one decomposition holds the rounding's remainder bits too (RescaleClamp).
        QTensor x = ctx.Peek(node, 0);
        int shift = PendingShift(x);
        if (shift == 0) x = ctx.Tensor(node, 0);
        int before = ctx.B.ConstraintCount;
        int scale = Math.Max(ctx.ActScale, x.Scale - shift);
        var values = new LinearCombination[x.Count];
        BigInteger bound = 0;
        for (int i = 0; i < x.Count; i++)
        {
            var (v, b) = f.Layout(ctx.B, x.Values[i], x.Scale, x.Bound, shift, scale);
            values[i] = v;
            if (b > bound) bound = b;
        }
        // A constant input (e.g. a dead neuron's sum) is folded: no decomposition, nothing to charge.
        ctx.ChargeAbsorbedRounding(x, shift * x.Values.Count(v => !v.IsConstant));
        ActivationOps.Record(ctx, node, new QTensor(x.Shape, values, scale, bound), before);
    }

    // The bits a pending rescale without ReLU would drop (0 when there is none: the input is then laid out as usual).
    private static int PendingShift(QTensor x) => x.Pending is { Relu: false } p && x.Scale > p.TargetScale ? x.Scale - p.TargetScale : 0;

    private static void Softmax(CompileContext ctx, OnnxNode node)
    {
        // As for the other functions: a pending rescale is not laid out; the row's max compares the exact sums (max
        // commutes with the monotone rounding) and each difference to it is rounded inside its clamp's decomposition.
        QTensor x = ctx.Peek(node, 0);
        int shift = PendingShift(x);
        if (shift == 0) x = ctx.Tensor(node, 0);
        long axisAttr = node.Int("axis", ctx.Model.Opset >= 13 ? -1 : 1);
        int axis = (int)(axisAttr < 0 ? axisAttr + x.Rank : axisAttr);
        if (axis < 0 || axis >= x.Rank) throw node.Error($"axis {axisAttr} is out of range");
        // Opset 13 normalizes along one axis; earlier opsets over all dimensions from the axis on (a 2-D coercion).
        int dim = ctx.Model.Opset >= 13 ? x.Shape[axis] : ConstantTensor.Count(x.Shape.AsSpan(axis));
        int inner = ctx.Model.Opset >= 13 ? ConstantTensor.Count(x.Shape.AsSpan(axis + 1)) : 1;
        int outer = x.Count / (dim * inner);
        int before = ctx.B.ConstraintCount;
        int s = Math.Max(ctx.ActScale, x.Scale - shift);
        var values = new LinearCombination[x.Count];
        var row = new LinearCombination[dim];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                for (int j = 0; j < dim; j++) row[j] = x.Values[(o * dim + j) * inner + i];
                LinearCombination[] y = Row(ctx.B, row, x.Scale, x.Bound, shift, s);
                // The rounding bits of each difference to the max, and the wider comparisons of the exact sums' max.
                if (!row.All(v => v.IsConstant)) ctx.ChargeAbsorbedRounding(x, shift * (2 * dim - 1));
                for (int j = 0; j < dim; j++) values[(o * dim + j) * inner + i] = y[j];
            }
        ActivationOps.Record(ctx, node, new QTensor(x.Shape, values, s, (BigInteger.One << s) + 1), before);
    }

    /// <summary>Softmax of one row given at <paramref name="scale"/>, taken at scale − <paramref name="shift"/>, at scale <paramref name="outScale"/>.</summary>
    private static LinearCombination[] Row(CircuitBuilder b, LinearCombination[] x, int scale, BigInteger bound, int shift, int outScale)
    {
        int k = QTensor.BitsFor(bound);
        LinearCombination max = Activation.Max(b, x, k);
        int t = ChebyshevApproximation.InternalScale;
        var e = new LinearCombination[x.Length];
        BigInteger eBound = 0;
        var sum = new LinearCombinationBuilder(x.Length + 1);
        for (int j = 0; j < x.Length; j++)
        {
            var (v, vb) = SoftmaxExpApprox.Layout(b, x[j] - max, scale, 2 * bound, shift, t);
            // The interpolant may dip a hair below 0 near the clamp; clip at 0 so the division stays non-negative.
            LinearCombination nonNegative = QuantGadgets.IsNonNegative(b, v, vb);
            e[j] = b.Mul(nonNegative, v);
            sum.Add(e[j], Fr.One);
            if (vb > eBound) eBound = vb;
        }
        LinearCombination total = sum.Build();
        BigInteger totalBound = eBound * x.Length;
        int rb = (int)totalBound.GetBitLength() + 1;
        QuantGadgets.CheckBits(rb + outScale + 1);
        var y = new LinearCombination[x.Length];
        Fr one = Bits.Pow2(outScale);
        for (int j = 0; j < x.Length; j++)
        {
            // y = ⌊eⱼ·2^s / Σe⌋: eⱼ·2^s = y·Σe + r with 0 ≤ r < Σe, and 0 ≤ y ≤ 2^s.
            Variable q = b.Hint(DivideHint, [e[j].Scale(one), total], 1)[0];
            LinearCombination r = e[j].Scale(one) - b.Mul(q, total);
            Bits.RangeCheck(b, r, rb);
            Bits.RangeCheck(b, total - 1 - r, rb);
            Bits.RangeCheck(b, q, outScale + 1);
            y[j] = q;
        }
        return y;
    }

    private static readonly HintFunction DivideHint = static (inputs, outputs) =>
    {
        BigInteger n = inputs[0].ToBigInteger(), d = inputs[1].ToBigInteger();
        outputs[0] = d.IsZero ? Fr.Zero : Fr.FromBigInteger(n / d);
    };
}
