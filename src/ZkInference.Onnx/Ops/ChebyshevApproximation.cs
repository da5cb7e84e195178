using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// A smooth function on [c − 2^l, c + 2^l] as a Chebyshev interpolant of degree n, evaluated in the circuit by
/// Clenshaw's recurrence in fixed point: the input is clamped to the interval (one decomposition), u = (x − c)/2^l is
/// a free reinterpretation of the scale, each step b_k = c_k + 2u·b_{k+1} − b_{k+2} is one product and one rescale to
/// the internal scale 2^<see cref="InternalScale"/>, and the result is rescaled to the activation scale. Bounds are
/// rigorous: |b_k| ≤ Σ_{j≥k} (j − k + 1)(|c_j| + 1 ulp), since |U_m(u)| ≤ m + 1 on [−1, 1] and each rounding adds at most 1 ulp.
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
        BigInteger uBound = BigInteger.One << uScale;
        int n = _coefficients.Length;
        long[] q = _coefficients.Select(v => Quantizer.Quantize(v, InternalScale, "a Chebyshev coefficient")).ToArray();
        // Rigorous bounds: b_k = Σ_{j≥k} (c_j + ε_j)·U_{j−k}(u) with |ε_j| ≤ 1 ulp and |U_m| ≤ m + 1.
        var bounds = new BigInteger[n + 2];
        for (int k = n - 1; k >= 0; k--)
            for (int j = k; j < n; j++) bounds[k] += (j - k + 1) * (BigInteger.Abs(q[j]) + 1);
        LinearCombination b1 = 0, b2 = 0;
        for (int k = n - 1; k >= 1; k--)
        {
            LinearCombination t = RescaledProduct(b, u, b1, uScale, bounds[k + 1]);
            LinearCombination next = t.Scale(Fr.FromInt64(2)) + Fr.FromInt64(q[k]) - b2;
            (b2, b1) = (b1, next);
        }
        // f = c_0 + u·b_1 − b_2, then from the internal scale to the output scale.
        LinearCombination f = RescaledProduct(b, u, b1, uScale, bounds[1]) + Fr.FromInt64(q[0]) - b2;
        if (outScale > InternalScale) return (f.Scale(Circuit.Gadgets.Bits.Pow2(outScale - InternalScale)), bounds[0] << (outScale - InternalScale));
        var (r, _, rb) = QuantGadgets.Rescale(b, f, bounds[0], InternalScale - outScale);
        return (r, rb);
    }

    // round(u·v / 2^uScale) for |u| ≤ 2^uScale and |v| ≤ vBound: one product and one rescale (none when v is constant zero).
    private static LinearCombination RescaledProduct(CircuitBuilder b, LinearCombination u, LinearCombination v, int uScale, BigInteger vBound)
    {
        if (v.IsZero) return 0;
        LinearCombination product = v.IsConstant ? u.Scale(v.ConstantTerm) : b.Mul(u, v);
        return QuantGadgets.Rescale(b, product, (BigInteger.One << uScale) * vBound, uScale).Q;
    }
}
