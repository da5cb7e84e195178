using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// A smooth function on (c − 2^l, c + 2^l] as a Chebyshev interpolant of degree n, evaluated in the circuit by
/// Clenshaw's recurrence in fixed point: the input is clamped to the interval by one decomposition
/// (<see cref="RescaleClamp"/>), u = (x − c)/2^l is a free reinterpretation of the scale, each step
/// b_k = c_k + 2u·b_{k+1} − b_{k+2} is one product computed exactly (the scale grows by that of u; coefficients at
/// 2^<see cref="InternalScale"/>), and the result is rounded once to the output scale (b_{k+1} is rounded back to the
/// internal scale earlier only if a value would otherwise need more than about 230 bits). Bounds are rigorous:
/// |b_k| ≤ Σ_{j≥k} (j − k + 1)(|c_j| + 1 ulp), since |U_m(u)| ≤ m + 1 on [−1, 1] and each rounding adds at most 1 ulp.
/// </summary>
internal sealed class ChebyshevApproximation
{
    /// <summary>Fractional bits of the coefficients and of Clenshaw's intermediate values.</summary>
    public const int InternalScale = 20;

    private readonly double[] _coefficients;

    public ChebyshevApproximation(Func<double, double> f, double center, int log2HalfWidth, int degree)
    {
        Function = f; Center = center; Log2HalfWidth = log2HalfWidth;
        int n = degree + 1;
        double half = Math.ScaleB(1, log2HalfWidth);
        var values = new double[n];
        for (int j = 0; j < n; j++) values[j] = f(center + half * Math.Cos(Math.PI * (j + 0.5) / n));
        _coefficients = new double[n];
        for (int k = 0; k < n; k++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += values[j] * Math.Cos(Math.PI * k * (j + 0.5) / n);
            _coefficients[k] = 2.0 / n * s;
        }
        _coefficients[0] /= 2;
    }

    public Func<double, double> Function { get; }
    public double Center { get; }
    public int Log2HalfWidth { get; }
    public double Low => Center - Math.ScaleB(1, Log2HalfWidth);
    public double High => Center + Math.ScaleB(1, Log2HalfWidth);

    /// <summary>The interpolant in double (for the documented error of the method itself).</summary>
    public double Evaluate(double x)
    {
        double u = (Math.Clamp(x, Low, High) - Center) / Math.ScaleB(1, Log2HalfWidth);
        double b1 = 0, b2 = 0;
        for (int k = _coefficients.Length - 1; k >= 1; k--) (b1, b2) = (_coefficients[k] + 2 * u * b1 - b2, b1);
        return _coefficients[0] + u * b1 - b2;
    }

    /// <summary>
    /// Lays out f(x) for one element given at scale <paramref name="scale"/> with |x| ≤ bound, where the function's input
    /// is x rounded to scale − <paramref name="shift"/> (an accumulator-scale value is taken as it is: the rounding is
    /// part of the clamp's decomposition, <see cref="RescaleClamp"/>); returns f(x) at <paramref name="outScale"/> and
    /// its bound. x need not be range-checked already: the decomposition bounds it. The interval is (low, high] at the
    /// input scale: 2^(l + 1 + s) points, so one decomposition decides both sides.
    /// </summary>
    public (LinearCombination Value, BigInteger Bound) Layout(CircuitBuilder b, LinearCombination x, int scale, BigInteger bound, int shift, int outScale)
    {
        int s = scale - shift, width = Log2HalfWidth + 1 + s;
        BigInteger lo = Quantizer.Quantize(Low, s, "the approximation interval"), hi = Quantizer.Quantize(High, s, "the approximation interval");
        if (width < 0 || hi - lo != BigInteger.One << width) throw new InvalidOperationException("the approximation interval must hold a power of two of points at the input scale");
        x = RescaleClamp.Layout(b, x, bound, shift, lo + 1, width);
        // u = (x − c)/2^l at scale s + l: |u| ≤ 1, i.e. |u| ≤ 2^(s + l) as an integer.
        int uScale = s + Log2HalfWidth;
        long c = Quantizer.Quantize(Center, s, "the approximation center");
        LinearCombination u = x - Fr.FromInt64(c);
        int n = _coefficients.Length;
        long[] q = _coefficients.Select(v => Quantizer.Quantize(v, InternalScale, "a Chebyshev coefficient")).ToArray();
        // Rigorous bounds at the internal scale: b_k = Σ_{j≥k} (c_j + ε_j)·U_{j−k}(u) with |ε_j| ≤ 1 ulp (a rounding, if
        // b_j was rounded) and |U_m| ≤ m + 1; b_k held exactly at a finer scale S is bounded by bounds[k]·2^(S − internal).
        var bounds = new BigInteger[n];
        for (int k = n - 1; k >= 0; k--)
            for (int j = k; j < n; j++) bounds[k] += (j - k + 1) * (BigInteger.Abs(q[j]) + 1);
        // b_k = c_k + 2u·b_(k+1) − b_(k+2) (the last step f = c_0 + u·b_1 − b_2) computed exactly: each step is one product
        // and the scale grows by uScale. b_(k+1) is rounded back to the internal scale only while finishing exactly from
        // here would need more than Budget bits (then as early as possible, where it is cheapest), so at the default
        // scales the whole recurrence has a single rounding, at the end.
        int magnitude = (int)bounds[0].GetBitLength() + 1;
        var b1 = (Value: (LinearCombination)0, Scale: InternalScale);
        var b2 = b1;
        for (int k = n - 1; k >= 0; k--)
        {
            if (!b1.Value.IsConstant && magnitude + b1.Scale + (k + 1) * uScale - InternalScale > Budget)
                b1 = (QuantGadgets.Rescale(b, b1.Value, bounds[k + 1] << (b1.Scale - InternalScale), b1.Scale - InternalScale).Q, InternalScale);
            int target = Math.Max(b1.Value.IsZero ? InternalScale : b1.Scale + uScale, Math.Max(b2.Scale, InternalScale));
            LinearCombination next = Fr.FromBigInteger((BigInteger)q[k] << (target - InternalScale)) - b2.Value.Scale(Circuit.Gadgets.Bits.Pow2(target - b2.Scale));
            if (!b1.Value.IsZero)
            {
                LinearCombination product = b1.Value.IsConstant ? u.Scale(b1.Value.ConstantTerm) : b.Mul(u, b1.Value);
                Fr up = Circuit.Gadgets.Bits.Pow2(target - b1.Scale - uScale);
                next += product.Scale(k == 0 ? up : up + up);
            }
            (b2, b1) = (b1, (next, target));
        }
        // f = b1 at its scale, rounded once to the output scale.
        var (f, fScale) = b1;
        BigInteger fBound = bounds[0] << (fScale - InternalScale);
        if (outScale >= fScale) return (f.Scale(Circuit.Gadgets.Bits.Pow2(outScale - fScale)), fBound << (outScale - fScale));
        var (r, _, rb) = QuantGadgets.Rescale(b, f, fBound, fScale - outScale);
        return (r, rb);
    }

    /// <summary>The most bits an exact intermediate value of the recurrence may take before it is rounded.</summary>
    private const int Budget = QuantGadgets.MaxBits - 8;
}
