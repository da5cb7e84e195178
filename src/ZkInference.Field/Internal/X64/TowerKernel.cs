using static ZkInference.Field.Internal.X64.X64Register;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Fp12 routines generated whole as machine code (System V), where the managed tower's per-operation calls
/// and copies cost more than the arithmetic. An Fp12 value is c0 + c1·w with c0, c1 in Fp6 and each Fp6
/// three Fp2 coefficients, so its twelve Fp limbs-groups lie in the order a0, a2, a4, a1, a3, a5 (aᵢ the
/// coefficient of wⁱ over Fp2).
/// </summary>
internal static class TowerKernel
{
    /// <summary>
    /// The Granger–Scott cyclotomic square, called as (r, a), the same formulas as
    /// <c>Fp12.CyclotomicSquareScalar</c>: three Fp4 squarings (nine Fp2 squarings) and the 3s ± 2a
    /// combinations. Valid only in the cyclotomic subgroup.
    /// </summary>
    public static byte[] CyclotomicSquare(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.Save(Rbx, R12);
        k.BeginFrame();
        var p = new Fp2Program(k);
        Limbs a = new(Rsi, 0), r = new(Rdi, 0);
        Limbs a0 = a.Offset(0), a2 = a.Offset(2), a4 = a.Offset(4), a1 = a.Offset(6), a3 = a.Offset(8), a5 = a.Offset(10);

        Limbs sA = p.NewFp2(), sB = p.NewFp2(), sE = p.NewFp2(), sF = p.NewFp2(), sC = p.NewFp2(), sD = p.NewFp2();
        Limbs x2 = p.NewFp2(), y2 = p.NewFp2(), s = p.NewFp2();
        Fp4Square(p, a0, a3, sA, sB, x2, y2, s);   // g0² = A + B·t
        Fp4Square(p, a1, a4, sE, sF, x2, y2, s);   // g1² = E + F·t
        Fp4Square(p, a2, a5, sC, sD, x2, y2, s);   // g2² = C + D·t
        p.MulByNonResidue(sD, sD);                 // ξD

        // The results go to the frame first: the output may alias the input.
        Limbs r0 = p.NewFp2(), r1 = p.NewFp2(), r2 = p.NewFp2(), r3 = p.NewFp2(), r4 = p.NewFp2(), r5 = p.NewFp2();
        p.TimesThreeMinusTwice(r0, sA, a0);
        p.TimesThreePlusTwice(r3, sB, a3);
        p.TimesThreePlusTwice(r1, sD, a1);
        p.TimesThreeMinusTwice(r4, sC, a4);
        p.TimesThreeMinusTwice(r2, sE, a2);
        p.TimesThreePlusTwice(r5, sF, a5);
        p.Copy(r0, r.Offset(0));
        p.Copy(r2, r.Offset(2));
        p.Copy(r4, r.Offset(4));
        p.Copy(r1, r.Offset(6));
        p.Copy(r3, r.Offset(8));
        p.Copy(r5, r.Offset(10));
        return k.Finish();
    }

    /// <summary>r = a·b, called as (r, a, b): Karatsuba over Fp6 (three Fp6 products), as <c>Fp12.MulScalar</c>.</summary>
    public static byte[] Mul(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.E.Mov(R8, Rdx);
        k.Save(Rbx, R12);
        k.BeginFrame();
        var p6 = new Fp6Program(new Fp2Program(k));
        Limbs a0 = new(Rsi, 0), a1 = new(Rsi, 24), b0 = new(R8, 0), b1 = new(R8, 24), r = new(Rdi, 0);
        Limbs t0 = p6.NewFp6(), t1 = p6.NewFp6(), s = p6.NewFp6(), t = p6.NewFp6();
        p6.Mul(t0, a0, b0);
        p6.Mul(t1, a1, b1);
        p6.Add(s, a0, a1);
        p6.Add(t, b0, b1);
        p6.Mul(s, s, t);               // every input has been read
        KaratsubaFinish(p6, r, s, t0, t1);
        return k.Finish();
    }

