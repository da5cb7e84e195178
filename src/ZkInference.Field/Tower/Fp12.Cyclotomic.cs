using System.Runtime.CompilerServices;
using ZkInference.Field.Internal;
using ZkInference.Field.Internal.X64;

namespace ZkInference.Field;

internal readonly partial struct Fp12
{
    /// <summary>
    /// r = a² for a in the cyclotomic subgroup (order p⁴ − p² + 1), by Granger–Scott: view Fp12 as
    /// Fp4[z]/(z³ − t) with Fp4 = Fp2[t]/(t² − ξ), t = w³, z = w, so a = g0 + g1·z + g2·z² with
    /// g0 = a0 + a3·t, g1 = a1 + a4·t, g2 = a2 + a5·t. Then
    /// a² = (3g0² − 2ḡ0) + (3t·g2² + 2ḡ1)·z + (3g1² − 2ḡ2)·z², ḡ = x^(p²) the conjugate over Fp2.
    /// Nine Fp2 squarings (generated machine code, or lanes, when available); wrong (not merely slow) outside the subgroup.
    /// </summary>
    public static unsafe void CyclotomicSquare(in Fp12 a, out Fp12 r)
    {
        var kernel = TowerKernels.CyclotomicSquare;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp12* pr = &r, pa = &a) kernel(pr, pa);
        }
        else if (UseLanes) Fp12Lanes.CyclotomicSquare(a, out r);
        else CyclotomicSquareScalar(a, out r);
    }

    /// <summary>The scalar path of <see cref="CyclotomicSquare"/>.</summary>
    internal static void CyclotomicSquareScalar(in Fp12 a, out Fp12 r)
    {
        Fp2 a0 = a.C0.C0, a2 = a.C0.C1, a4 = a.C0.C2;
        Fp2 a1 = a.C1.C0, a3 = a.C1.C1, a5 = a.C1.C2;

        Fp4Square(a0, a3, out Fp2 sA, out Fp2 sB); // g0² = A + B·t
        Fp4Square(a1, a4, out Fp2 sE, out Fp2 sF); // g1² = E + F·t
        Fp4Square(a2, a5, out Fp2 sC, out Fp2 sD); // g2² = C + D·t, t·g2² = ξD + C·t

        Fp2Ops.MulByNonResidue(sD, out Fp2 xD);
        TimesThreeMinusTwice(sA, a0, out Fp2 r0);   // 3A − 2a0
        TimesThreePlusTwice(sB, a3, out Fp2 r3);    // 3B + 2a3
        TimesThreePlusTwice(xD, a1, out Fp2 r1);    // 3ξD + 2a1
        TimesThreeMinusTwice(sC, a4, out Fp2 r4);   // 3C − 2a4
        TimesThreeMinusTwice(sE, a2, out Fp2 r2);   // 3E − 2a2
        TimesThreePlusTwice(sF, a5, out Fp2 r5);    // 3F + 2a5
        r = new Fp12(new Fp6(r0, r2, r4), new Fp6(r1, r3, r5));
    }

    // (x + y·t)² = (x² + ξy²) + ((x + y)² − x² − y²)·t.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fp4Square(in Fp2 x, in Fp2 y, out Fp2 re, out Fp2 im)
    {
        Fp2Ops.Square(x, out Fp2 x2);
        Fp2Ops.Square(y, out Fp2 y2);
        Fp2Ops.Add(x, y, out Fp2 s);
        Fp2Ops.Square(s, out s);
        Fp2Ops.Sub(s, x2, out s);
        Fp2Ops.Sub(s, y2, out im);
        Fp2Ops.MulByNonResidue(y2, out y2);
        Fp2Ops.Add(x2, y2, out re);
    }

    // r = 3s − 2a = 2(s − a) + s.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TimesThreeMinusTwice(in Fp2 s, in Fp2 a, out Fp2 r)
    {
        Fp2Ops.Sub(s, a, out Fp2 d);
        Fp2Ops.Double(d, out d);
        Fp2Ops.Add(d, s, out r);
    }

    // r = 3s + 2a = 2(s + a) + s.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TimesThreePlusTwice(in Fp2 s, in Fp2 a, out Fp2 r)
    {
        Fp2Ops.Add(s, a, out Fp2 d);
        Fp2Ops.Double(d, out d);
        Fp2Ops.Add(d, s, out r);
    }

    /// <summary>r = a^e for a in the cyclotomic subgroup and e ≥ 0 given as little-endian 64-bit limbs, with cyclotomic squarings.</summary>
    public static void CyclotomicPow(in Fp12 a, ReadOnlySpan<ulong> e, out Fp12 r)
    {
        Fp12 acc = One;
        for (int i = e.Length * 64 - 1; i >= 0; i--)
        {
            CyclotomicSquare(acc, out acc);
            if (((e[i >> 6] >> (i & 63)) & 1) != 0) Mul(acc, a, out acc);
        }
        r = acc;
    }
}
