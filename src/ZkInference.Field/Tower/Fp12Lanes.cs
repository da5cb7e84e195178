using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>
/// The lane paths of the Fp12 operations the pairing spends its time in: pre-additions (scalar), every
/// Fp2 product of the operation in one <see cref="Fp2Lanes"/> batch, then the post-combination (scalar).
/// Same results as the scalar methods of <see cref="Fp12"/>, which dispatch here when
/// <see cref="Internal.Lanes8.IsSupported"/>; outputs may alias inputs.
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp12Lanes
{
    /// <summary>a·b: Karatsuba over Fp6, 18 Fp2 products (7 Mul8 calls).</summary>
    public static void Mul(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp2* x = stackalloc Fp2[18];
        Fp2* y = stackalloc Fp2[18];
        Fp6Lanes.MulOperands(a.C0, b.C0, x, y);
        Fp6Lanes.MulOperands(a.C1, b.C1, x + 6, y + 6);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp6.Add(b.C0, b.C1, out Fp6 t);
        Fp6Lanes.MulOperands(s, t, x + 12, y + 12);
        Fp2Lanes.Mul(x, y, x, 18);
        Fp6Lanes.MulCombine(x, out Fp6 t0);
        Fp6Lanes.MulCombine(x + 6, out Fp6 t1);
        Fp6Lanes.MulCombine(x + 12, out Fp6 c1);
        Fp6.Sub(c1, t0, out c1);
        Fp6.Sub(c1, t1, out c1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Add(t0, t1, out Fp6 c0);
        r = new Fp12(c0, c1);
    }

    /// <summary>a² by complex squaring, t = c0·c1 and (c0 + c1)(c0 + v·c1): 12 Fp2 products (5 Mul8 calls).</summary>
    public static void Square(in Fp12 a, out Fp12 r)
    {
        Fp2* x = stackalloc Fp2[12];
        Fp2* y = stackalloc Fp2[12];
        Fp6Lanes.MulOperands(a.C0, a.C1, x, y);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp6.MulByNonResidue(a.C1, out Fp6 vc1);
        Fp6.Add(a.C0, vc1, out Fp6 s2);
        Fp6Lanes.MulOperands(s, s2, x + 6, y + 6);
        Fp2Lanes.Mul(x, y, x, 12);
        Fp6Lanes.MulCombine(x, out Fp6 t);
        Fp6Lanes.MulCombine(x + 6, out Fp6 c0);
        Fp6.Sub(c0, t, out c0);
        Fp6.MulByNonResidue(t, out Fp6 vt);
        Fp6.Sub(c0, vt, out c0);
        Fp6.Double(t, out Fp6 c1);
        r = new Fp12(c0, c1);
    }

    /// <summary>a·(c0 + c3·w + c4·w³): 13 Fp2 products (5 Mul8 calls).</summary>
    public static void MulBy034(in Fp12 a, in Fp2 c0, in Fp2 c3, in Fp2 c4, out Fp12 r)
    {
        Fp2* x = stackalloc Fp2[13];
        Fp2* y = stackalloc Fp2[13];
        x[0] = a.C0.C0; x[1] = a.C0.C1; x[2] = a.C0.C2;
        y[0] = c0; y[1] = c0; y[2] = c0;
        Fp6Lanes.MulBy01Operands(a.C1, c3, c4, x + 3, y + 3);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp2Ops.Add(c0, c3, out Fp2 d0);
        Fp6Lanes.MulBy01Operands(s, d0, c4, x + 8, y + 8);
        Fp2Lanes.Mul(x, y, x, 13);
        var t0 = new Fp6(x[0], x[1], x[2]);
        Fp6Lanes.MulBy01Combine(x + 3, out Fp6 t1);
        Fp6Lanes.MulBy01Combine(x + 8, out Fp6 r1);
        Fp6.Sub(r1, t0, out r1);
        Fp6.Sub(r1, t1, out r1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Add(t0, t1, out Fp6 r0);
        r = new Fp12(r0, r1);
    }

    /// <summary>The product of two line values, as <see cref="Fp12.Mul034By034"/>: six Fp2 products (3 Mul8 calls).</summary>
    public static void Mul034By034(in Fp2 a0, in Fp2 a3, in Fp2 a4, in Fp2 b0, in Fp2 b3, in Fp2 b4,
        out Fp6 x0, out Fp2 x1, out Fp2 x3)
    {
        Fp2* x = stackalloc Fp2[6];
        Fp2* y = stackalloc Fp2[6];
        x[0] = a0; y[0] = b0;
        x[1] = a3; y[1] = b3;
        x[2] = a4; y[2] = b4;
        Fp2Ops.Add(a0, a3, out x[3]); Fp2Ops.Add(b0, b3, out y[3]);
        Fp2Ops.Add(a0, a4, out x[4]); Fp2Ops.Add(b0, b4, out y[4]);
        Fp2Ops.Add(a3, a4, out x[5]); Fp2Ops.Add(b3, b4, out y[5]);
        Fp2Lanes.Mul(x, y, x, 6);
        Combine034By034(x, out x0, out x1, out x3);
    }

    /// <summary>From the six products m00, m33, m44, (a0+a3)(b0+b3), (a0+a4)(b0+b4), (a3+a4)(b3+b4) to x0 + (x1 + x3·v)·w.</summary>
    public static void Combine034By034(Fp2* v, out Fp6 x0, out Fp2 x1, out Fp2 x3)
    {
        Fp2Ops.Sub(v[3], v[0], out x1);
        Fp2Ops.Sub(x1, v[1], out x1);
        Fp2Ops.Sub(v[4], v[0], out x3);
        Fp2Ops.Sub(x3, v[2], out x3);
        Fp2Ops.Sub(v[5], v[1], out Fp2 w4);
        Fp2Ops.Sub(w4, v[2], out w4);
        Fp2Ops.MulByNonResidue(v[2], out Fp2 w0);
        Fp2Ops.Add(w0, v[0], out w0);
        x0 = new Fp6(w0, v[1], w4);
    }

    /// <summary>a·(x0 + (x1 + x3·v)·w), as <see cref="Fp12.MulBy01234"/>: 17 Fp2 products (7 Mul8 calls).</summary>
    public static void MulBy01234(in Fp12 a, in Fp6 x0, in Fp2 x1, in Fp2 x3, out Fp12 r)
    {
        Fp2* x = stackalloc Fp2[17];
        Fp2* y = stackalloc Fp2[17];
        Fp6Lanes.MulOperands(a.C0, x0, x, y);
        Fp6Lanes.MulBy01Operands(a.C1, x1, x3, x + 6, y + 6);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp2Ops.Add(x0.C0, x1, out Fp2 y0);
        Fp2Ops.Add(x0.C1, x3, out Fp2 y1);
        Fp6Lanes.MulOperands(s, new Fp6(y0, y1, x0.C2), x + 11, y + 11);
        Fp2Lanes.Mul(x, y, x, 17);
        Fp6Lanes.MulCombine(x, out Fp6 t0);
        Fp6Lanes.MulBy01Combine(x + 6, out Fp6 t1);
        Fp6Lanes.MulCombine(x + 11, out Fp6 r1);
        Fp6.Sub(r1, t0, out r1);
        Fp6.Sub(r1, t1, out r1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Add(t0, t1, out Fp6 r0);
        r = new Fp12(r0, r1);
    }

    /// <summary>Granger–Scott cyclotomic squaring as <see cref="Fp12.CyclotomicSquare"/>: nine Fp2 squarings (3 Mul8 calls).</summary>
    public static void CyclotomicSquare(in Fp12 a, out Fp12 r)
    {
        Fp2 a0 = a.C0.C0, a2 = a.C0.C1, a4 = a.C0.C2;
        Fp2 a1 = a.C1.C0, a3 = a.C1.C1, a5 = a.C1.C2;
        // (x + y·t)² for (x, y) = (a0, a3), (a1, a4), (a2, a5) needs x², y², (x + y)².
        Fp2* s = stackalloc Fp2[9];
        s[0] = a0; s[1] = a3; Fp2Ops.Add(a0, a3, out s[2]);
        s[3] = a1; s[4] = a4; Fp2Ops.Add(a1, a4, out s[5]);
        s[6] = a2; s[7] = a5; Fp2Ops.Add(a2, a5, out s[8]);
        Fp2Lanes.Square(s, s, 9);
        Fp4Combine(s, out Fp2 sA, out Fp2 sB);     // g0² = A + B·t
        Fp4Combine(s + 3, out Fp2 sE, out Fp2 sF); // g1² = E + F·t
        Fp4Combine(s + 6, out Fp2 sC, out Fp2 sD); // g2² = C + D·t

        Fp2Ops.MulByNonResidue(sD, out Fp2 xD);
        Fp12.TimesThreeMinusTwice(sA, a0, out Fp2 r0);
        Fp12.TimesThreePlusTwice(sB, a3, out Fp2 r3);
        Fp12.TimesThreePlusTwice(xD, a1, out Fp2 r1);
        Fp12.TimesThreeMinusTwice(sC, a4, out Fp2 r4);
        Fp12.TimesThreeMinusTwice(sE, a2, out Fp2 r2);
        Fp12.TimesThreePlusTwice(sF, a5, out Fp2 r5);
        r = new Fp12(new Fp6(r0, r2, r4), new Fp6(r1, r3, r5));
    }

    // From x², y², (x + y)² to (x + y·t)² = (x² + ξy²) + ((x + y)² − x² − y²)·t.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fp4Combine(Fp2* sq, out Fp2 re, out Fp2 im)
    {
        Fp2Ops.Sub(sq[2], sq[0], out im);
        Fp2Ops.Sub(im, sq[1], out im);
        Fp2Ops.MulByNonResidue(sq[1], out Fp2 y2);
        Fp2Ops.Add(sq[0], y2, out re);
    }
}
