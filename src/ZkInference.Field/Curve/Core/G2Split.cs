using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// One-point scalar multiplication on G2 with the endomorphism ψ, which acts on G2 as multiplication by
/// λ = p mod r = 6x²: k is split four ways (<see cref="G2Split4"/>, every part below 2⁶⁶) and
/// k·Q = k0·Q + k1·ψ(Q) + k2·ψ²(Q) + k3·ψ³(Q) runs as four interleaved 5-NAFs of about 66 bits: about a quarter of
/// the doublings of a direct 254-bit multiplication.
/// </summary>
[SkipLocalsInit]
internal static class G2Split
{
    private const int MaxDigits = G2Split4.PartBits + 2;

    /// <summary>r = k·Q for Q in G2 and a canonical k &lt; r.</summary>
    public static void Multiply(in JacobianPoint<Fp2> q, ReadOnlySpan<ulong> k, out JacobianPoint<Fp2> r)
    {
        Span<Int128> parts = stackalloc Int128[4];
        G2Split4.Decompose(k, parts);
        Span<sbyte> digits = stackalloc sbyte[4 * MaxDigits];
        Span<int> lengths = stackalloc int[4];
        Span<JacobianPoint<Fp2>> tables = stackalloc JacobianPoint<Fp2>[4 * Wnaf.TableSize];
        Wnaf.OddMultiples(q, tables[..Wnaf.TableSize]);
        for (int i = Wnaf.TableSize; i < tables.Length; i++) G2Endomorphism.Psi(tables[i - Wnaf.TableSize], out tables[i]);
        int top = 0;
        for (int t = 0; t < 4; t++)
        {
            // A negative part takes the NAF of its magnitude with every digit negated.
            Span<sbyte> d = digits.Slice(t * MaxDigits, MaxDigits);
            lengths[t] = Digits(parts[t] < 0 ? (UInt128)(-parts[t]) : (UInt128)parts[t], d);
            if (parts[t] < 0)
                for (int i = 0; i < lengths[t]; i++) d[i] = (sbyte)-d[i];
            top = Math.Max(top, lengths[t]);
        }
        JacobianPoint<Fp2> acc = JacobianPoint<Fp2>.Infinity;
        for (int i = top - 1; i >= 0; i--)
        {
            JacobianPoint<Fp2>.Double(acc, out acc);
            for (int t = 0; t < 4; t++)
                if (i < lengths[t]) Wnaf.AddDigit(ref acc, tables.Slice(t * Wnaf.TableSize, Wnaf.TableSize), digits[t * MaxDigits + i]);
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
