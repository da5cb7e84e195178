using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// An odd modulus of at most 256 bits in the form Bernstein–Yang inversion needs: five signed 62-bit
/// limbs (value = Σ limbᵢ·2^(62i)) and M⁻¹ mod 2⁶².
/// </summary>
internal readonly struct SafeGcdModulus
{
    public readonly long M0, M1, M2, M3, M4;
    public readonly ulong Inv62;

    public SafeGcdModulus(ulong q0, ulong q1, ulong q2, ulong q3, ulong inv62)
    {
        SafeGcd.ToSigned62(q0, q1, q2, q3, out M0, out M1, out M2, out M3, out M4);
        Inv62 = inv62;
    }
}

/// <summary>
/// Modular inversion by Bernstein–Yang "safegcd" divsteps, 62 at a time: each batch derives a 2×2
/// transition matrix from the low 62 bits of f and g alone (branch-free), then applies it to the full
/// f, g (exact division by 2⁶²) and to the Bézout coefficients d, e (mod M, made divisible by 2⁶² by
/// adding a multiple of M). Variable time (not for secret-dependent use where timing matters): runs of
/// even g are skipped in one shift, and it stops once g = 0 (at most 12 batches, 744 ≥ 724 divsteps,
/// the bound for 256-bit inputs).
/// </summary>
[SkipLocalsInit]
internal static class SafeGcd
{
    private const ulong Mask62 = ulong.MaxValue >> 2;
    private const int MaxBatches = 12;

    /// <summary>Splits four 64-bit limbs into five 62-bit limbs.</summary>
    public static void ToSigned62(ulong x0, ulong x1, ulong x2, ulong x3,
        out long l0, out long l1, out long l2, out long l3, out long l4)
    {
        l0 = (long)(x0 & Mask62);
        l1 = (long)(((x0 >> 62) | (x1 << 2)) & Mask62);
        l2 = (long)(((x1 >> 60) | (x2 << 4)) & Mask62);
        l3 = (long)(((x2 >> 58) | (x3 << 6)) & Mask62);
        l4 = (long)(x3 >> 56);
    }

    /// <summary>
    /// The plain inverse x⁻¹ mod M of 0 &lt; x &lt; M (M prime), as four 64-bit limbs. Zero maps to zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(ulong x0, ulong x1, ulong x2, ulong x3, in SafeGcdModulus m,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3)
    {
        long f0 = m.M0, f1 = m.M1, f2 = m.M2, f3 = m.M3, f4 = m.M4;
        ToSigned62(x0, x1, x2, x3, out long g0, out long g1, out long g2, out long g3, out long g4);
        long d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0;
        long e0 = 1, e1 = 0, e2 = 0, e3 = 0, e4 = 0;
        long delta = 1;
        for (int batch = 0; batch < MaxBatches && (g0 | g1 | g2 | g3 | g4) != 0; batch++)
        {
            delta = Divsteps62(delta, (ulong)f0, (ulong)g0, out long u, out long v, out long q, out long r);
            UpdateFg(u, v, q, r, ref f0, ref f1, ref f2, ref f3, ref f4, ref g0, ref g1, ref g2, ref g3, ref g4);
            UpdateDe(u, v, q, r, m, ref d0, ref d1, ref d2, ref d3, ref d4, ref e0, ref e1, ref e2, ref e3, ref e4);
        }
        // Now f = ±1 and d·x ≡ f (mod M); d is in (−2M, M).
        Normalize(f4 >> 63, m, ref d0, ref d1, ref d2, ref d3, ref d4);
        r0 = (ulong)d0 | ((ulong)d1 << 62);
        r1 = ((ulong)d1 >> 2) | ((ulong)d2 << 60);
        r2 = ((ulong)d2 >> 4) | ((ulong)d3 << 58);
        r3 = ((ulong)d3 >> 6) | ((ulong)d4 << 56);
    }

