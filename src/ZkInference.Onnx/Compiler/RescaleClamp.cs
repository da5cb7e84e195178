using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;

namespace ZkInference.Onnx.Compiler;

/// <summary>
/// clamp(round(v / 2^shift), a, a + 2^j − 1) from a single bit decomposition, fully constrained. With y = q − a for
/// the rounded quotient q, the decomposition of z = v + 2^(shift−1) − a·2^shift + 2^(shift+m−1) into shift + m bits
/// holds, from the bottom: the remainder of the rounding (shift bits, so q is exact and unique), the low j bits of y,
/// the higher bits of y and, on top, "y ≥ 0". In range means y ≥ 0 and no higher bit set; above it the result
/// saturates at 2^j − 1, below it at 0. Cost: shift + m + max(1, m − j) constraints (m − j − 2 products for "no
/// higher bit set", one selection for the upper side, one for the lower); a separate rescale followed by a two-sided
/// clamp costs shift + m for the rescale and about 2m + 3 for two comparisons and selections.
/// </summary>
internal static class RescaleClamp
{
    /// <summary>
    /// The clamped quotient at the target scale (a combination of one wire and a constant) for |v| ≤ bound;
    /// <paramref name="shift"/> ≥ 0 (0: clamp only), 2^<paramref name="j"/> the number of values in the interval.
    /// </summary>
    public static LinearCombination Layout(CircuitBuilder b, LinearCombination v, BigInteger bound, int shift, BigInteger a, int j)
    {
        if (shift < 0 || j < 0) throw new InvalidOperationException("a clamp needs shift ≥ 0 and j ≥ 0");
        BigInteger half = shift > 0 ? BigInteger.One << (shift - 1) : BigInteger.Zero;
        BigInteger top = (BigInteger.One << j) - 1;
        if (v.IsConstant)
        {
            BigInteger q = FixedPoint.RescaleReference(Quantizer.FromField(v.ConstantTerm), shift, Rounding.HalfUp);
            return Fr.FromBigInteger(BigInteger.Clamp(q - a, 0, top) + a);
        }
        // |q| ≤ qBound as in QuantGadgets.Rescale; y = q − a then lies in (−2^(m−1), 2^(m−1)).
        BigInteger qBound = ((bound + half) >> shift) + 1;
        int m = Math.Max(QTensor.BitsFor(qBound + BigInteger.Abs(a)), j + 1);
        QuantGadgets.CheckBits(shift + m);
        BigInteger offset = half - (a << shift) + (BigInteger.One << (shift + m - 1));
        LinearCombination[] bits = Bits.ToBits(b, v + Fr.FromBigInteger(offset), shift + m);
        LinearCombination nonNegative = bits[shift + m - 1];
        LinearCombination low = Bits.FromBits(bits.AsSpan(shift, j));
        LinearCombination inRange = low;
        int higher = m - 1 - j;
        if (higher > 0)
        {
            // 1 when no bit above the low j is set (y < 2^j for y ≥ 0): a running product of the complements.
            LinearCombination noneSet = 1 - bits[shift + j];
            for (int i = 1; i < higher; i++) noneSet = b.Mul(noneSet, 1 - bits[shift + j + i]);
            Fr ftop = Fr.FromBigInteger(top);
            inRange = b.Mul(noneSet, low - ftop) + ftop;
        }
        return b.Mul(nonNegative, inRange) + Fr.FromBigInteger(a);
    }
}
