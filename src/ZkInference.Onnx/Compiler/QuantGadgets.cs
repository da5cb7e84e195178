using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;

namespace ZkInference.Onnx.Compiler;

/// <summary>
/// The fixed-point gadgets every op uses, fully constrained. The quotient of a rescale is a hinted wire; the
/// remainder is the linear combination v + h − q·2ˢ, so decomposing it (s constraints) and q + 2^(m−1) (m
/// constraints) proves q = round(v / 2ˢ) with s + m constraints and gives the sign of q as the top bit for free.
/// </summary>
internal static class QuantGadgets
{
    /// <summary>The largest bit width any value may need; beyond it the compiler refuses (field wrap-around).</summary>
    public const int MaxBits = 240;

    /// <summary>
    /// q = round(v / 2^shift) (half up) for |v| ≤ bound, as a wire, with its sign bit and bound. Cost: shift + m
    /// constraints where m = signed bits of the quotient bound; 0 for shift = 0 on a plain value (then only the sign
    /// is missing).
    /// </summary>
    public static (LinearCombination Q, LinearCombination NonNegative, BigInteger Bound) Rescale(CircuitBuilder b, LinearCombination v, BigInteger bound, int shift)
    {
        if (shift < 0) throw new InvalidOperationException("negative rescale");
        BigInteger qBound = ((bound + (BigInteger.One << shift >> 1)) >> shift) + 1;
        int m = QTensor.BitsFor(qBound);
        CheckBits(shift + m);
        BigInteger half = shift > 0 ? BigInteger.One << (shift - 1) : BigInteger.Zero;
        if (v.IsConstant)
        {
            BigInteger c = FixedPoint.RescaleReference(Quantizer.FromField(v.ConstantTerm), shift, Rounding.HalfUp);
            return (Fr.FromBigInteger(c), c.Sign >= 0 ? 1 : 0, BigInteger.Abs(c));
        }
        LinearCombination q = shift == 0 ? v : b.Hint(RescaleHint(shift), [v], 1)[0];
        if (shift > 0) Bits.ToBits(b, v + Fr.FromBigInteger(half) - ((LinearCombination)q).Scale(Bits.Pow2(shift)), shift);
        LinearCombination[] qBits = Bits.ToBits(b, q + Bits.Pow2(m - 1), m);
        return (q, qBits[m - 1], qBound);
    }

    /// <summary>1 when v ≥ 0, for |v| ≤ bound. Cost: signed bits of the bound.</summary>
    public static LinearCombination IsNonNegative(CircuitBuilder b, LinearCombination v, BigInteger bound)
    {
        int k = QTensor.BitsFor(bound);
        CheckBits(k);
        if (v.IsConstant) return Quantizer.FromField(v.ConstantTerm).Sign >= 0 ? 1 : 0;
        return Activation.IsNonNegative(b, v, k);
    }

    /// <summary>
    /// q = round(v / d) (half up) for a positive integer d and |v| ≤ bound: hint q, remainder r = v + ⌊d/2⌋ − q·d with
    /// 0 ≤ r &lt; d (two range checks of bitlen(d) bits) and q range-checked. Powers of two go through <see cref="Rescale"/>.
    /// </summary>
    public static (LinearCombination Q, BigInteger Bound) DivRound(CircuitBuilder b, LinearCombination v, BigInteger bound, BigInteger d)
    {
        if (d.Sign <= 0) throw new InvalidOperationException("division by a non-positive constant");
        if (d.IsPowerOfTwo) { var r = Rescale(b, v, bound, (int)BigInteger.Log(d, 2)); return (r.Q, r.Bound); }
        BigInteger qBound = (bound + d / 2) / d + 1;
        int m = QTensor.BitsFor(qBound), rb = (int)d.GetBitLength();
        CheckBits(m + rb);
        if (v.IsConstant)
        {
            BigInteger c = FloorDiv(Quantizer.FromField(v.ConstantTerm) + d / 2, d);
            return (Fr.FromBigInteger(c), BigInteger.Abs(c));
        }
        Fr fd = Fr.FromBigInteger(d);
        Variable q = b.Hint(DivHint(d), [v], 1)[0];
        LinearCombination rem = v + Fr.FromBigInteger(d / 2) - ((LinearCombination)q).Scale(fd);
        Bits.RangeCheck(b, rem, rb);
        Bits.RangeCheck(b, (LinearCombination)fd - 1 - rem, rb);
        Bits.RangeCheck(b, q + Bits.Pow2(m - 1), m);
        return (q, qBound);
    }

    /// <summary>Throws when a value would need more than <see cref="MaxBits"/> bits (it could wrap around the field).</summary>
    public static void CheckBits(int bits)
    {
        if (bits > MaxBits)
            throw new OnnxException($"a value needs {bits} bits, more than the {MaxBits} the field allows without wrap-around; lower input_scale, param_scale or input_range");
    }

    public static BigInteger FloorDiv(BigInteger n, BigInteger d)
    {
        BigInteger q = BigInteger.DivRem(n, d, out BigInteger r);
        return r.Sign < 0 ? q - 1 : q;
    }

    private static readonly Dictionary<int, HintFunction> RescaleHints = [];
    private static readonly Dictionary<BigInteger, HintFunction> DivHints = [];

    private static HintFunction RescaleHint(int shift)
    {
        lock (RescaleHints)
        {
            if (!RescaleHints.TryGetValue(shift, out HintFunction? h))
                RescaleHints[shift] = h = (inputs, outputs) => outputs[0] = Fr.FromBigInteger(FixedPoint.RescaleReference(FixedPoint.ToSigned(inputs[0]), shift, Rounding.HalfUp));
            return h;
        }
    }

    private static HintFunction DivHint(BigInteger d)
    {
        lock (DivHints)
        {
            if (!DivHints.TryGetValue(d, out HintFunction? h))
                DivHints[d] = h = (inputs, outputs) => outputs[0] = Fr.FromBigInteger(FloorDiv(FixedPoint.ToSigned(inputs[0]) + d / 2, d));
            return h;
        }
    }
}
