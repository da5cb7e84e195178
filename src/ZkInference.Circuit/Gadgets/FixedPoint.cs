using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Circuit.Gadgets;

/// <summary>How <see cref="FixedPoint.MulRescale"/> rounds the rescaled product.</summary>
public enum Rounding
{
    /// <summary>⌊v / 2ˢ⌋, toward −∞ (so −0.5 → −1).</summary>
    Floor,
    /// <summary>⌊v / 2ˢ + 1/2⌋: nearest, ties toward +∞ (0.5 → 1, −0.5 → 0, −1.5 → −1).</summary>
    HalfUp,
}

/// <summary>Signed fixed-point arithmetic: values are integers v (field elements, negatives as p − |v|) meaning v / 2ˢ.</summary>
public static class FixedPoint
{
    /// <summary>
    /// q = round(x·y / 2ˢ) for signed x, y, with q ∈ [−2^(m−1), 2^(m−1)). Writes
    /// x·y + h + 2^(m−1+s) = Σ 2ⁱ·bitᵢ over s + m boolean bits (h = 2^(s−1) for <see cref="Rounding.HalfUp"/>, 0 for
    /// <see cref="Rounding.Floor"/>): the low s bits are the remainder (range-checked to [0, 2ˢ)), the high m bits
    /// are q + 2^(m−1) (range-checked quotient). The product is folded into the same constraint.
    /// Cost: s + m + 1 constraints (s + m booleans, one product equation); q is a free combination.
    /// Unsatisfiable when the exact quotient is outside the m-bit signed range. Requires s + m ≤ 252. Deterministic:
    /// with both ranges checked, the integer identity holds without wrap-around, so (q, r) is unique.
    /// </summary>
    public static LinearCombination MulRescale(CircuitBuilder b, LinearCombination x, LinearCombination y, int scaleBits, int resultBits, Rounding rounding = Rounding.HalfUp)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (scaleBits < 0 || resultBits < 1 || scaleBits + resultBits > 252)
            throw new ArgumentOutOfRangeException(nameof(resultBits), "need scaleBits ≥ 0, resultBits ≥ 1 and scaleBits + resultBits ≤ 252");
        Fr offset = Offset(scaleBits, resultBits, rounding);
        int total = scaleBits + resultBits;
        if (x.IsConstant || y.IsConstant) return Rescale(b, x * y, scaleBits, resultBits, rounding);
        Variable[] bits = b.Hint(ProductBitsHint(offset), [x, y], total);
        var sum = new LinearCombinationBuilder(total + 1);
        for (int i = 0; i < total; i++)
        {
            b.AssertBoolean(bits[i]);
            sum.Add(bits[i], Bits.Pow2(i));
        }
        b.AssertProduct(x, y, sum.Build() - offset);
        return Quotient(bits.Select(v => (LinearCombination)v).ToArray(), scaleBits, resultBits);
    }

    /// <summary>
    /// q = round(v / 2ˢ) for a signed combination v, q ∈ [−2^(m−1), 2^(m−1)). Cost: s + m constraints (a
    /// decomposition of v + h + 2^(m−1+s)). Unsatisfiable when q is out of range. Deterministic.
    /// </summary>
    public static LinearCombination Rescale(CircuitBuilder b, LinearCombination v, int scaleBits, int resultBits, Rounding rounding = Rounding.HalfUp)
    {
        if (scaleBits < 0 || resultBits < 1 || scaleBits + resultBits > 252)
            throw new ArgumentOutOfRangeException(nameof(resultBits), "need scaleBits ≥ 0, resultBits ≥ 1 and scaleBits + resultBits ≤ 252");
        LinearCombination[] bits = Bits.ToBits(b, v + Offset(scaleBits, resultBits, rounding), scaleBits + resultBits);
        return Quotient(bits, scaleBits, resultBits);
    }

    /// <summary>The reference semantics on integers: round(v / 2ˢ) with the given rounding (floor division).</summary>
    public static BigInteger RescaleReference(BigInteger v, int scaleBits, Rounding rounding)
    {
        BigInteger h = rounding == Rounding.HalfUp && scaleBits > 0 ? BigInteger.One << (scaleBits - 1) : 0;
        BigInteger d = BigInteger.One << scaleBits, n = v + h;
        BigInteger q = BigInteger.DivRem(n, d, out BigInteger r);
        return r.Sign < 0 ? q - 1 : q;
    }

    /// <summary>A signed integer as a field element (negatives as p − |v|).</summary>
    public static Fr FromSigned(BigInteger v) => Fr.FromBigInteger(v);

    /// <summary>A field element read as a signed integer in (−p/2, p/2].</summary>
    public static BigInteger ToSigned(in Fr v)
    {
        BigInteger x = v.ToBigInteger();
        return x > Fr.Modulus / 2 ? x - Fr.Modulus : x;
    }

    private static Fr Offset(int scaleBits, int resultBits, Rounding rounding)
    {
        BigInteger h = rounding == Rounding.HalfUp && scaleBits > 0 ? BigInteger.One << (scaleBits - 1) : 0;
        return Fr.FromBigInteger(h + (BigInteger.One << (resultBits - 1 + scaleBits)));
    }

    private static LinearCombination Quotient(LinearCombination[] bits, int scaleBits, int resultBits) =>
        Bits.FromBits(bits.AsSpan(scaleBits, resultBits)) - Bits.Pow2(resultBits - 1);

    private static readonly Dictionary<Fr, HintFunction> ProductHints = [];

    // Bits of x·y + offset; one cached delegate per offset so compiled circuits share it.
    private static HintFunction ProductBitsHint(Fr offset)
    {
        lock (ProductHints)
        {
            if (ProductHints.TryGetValue(offset, out HintFunction? h)) return h;
            h = (inputs, outputs) =>
            {
                Fr v = inputs[0] * inputs[1] + offset;
                v.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
                ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
                for (int i = 0; i < outputs.Length; i++) outputs[i] = ((limbs[i >> 6] >> (i & 63)) & 1) != 0 ? Fr.One : Fr.Zero;
            };
            ProductHints[offset] = h;
            return h;
        }
    }
}
