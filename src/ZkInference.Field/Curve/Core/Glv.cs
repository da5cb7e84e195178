using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// The GLV method on G1. φ(x, y) = (βx, y), with β a primitive cube root of unity in Fp, is an
/// endomorphism acting on G1 as multiplication by λ, a cube root of unity in Fr. Writing
/// k ≡ k1 + k2·λ (mod r) with |k1|, |k2| ≈ √r turns one 254-bit multiplication into two
/// interleaved 127-bit ones, halving the doublings.
/// </summary>
/// <remarks>
/// Every constant is derived here from p and r, not copied: β = g^((p−1)/3) and λ = h^((r−1)/3)
/// for the first non-cubes g, h; β is then matched to λ on the generator (the other root is β²);
/// the short lattice basis {(a1, b1), (a2, b2)} of {(a, b) : a + bλ ≡ 0} comes from the extended
/// Euclidean algorithm on (r, λ) stopped at √r (Gallant–Lambert–Vanstone; Guide to ECC, Alg. 3.74).
/// </remarks>
[SkipLocalsInit]
internal static class Glv
{
    /// <summary>β, with φ(P) = λ·P for every P in G1.</summary>
    public static readonly Fp Beta;

    /// <summary>λ, the eigenvalue of φ.</summary>
    public static readonly BigInteger Lambda;

    // The basis vectors (a1, b1), (a2, b2); all fit in 127 bits for BN254.
    private static readonly Int128 A1, B1, A2, B2;

    // round(b2·2²⁵⁶/r) and round(−b1·2²⁵⁶/r) as magnitudes (3 limbs) and signs: Babai rounding in fixed point.
    private static readonly ulong G10, G11, G12, G20, G21, G22;
    private static readonly bool G1Negative, G2Negative;

    static Glv()
    {
        BigInteger p = Fp.Modulus, r = Fr.Modulus;
        BigInteger beta = PrimitiveCubeRoot(p);
        Lambda = PrimitiveCubeRoot(r);
        // Match β to λ on the generator (1, 2): λ·G must be (β·1, 2).
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(Fr.FromBigInteger(Lambda), limbs);
        JacobianPoint<Fp>.FromAffine(Fp.One, Fp.FromUInt64(2), out JacobianPoint<Fp> g);
        Wnaf.MultiplyReference(g, limbs, out JacobianPoint<Fp> lg);
        JacobianPoint<Fp>.ToAffine(lg, out Fp lx, out _);
        if (lx != Fp.FromBigInteger(beta)) beta = beta * beta % p;
        Beta = Fp.FromBigInteger(beta);

        ShortBasis(r, Lambda, out BigInteger a1, out BigInteger b1, out BigInteger a2, out BigInteger b2);
        A1 = (Int128)a1; B1 = (Int128)b1; A2 = (Int128)a2; B2 = (Int128)b2;
        RoundedQuotient(b2, r, out G10, out G11, out G12, out G1Negative);
        RoundedQuotient(-b1, r, out G20, out G21, out G22, out G2Negative);
    }

    private static BigInteger PrimitiveCubeRoot(BigInteger q)
    {
        for (int g = 2; ; g++)
        {
            BigInteger w = BigInteger.ModPow(g, (q - 1) / 3, q);
            if (!w.IsOne) return w;
        }
    }