    // 62 divsteps on the low bits: δ, f, g → (1 − δ, g, (g − f)/2) if δ > 0 and g odd, else (1 + δ, f, (g + (g mod 2)·f)/2).
    // The matrix [[u, v], [q, r]] maps (f, g) to 2⁶²·(f', g'); halving g is done by doubling the f row instead.
    // Variable time: a run of even g is one shift (TrailingZeroCount), and each odd g one swap-or-not and add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Divsteps62(long delta, ulong f, ulong g, out long tu, out long tv, out long tq, out long tr)
    {
        ulong u = 1, v = 0, q = 0, r = 1;
        int left = 62;
        while (true)
        {
            // Divsteps on even g only halve it; a sentinel bit caps the count at the steps left.
            int zeros = BitOperations.TrailingZeroCount(g | (1UL << left));
            g >>= zeros; u <<= zeros; v <<= zeros;
            delta += zeros;
            left -= zeros;
            if (left == 0) break;
            if (delta > 0)
            {
                // (f, g) ← (g, −f) with the matrix rows alike; then the common step below gives (g − f)/2.
                delta = -delta;
                ulong t = f; f = g; g = 0UL - t;
                t = u; u = q; q = 0UL - t;
                t = v; v = r; r = 0UL - t;
            }
            g += f; q += u; r += v;
            g >>= 1; u <<= 1; v <<= 1;
            delta++;
            if (--left == 0) break;
        }
        tu = (long)u; tv = (long)v; tq = (long)q; tr = (long)r;
        return delta;
    }

    // Signed 128-bit accumulator (hi:lo) += a·b.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAcc(ref long hi, ref ulong lo, long a, long b)
    {
        long h = Math.BigMul(a, b, out long l);
        ulong s = lo + (ulong)l;
        hi += h + (s < lo ? 1L : 0L);
        lo = s;
    }

    // (hi:lo) >>= 62 (arithmetic), returning the 62 bits shifted out.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Shift62(ref long hi, ref ulong lo)
    {
        long low = (long)(lo & Mask62);
        lo = (lo >> 62) | ((ulong)hi << 2);
        hi >>= 62;
        return low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Start(long a, long x, long b, long y, out long hi, out ulong lo)
    {
        hi = Math.BigMul(a, x, out long l);
        lo = (ulong)l;
        MulAcc(ref hi, ref lo, b, y);
    }

    // (f, g) = (u·f + v·g, q·f + r·g) / 2⁶², exact.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateFg(long u, long v, long q, long r,
        ref long f0, ref long f1, ref long f2, ref long f3, ref long f4,
        ref long g0, ref long g1, ref long g2, ref long g3, ref long g4)
    {
        Start(u, f0, v, g0, out long cfh, out ulong cfl);
        Start(q, f0, r, g0, out long cgh, out ulong cgl);
        Shift62(ref cfh, ref cfl); Shift62(ref cgh, ref cgl);
        MulAcc(ref cfh, ref cfl, u, f1); MulAcc(ref cfh, ref cfl, v, g1);
        MulAcc(ref cgh, ref cgl, q, f1); MulAcc(ref cgh, ref cgl, r, g1);
        f0 = Shift62(ref cfh, ref cfl); g0 = Shift62(ref cgh, ref cgl);
        MulAcc(ref cfh, ref cfl, u, f2); MulAcc(ref cfh, ref cfl, v, g2);
        MulAcc(ref cgh, ref cgl, q, f2); MulAcc(ref cgh, ref cgl, r, g2);
        f1 = Shift62(ref cfh, ref cfl); g1 = Shift62(ref cgh, ref cgl);
        MulAcc(ref cfh, ref cfl, u, f3); MulAcc(ref cfh, ref cfl, v, g3);
        MulAcc(ref cgh, ref cgl, q, f3); MulAcc(ref cgh, ref cgl, r, g3);
        f2 = Shift62(ref cfh, ref cfl); g2 = Shift62(ref cgh, ref cgl);
        MulAcc(ref cfh, ref cfl, u, f4); MulAcc(ref cfh, ref cfl, v, g4);
        MulAcc(ref cgh, ref cgl, q, f4); MulAcc(ref cgh, ref cgl, r, g4);
        f3 = Shift62(ref cfh, ref cfl); g3 = Shift62(ref cgh, ref cgl);
        f4 = (long)cfl; g4 = (long)cgl;
    }

