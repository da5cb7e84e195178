namespace ZkInference.Field.Internal.X64;

/// <summary>
/// The generated Fp12 routines (<see cref="TowerKernel"/>), or null where the Fp kernels are unavailable.
/// Each must reproduce the managed routine it replaces on random values before it is used (the formulas are
/// polynomial identities, so agreement on arbitrary elements is the right test).
/// </summary>
internal static unsafe class TowerKernels
{
    /// <summary>The cyclotomic square, called as (r, a); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void> CyclotomicSquare;

    /// <summary>The square, called as (r, a); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void> Square;

    /// <summary>The product, called as (r, a, b); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> Mul;

    /// <summary>The product with a line value c0 + c3·w + c4·w³, called as (r, a, c0, c3, c4); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void> MulBy034;

    /// <summary>The product with two multiplied lines x0 + (x1 + x3·v)·w, called as (r, a, x0, x1, x3); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void> MulBy01234;

    /// <summary>The Miller loop's doubling step, called as (t, line); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void> LineDouble;

    /// <summary>The Miller loop's addition step, called as (t, qx, qy, line); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void> LineAdd;

    static TowerKernels()
    {
        if (!NativeKernels.Fp2Active) return;
        const ulong q0 = Fp.Q0, q1 = Fp.Q1, q2 = Fp.Q2, q3 = Fp.Q3, qInv = Fp.QInvNeg;
        var cyclotomic = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void>)ExecutableMemory.TryPlace(
            TowerKernel.CyclotomicSquare(q0, q1, q2, q3, qInv));
        var square = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void>)ExecutableMemory.TryPlace(
            TowerKernel.Square(q0, q1, q2, q3, qInv));
        var mul = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void>)ExecutableMemory.TryPlace(
            TowerKernel.Mul(q0, q1, q2, q3, qInv));
        var mulBy034 = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void>)ExecutableMemory.TryPlace(
            TowerKernel.MulBy034(q0, q1, q2, q3, qInv));
        var mulBy01234 = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void>)ExecutableMemory.TryPlace(
            TowerKernel.MulBy01234(q0, q1, q2, q3, qInv));
        Fp2 threeB = G2Affine.B + G2Affine.B + G2Affine.B;
        ulong[] threeBLimbs = [threeB.A0.L0, threeB.A0.L1, threeB.A0.L2, threeB.A0.L3, threeB.A1.L0, threeB.A1.L1, threeB.A1.L2, threeB.A1.L3];
        var lineDouble = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void>)ExecutableMemory.TryPlace(
            LineKernel.Double(q0, q1, q2, q3, qInv, threeBLimbs));
        var lineAdd = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void>)ExecutableMemory.TryPlace(
            LineKernel.Add(q0, q1, q2, q3, qInv));
        if (cyclotomic == null || square == null || mul == null || mulBy034 == null || mulBy01234 == null
            || lineDouble == null || lineAdd == null) return;

        var rng = new Random(12);
        for (int i = 0; i < 16; i++)
        {
            // Out of place and in place (the routines build results in scratch before storing them).
            Fp12 a = Fp12.Random(rng), b = Fp12.Random(rng), r, x;
            Fp2 c0 = Fp2.Random(rng), c3 = Fp2.Random(rng), c4 = Fp2.Random(rng);
            Fp12.CyclotomicSquareScalar(a, out Fp12 expected);
            cyclotomic(&r, &a);
            x = a;
            cyclotomic(&x, &x);
            if (r != expected || x != expected) return;
            Fp12.SquareScalar(a, out expected);
            square(&r, &a);
            x = a;
            square(&x, &x);
            if (r != expected || x != expected) return;
            Fp12.MulScalar(a, b, out expected);
            mul(&r, &a, &b);
            x = a;
            mul(&x, &x, &b);
            Fp12 y = b;
            mul(&y, &a, &y);
            if (r != expected || x != expected || y != expected) return;
            Fp12.MulBy034Scalar(a, c0, c3, c4, out expected);
            mulBy034(&r, &a, &c0, &c3, &c4);
            x = a;
            mulBy034(&x, &x, &c0, &c3, &c4);
            if (r != expected || x != expected) return;
            Fp6 x0 = Fp6.Random(rng);
            Fp12.MulBy01234Scalar(a, x0, c3, c4, out expected);
            mulBy01234(&r, &a, &x0, &c3, &c4);
            x = a;
            mulBy01234(&x, &x, &x0, &c3, &c4);
            if (r != expected || x != expected) return;

            // The line steps on arbitrary coordinates (the formulas are identities in them).
            G2Projective t = default, tExpected;
            t.X = Fp2.Random(rng);
            t.Y = Fp2.Random(rng);
            t.Z = Fp2.Random(rng);
            tExpected = t;
            LineFunctions.DoubleManaged(ref tExpected, out LineCoeffs lineExpected);
            LineCoeffs line;
            lineDouble(&t, &line);
            if (!SameStep(t, line, tExpected, lineExpected)) return;
            Fp2 qx = Fp2.Random(rng), qy = Fp2.Random(rng);
            LineFunctions.AddManaged(ref tExpected, qx, qy, out lineExpected);
            lineAdd(&t, &qx, &qy, &line);
            if (!SameStep(t, line, tExpected, lineExpected)) return;
        }
        LineDouble = lineDouble;
        LineAdd = lineAdd;
        CyclotomicSquare = cyclotomic;
        MulBy01234 = mulBy01234;
        Square = square;
        Mul = mul;
        MulBy034 = mulBy034;
    }

    private static bool SameStep(in G2Projective t, in LineCoeffs line, in G2Projective tExpected, in LineCoeffs lineExpected) =>
        t.X == tExpected.X && t.Y == tExpected.Y && t.Z == tExpected.Z
        && line.C0 == lineExpected.C0 && line.C3 == lineExpected.C3 && line.C4 == lineExpected.C4;

    /// <summary>Whether the generated Fp12 routines are in use.</summary>
    public static bool Active => Mul != null;
}