    private static void ShortBasis(BigInteger n, BigInteger lambda, out BigInteger a1, out BigInteger b1, out BigInteger a2, out BigInteger b2)
    {
        // Remainders r_i and coefficients t_i with r_i ≡ t_i·λ (mod n); stop at the first r_(l+1) < √n.
        BigInteger sqrt = Sqrt(n);
        BigInteger rPrev = n, rCur = lambda, tPrev = 0, tCur = 1;
        while (rCur >= sqrt)
        {
            BigInteger q = rPrev / rCur;
            (rPrev, rCur) = (rCur, rPrev - q * rCur);
            (tPrev, tCur) = (tCur, tPrev - q * tCur);
        }
        // (r_(l+1), −t_(l+1)) is the first vector; the second is the shorter of (r_l, −t_l) and (r_(l+2), −t_(l+2)).
        a1 = rCur; b1 = -tCur;
        BigInteger qn = rPrev / rCur;
        BigInteger rNext = rPrev - qn * rCur, tNext = tPrev - qn * tCur;
        if (rPrev * rPrev + tPrev * tPrev <= rNext * rNext + tNext * tNext) { a2 = rPrev; b2 = -tPrev; }
        else { a2 = rNext; b2 = -tNext; }
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    private static void RoundedQuotient(BigInteger b, BigInteger n, out ulong g0, out ulong g1, out ulong g2, out bool negative)
    {
        negative = b.Sign < 0;
        BigInteger g = ((BigInteger.Abs(b) << 257) + n) / (2 * n);
        g0 = (ulong)(g & ulong.MaxValue);
        g1 = (ulong)((g >> 64) & ulong.MaxValue);
        g2 = (ulong)(g >> 128);
    }

    /// <summary>
    /// Splits a canonical k &lt; r into k1 + k2·λ ≡ k (mod r). The fixed-point quotients are within 5/8 of
    /// the exact ones, so |k1|, |k2| ≤ (5/8)(|a1| + |a2|) &lt; 2¹²⁷ and 128-bit wrapping arithmetic is exact.
    /// </summary>
    public static void Decompose(ReadOnlySpan<ulong> k, out Int128 k1, out Int128 k2)
    {
        Int128 c1 = (Int128)RoundedProduct(k, G10, G11, G12);
        Int128 c2 = (Int128)RoundedProduct(k, G20, G21, G22);
        if (G1Negative) c1 = -c1;
        if (G2Negative) c2 = -c2;
        Int128 kLow = (Int128)new UInt128(k[1], k[0]);
        k1 = unchecked(kLow - c1 * A1 - c2 * A2);
        k2 = unchecked(-c1 * B1 - c2 * B2);
    }

    // (k·g + 2²⁵⁵) >> 256, which is below 2¹²⁷ here.
    private static UInt128 RoundedProduct(ReadOnlySpan<ulong> k, ulong g0, ulong g1, ulong g2)
    {
        Span<ulong> t = stackalloc ulong[8];
        t.Clear();
        t[3] = 1UL << 63;
        ReadOnlySpan<ulong> g = [g0, g1, g2];
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 3; j++) t[i + j] = WideMath.MulAdd(k[i], g[j], t[i + j], ref carry);
            for (int j = i + 3; carry != 0 && j < 8; j++)
            {
                t[j] += carry;
                carry = t[j] < carry ? 1UL : 0UL;
            }
        }
        return new UInt128(t[5], t[4]);
    }

    /// <summary>φ(P) = (βX : Y : Z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Endomorphism(in JacobianPoint<Fp> p, out JacobianPoint<Fp> r)
    {
        Fp.Mul(p.X, Beta, out Fp x);
        r = new JacobianPoint<Fp>(x, p.Y, p.Z);
    }

    /// <summary>r = k·P for a canonical k &lt; r: two interleaved 5-NAFs of ~127 bits over P and φ(P).</summary>
    public static void Multiply(in JacobianPoint<Fp> p, ReadOnlySpan<ulong> k, out JacobianPoint<Fp> r)
    {
        Decompose(k, out Int128 k1, out Int128 k2);
        Span<sbyte> d1 = stackalloc sbyte[132];
        Span<sbyte> d2 = stackalloc sbyte[132];
        int len1 = Digits(k1, d1);
        int len2 = Digits(k2, d2);
        Span<JacobianPoint<Fp>> t1 = stackalloc JacobianPoint<Fp>[Wnaf.TableSize];
        Span<JacobianPoint<Fp>> t2 = stackalloc JacobianPoint<Fp>[Wnaf.TableSize];
        JacobianPoint<Fp> basePoint = p;
        if (k1 < 0) JacobianPoint<Fp>.Negate(p, out basePoint);
        Wnaf.OddMultiples(basePoint, t1);
        bool flip = (k1 < 0) != (k2 < 0);
        for (int i = 0; i < t1.Length; i++)
        {
            Endomorphism(t1[i], out t2[i]);
            if (flip) JacobianPoint<Fp>.Negate(t2[i], out t2[i]);
        }
        JacobianPoint<Fp> acc = JacobianPoint<Fp>.Infinity;
        for (int i = Math.Max(len1, len2) - 1; i >= 0; i--)
        {
            JacobianPoint<Fp>.Double(acc, out acc);
            if (i < len1) Wnaf.AddDigit(ref acc, t1, d1[i]);
            if (i < len2) Wnaf.AddDigit(ref acc, t2, d2[i]);
        }
        r = acc;
    }

    private static int Digits(Int128 v, Span<sbyte> digits)
    {
        UInt128 m = (UInt128)(v < 0 ? -v : v);
        Span<ulong> work = stackalloc ulong[3];
        work[0] = (ulong)m;
        work[1] = (ulong)(m >> 64);
        work[2] = 0;
        return Wnaf.Digits(work, Wnaf.Window, digits);
    }
}
