namespace ZkInference.Field;

public readonly partial struct Fp2
{
    // Static initialisers of partial files run in no promised order; a nested class runs after Fp2's own.
    private static class SqrtConstants
    {
        public static readonly Fp InverseOfTwo = Fp.FromUInt64(2).Inverse();
    }

    /// <summary>A square root of <paramref name="a"/> if one exists (the "norm" method for u² = −1).</summary>
    /// <remarks>
    /// If x = x0 + x1·u squares to a = a0 + a1·u then x0² − x1² = a0 and 2·x0·x1 = a1, and the norms give
    /// x0² + x1² = √(a0² + a1²). So x0² = (a0 ± √N)/2 for N = a0² + a1², and x1 = a1/(2·x0). One of the
    /// two signs gives an Fp square whenever a is a square; the result is checked before returning.
    /// </remarks>
    /// <returns>False when a is not a square in Fp2.</returns>
    public static bool TrySqrt(in Fp2 a, out Fp2 root)
    {
        root = default;
        if (a.IsZero) return true;
        if (a.A1.IsZero)
        {
            if (Fp.TrySqrt(a.A0, out Fp s)) { root = new Fp2(s, Fp.Zero); return true; }
            // a0 is not a square in Fp, so −a0 is (p ≡ 3 mod 4), and (s·u)² = −s² = a0.
            Fp.Neg(a.A0, out Fp negated);
            if (!Fp.TrySqrt(negated, out s)) return false;
            root = new Fp2(Fp.Zero, s);
            return true;
        }
        Fp.Square(a.A0, out Fp n0);
        Fp.Square(a.A1, out Fp n1);
        Fp.Add(n0, n1, out Fp norm);
        if (!Fp.TrySqrt(norm, out Fp n)) return false;
        Fp.Add(a.A0, n, out Fp half);
        Fp.Mul(half, SqrtConstants.InverseOfTwo, out half);
        if (!Fp.TrySqrt(half, out Fp x0))
        {
            Fp.Sub(a.A0, n, out half);
            Fp.Mul(half, SqrtConstants.InverseOfTwo, out half);
            if (!Fp.TrySqrt(half, out x0)) return false;
        }
        Fp.Double(x0, out Fp twoX0);
        Fp.Inverse(twoX0, out Fp inv);
        Fp.Mul(a.A1, inv, out Fp x1);
        var candidate = new Fp2(x0, x1);
        Square(candidate, out Fp2 check);
        if (check != a) return false;
        root = candidate;
        return true;
    }
}