    // (d, e) = (u·d + v·e, q·d + r·e) / 2⁶² mod M, keeping both in (−2M, M).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateDe(long u, long v, long q, long r, in SafeGcdModulus m,
        ref long d0, ref long d1, ref long d2, ref long d3, ref long d4,
        ref long e0, ref long e1, ref long e2, ref long e3, ref long e4)
    {
        long sd = d4 >> 63, se = e4 >> 63;
        long md = (u & sd) + (v & se);
        long me = (q & sd) + (r & se);
        Start(u, d0, v, e0, out long cdh, out ulong cdl);
        Start(q, d0, r, e0, out long ceh, out ulong cel);
        // Choose md, me so that the low 62 bits of cd + M·md and ce + M·me vanish.
        md -= (long)((m.Inv62 * cdl + (ulong)md) & Mask62);
        me -= (long)((m.Inv62 * cel + (ulong)me) & Mask62);
        MulAcc(ref cdh, ref cdl, m.M0, md); MulAcc(ref ceh, ref cel, m.M0, me);
        Shift62(ref cdh, ref cdl); Shift62(ref ceh, ref cel);
        MulAcc(ref cdh, ref cdl, u, d1); MulAcc(ref cdh, ref cdl, v, e1); MulAcc(ref cdh, ref cdl, m.M1, md);
        MulAcc(ref ceh, ref cel, q, d1); MulAcc(ref ceh, ref cel, r, e1); MulAcc(ref ceh, ref cel, m.M1, me);
        d0 = Shift62(ref cdh, ref cdl); e0 = Shift62(ref ceh, ref cel);
        MulAcc(ref cdh, ref cdl, u, d2); MulAcc(ref cdh, ref cdl, v, e2); MulAcc(ref cdh, ref cdl, m.M2, md);
        MulAcc(ref ceh, ref cel, q, d2); MulAcc(ref ceh, ref cel, r, e2); MulAcc(ref ceh, ref cel, m.M2, me);
        d1 = Shift62(ref cdh, ref cdl); e1 = Shift62(ref ceh, ref cel);
        MulAcc(ref cdh, ref cdl, u, d3); MulAcc(ref cdh, ref cdl, v, e3); MulAcc(ref cdh, ref cdl, m.M3, md);
        MulAcc(ref ceh, ref cel, q, d3); MulAcc(ref ceh, ref cel, r, e3); MulAcc(ref ceh, ref cel, m.M3, me);
        d2 = Shift62(ref cdh, ref cdl); e2 = Shift62(ref ceh, ref cel);
        MulAcc(ref cdh, ref cdl, u, d4); MulAcc(ref cdh, ref cdl, v, e4); MulAcc(ref cdh, ref cdl, m.M4, md);
        MulAcc(ref ceh, ref cel, q, d4); MulAcc(ref ceh, ref cel, r, e4); MulAcc(ref ceh, ref cel, m.M4, me);
        d3 = Shift62(ref cdh, ref cdl); e3 = Shift62(ref ceh, ref cel);
        d4 = (long)cdl; e4 = (long)cel;
    }

    // d in (−2M, M) → d·sign mod M in [0, M), limbs back to [0, 2⁶²).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize(long negate, in SafeGcdModulus m,
        ref long d0, ref long d1, ref long d2, ref long d3, ref long d4)
    {
        long add = d4 >> 63;
        d0 += m.M0 & add; d1 += m.M1 & add; d2 += m.M2 & add; d3 += m.M3 & add; d4 += m.M4 & add;
        d0 = (d0 ^ negate) - negate; d1 = (d1 ^ negate) - negate; d2 = (d2 ^ negate) - negate;
        d3 = (d3 ^ negate) - negate; d4 = (d4 ^ negate) - negate;
        Carry(ref d0, ref d1, ref d2, ref d3, ref d4);
        add = d4 >> 63;
        d0 += m.M0 & add; d1 += m.M1 & add; d2 += m.M2 & add; d3 += m.M3 & add; d4 += m.M4 & add;
        Carry(ref d0, ref d1, ref d2, ref d3, ref d4);
    }

    private static void Carry(ref long d0, ref long d1, ref long d2, ref long d3, ref long d4)
    {
        d1 += d0 >> 62; d0 &= (long)Mask62;
        d2 += d1 >> 62; d1 &= (long)Mask62;
        d3 += d2 >> 62; d2 &= (long)Mask62;
        d4 += d3 >> 62; d3 &= (long)Mask62;
    }
}
