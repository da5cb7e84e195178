using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Width-w non-adjacent form: signed odd digits in (−2^(w−1), 2^(w−1)) with at least w − 1 zeros
/// between non-zero ones, so a scalar of n bits costs n doublings and about n/(w + 1) additions.
/// </summary>
[SkipLocalsInit]
internal static class Wnaf
{
    /// <summary>Window used by the single-scalar multiplications: a table of 8 odd multiples.</summary>
    public const int Window = 5;

    /// <summary>Table size for <see cref="Window"/>: P, 3P, …, 15P.</summary>
    public const int TableSize = 1 << (Window - 2);

    /// <summary>
    /// Writes the w-NAF digits of the little-endian number in <paramref name="k"/> (destroyed; needs one
    /// spare zero limb above the value) least significant first; returns the digit count (≤ bits + 1).
    /// </summary>
    public static int Digits(Span<ulong> k, int w, Span<sbyte> digits)
    {
        int len = 0;
        ulong mask = (1UL << w) - 1;
        long full = 1L << w, half = 1L << (w - 1);
        while (!IsZero(k))
        {
            long d = 0;
            if ((k[0] & 1) != 0)
            {
                d = (long)(k[0] & mask);
                if (d >= half) d -= full;
                if (d > 0) SubSmall(k, (ulong)d); else AddSmall(k, (ulong)(-d));
            }
            digits[len++] = (sbyte)d;
            ShiftRight1(k);
        }
        return len;
    }

    private static bool IsZero(ReadOnlySpan<ulong> k)
    {
        foreach (ulong limb in k) if (limb != 0) return false;
        return true;
    }

    private static void SubSmall(Span<ulong> k, ulong v)
    {
        ulong borrow = v;
        for (int i = 0; i < k.Length && borrow != 0; i++)
        {
            ulong old = k[i];
            k[i] = old - borrow;
            borrow = old < borrow ? 1UL : 0UL;
        }
    }

    private static void AddSmall(Span<ulong> k, ulong v)
    {
        ulong carry = v;
        for (int i = 0; i < k.Length && carry != 0; i++)
        {
            k[i] += carry;
            carry = k[i] < carry ? 1UL : 0UL;
        }
    }

    private static void ShiftRight1(Span<ulong> k)
    {
        for (int i = 0; i < k.Length - 1; i++) k[i] = (k[i] >> 1) | (k[i + 1] << 63);
        k[^1] >>= 1;
    }

    /// <summary>Fills <paramref name="table"/> with P, 3P, 5P, … (odd multiples).</summary>
    public static void OddMultiples<T>(in JacobianPoint<T> p, Span<JacobianPoint<T>> table) where T : struct, IField<T>
    {
        table[0] = p;
        JacobianPoint<T>.Double(p, out JacobianPoint<T> twice);
        for (int i = 1; i < table.Length; i++) JacobianPoint<T>.Add(table[i - 1], twice, out table[i]);
    }

    /// <summary>Adds digit·P to <paramref name="acc"/>, taking |digit|·P from the odd-multiples table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddDigit<T>(ref JacobianPoint<T> acc, ReadOnlySpan<JacobianPoint<T>> table, int digit) where T : struct, IField<T>
    {
        if (digit > 0)
        {
            JacobianPoint<T>.Add(acc, table[digit >> 1], out acc);
        }
        else if (digit < 0)
        {
            JacobianPoint<T>.Negate(table[(-digit) >> 1], out JacobianPoint<T> neg);
            JacobianPoint<T>.Add(acc, neg, out acc);
        }
    }

    /// <summary>r = k·P for a canonical little-endian 4-limb k, by w-NAF.</summary>
    public static void Multiply<T>(in JacobianPoint<T> p, ReadOnlySpan<ulong> k, out JacobianPoint<T> r) where T : unmanaged, IField<T>
    {
        Span<ulong> work = stackalloc ulong[5];
        work.Clear();
        k.CopyTo(work);
        Span<sbyte> digits = stackalloc sbyte[258];
        int len = Digits(work, Window, digits);
        Span<JacobianPoint<T>> table = stackalloc JacobianPoint<T>[TableSize];
        OddMultiples(p, table);
        JacobianPoint<T> acc = JacobianPoint<T>.Infinity;
        for (int i = len - 1; i >= 0; i--)
        {
            JacobianPoint<T>.Double(acc, out acc);
            AddDigit(ref acc, table, digits[i]);
        }
        r = acc;
    }

    /// <summary>r = k·P by plain double-and-add over the bits of k: the slow, simple reference path.</summary>
    public static void MultiplyReference<T>(in JacobianPoint<T> p, ReadOnlySpan<ulong> k, out JacobianPoint<T> r) where T : struct, IField<T>
    {
        JacobianPoint<T> acc = JacobianPoint<T>.Infinity;
        for (int i = 64 * k.Length - 1; i >= 0; i--)
        {
            JacobianPoint<T>.Double(acc, out acc);
            if (((k[i >> 6] >> (i & 63)) & 1) != 0) JacobianPoint<T>.Add(acc, p, out acc);
        }
        r = acc;
    }
}
