using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Scalar multiplication on G2 with the endomorphism ψ, which acts on G2 as multiplication by
/// p ≡ 6x² (mod r) (p − r = 6x² for BN curves). Since 6x² ≈ 2¹²⁷ ≈ √r, plain division splits
/// k = k0 + k1·6x² with k0 &lt; 6x² and k1 &lt; 2¹²⁸, and k·Q = k0·Q + k1·ψ(Q) runs as two interleaved
/// 5-NAFs of ~127 bits: half the doublings of a direct 254-bit multiplication.
/// </summary>
[SkipLocalsInit]
internal static class G2Split
{
    /// <summary>6x², the eigenvalue of ψ on G2 (127 bits).</summary>
    public static readonly UInt128 Eigenvalue = 6 * (UInt128)G2Endomorphism.Seed * G2Endomorphism.Seed;

    /// <summary>k = k0 + k1·6x² for a canonical 4-limb k &lt; r, by binary long division.</summary>
    public static void Decompose(ReadOnlySpan<ulong> k, out UInt128 k0, out UInt128 k1)
    {
        UInt128 rem = 0, quo = 0;
        for (int i = 255; i >= 0; i--)
        {
            // rem < 6x² < 2¹²⁸: a set top bit means the shifted value is ≥ 2¹²⁸ > 6x², and the
            // wrapping subtraction below still gives the exact remainder.
            bool overflow = (rem >> 127) != 0;
            rem = (rem << 1) | ((k[i >> 6] >> (i & 63)) & 1);
            quo <<= 1;
            if (overflow || rem >= Eigenvalue)
            {
                rem -= Eigenvalue;
                quo |= 1;
            }
        }
        k0 = rem;
        k1 = quo;
    }

    /// <summary>r = k·Q for Q in G2 and a canonical k &lt; r.</summary>
    public static void Multiply(in JacobianPoint<Fp2> q, ReadOnlySpan<ulong> k, out JacobianPoint<Fp2> r)
    {
        Decompose(k, out UInt128 k0, out UInt128 k1);
        Span<sbyte> d0 = stackalloc sbyte[132];
        Span<sbyte> d1 = stackalloc sbyte[132];
        int len0 = Digits(k0, d0), len1 = Digits(k1, d1);
        Span<JacobianPoint<Fp2>> t0 = stackalloc JacobianPoint<Fp2>[Wnaf.TableSize];
        Span<JacobianPoint<Fp2>> t1 = stackalloc JacobianPoint<Fp2>[Wnaf.TableSize];
        Wnaf.OddMultiples(q, t0);
        for (int i = 0; i < t0.Length; i++) G2Endomorphism.Psi(t0[i], out t1[i]);
        JacobianPoint<Fp2> acc = JacobianPoint<Fp2>.Infinity;
        for (int i = Math.Max(len0, len1) - 1; i >= 0; i--)
        {
            JacobianPoint<Fp2>.Double(acc, out acc);
            if (i < len0) Wnaf.AddDigit(ref acc, t0, d0[i]);
            if (i < len1) Wnaf.AddDigit(ref acc, t1, d1[i]);
        }
        r = acc;
    }

    private static int Digits(UInt128 v, Span<sbyte> digits)
    {
        Span<ulong> work = stackalloc ulong[3];
        work[0] = (ulong)v;
        work[1] = (ulong)(v >> 64);
        work[2] = 0;
        return Wnaf.Digits(work, Wnaf.Window, digits);
    }
}