    /// <summary>r = a², called as (r, a): complex squaring with two Fp6 products, as <c>Fp12.SquareScalar</c>.</summary>
    public static byte[] Square(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.Save(Rbx, R12);
        k.BeginFrame();
        var p6 = new Fp6Program(new Fp2Program(k));
        Limbs c0 = new(Rsi, 0), c1 = new(Rsi, 24), r = new(Rdi, 0);
        Limbs t = p6.NewFp6(), s = p6.NewFp6(), s2 = p6.NewFp6();
        p6.Mul(t, c0, c1);
        p6.Add(s, c0, c1);
        p6.MulByNonResidue(s2, c1);
        p6.Add(s2, c0, s2);            // every input has been read
        p6.Mul(s, s, s2);
        p6.Sub(s, s, t);
        p6.MulByNonResidue(s2, t);
        p6.Sub(r, s, s2);
        p6.Double(r.Offset(6), t);
        return k.Finish();
    }

    /// <summary>
    /// r = a·(c0 + c3·w + c4·w³), called as (r, a, c0, c3, c4): the sparse product with a line value, as
    /// <c>Fp12.MulBy034Scalar</c>.
    /// </summary>
    public static byte[] MulBy034(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = MontgomeryEmitter.WithFiveArguments(q0, q1, q2, q3, qInvNeg);
        var p6 = new Fp6Program(new Fp2Program(k));
        Limbs a0 = new(Rsi, 0), a1 = new(Rsi, 24), c0 = new(R13, 0), c3 = new(R14, 0), c4 = new(R8, 0), r = new(Rdi, 0);
        Limbs t0 = p6.NewFp6(), t1 = p6.NewFp6(), s = p6.NewFp6(), d0 = p6.Fp2.NewFp2();
        p6.MulByFp2(t0, a0, c0);
        p6.MulBy01(t1, a1, c3, c4);
        p6.Add(s, a0, a1);
        p6.Fp2.Add(d0, c0, c3);
        p6.MulBy01(s, s, d0, c4);       // every input has been read
        KaratsubaFinish(p6, r, s, t0, t1);
        return k.Finish();
    }

    /// <summary>
    /// r = a·(x0 + (x1 + x3·v)·w), called as (r, a, x0, x1, x3) with x0 in Fp6: the product with two lines
    /// multiplied together, as <c>Fp12.MulBy01234Scalar</c>.
    /// </summary>
    public static byte[] MulBy01234(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = MontgomeryEmitter.WithFiveArguments(q0, q1, q2, q3, qInvNeg);
        var p6 = new Fp6Program(new Fp2Program(k));
        Limbs a0 = new(Rsi, 0), a1 = new(Rsi, 24), x0 = new(R13, 0), x1 = new(R14, 0), x3 = new(R8, 0), r = new(Rdi, 0);
        Limbs t0 = p6.NewFp6(), t1 = p6.NewFp6(), s = p6.NewFp6(), y = p6.NewFp6();
        p6.Mul(t0, a0, x0);
        p6.MulBy01(t1, a1, x1, x3);
        p6.Add(s, a0, a1);
        p6.Fp2.Add(y, x0, x1);
        p6.Fp2.Add(y.Offset(2), x0.Offset(2), x3);
        p6.Fp2.Copy(x0.Offset(4), y.Offset(4));
        p6.Mul(s, s, y);                // every input has been read
        KaratsubaFinish(p6, r, s, t0, t1);
        return k.Finish();
    }

    // r = (t0 + v·t1) + (s − t0 − t1)·w: the end of Karatsuba over Fp6 with t0, t1 the halves' products and
    // s the product of the sums.
    private static void KaratsubaFinish(Fp6Program p6, Limbs r, Limbs s, Limbs t0, Limbs t1)
    {
        p6.Sub(s, s, t0);
        p6.Sub(r.Offset(6), s, t1);
        p6.MulByNonResidue(t1, t1);
        p6.Add(r, t0, t1);
    }

    // (x + y·t)² = (x² + ξy²) + ((x + y)² − x² − y²)·t, with t² = ξ.
    private static void Fp4Square(Fp2Program p, Limbs x, Limbs y, Limbs re, Limbs im, Limbs x2, Limbs y2, Limbs s)
    {
        p.Square(x2, x);
        p.Square(y2, y);
        p.Add(s, x, y);
        p.Square(s, s);
        p.Sub(s, s, x2);
        p.Sub(im, s, y2);
        p.MulByNonResidue(y2, y2);
        p.Add(re, x2, y2);
    }
}
