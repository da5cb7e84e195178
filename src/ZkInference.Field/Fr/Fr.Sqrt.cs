using System.Numerics;

namespace ZkInference.Field;

public readonly partial struct Fr
{
    /// <summary>The largest s with 2^s dividing r − 1: Fr has multiplicative subgroups of every order 2^k, k ≤ 28.</summary>
    public const int TwoAdicity = 28;

    /// <summary>5 generates Fr*; it is a quadratic non-residue (the generator arkworks and snarkjs use).</summary>
    public static Fr MultiplicativeGenerator => FromUInt64(5);

    /// <summary>A primitive 2^28-th root of unity: 5^((r−1)/2^28).</summary>
    public static Fr TwoAdicRootOfUnity => Derived.RootOfUnity;

    // Static initialisers of partial files run in no promised order; a nested class runs after Fr's own.
    private static class Derived
    {
        // Odd part t of r − 1 = 2^28·t, for Tonelli–Shanks.
        public static readonly BigInteger OddPart = (Modulus - 1) >> TwoAdicity;
        public static readonly Fr RootOfUnity = Pow(FromUInt64(5), OddPart);
    }

    /// <summary>A square root of <paramref name="a"/> if one exists (Tonelli–Shanks).</summary>
    /// <returns>False when a is not a square.</returns>
    public static bool TrySqrt(in Fr a, out Fr root)
    {
        root = default;
        if (a.IsZero) return true;
        if (Legendre(a) != 1) return false;
        int m = TwoAdicity;
        Fr c = TwoAdicRootOfUnity;
        Fr t = Pow(a, Derived.OddPart);
        Fr x = Pow(a, (Derived.OddPart + 1) >> 1);
        while (!t.IsOne)
        {
            // Least i with t^(2^i) = 1.
            int i = 0;
            Fr t2 = t;
            while (!t2.IsOne) { Square(t2, out t2); i++; }
            Fr b = c;
            for (int j = 0; j < m - i - 1; j++) Square(b, out b);
            m = i;
            Square(b, out c);
            Mul(x, b, out x);
            Mul(t, c, out t);
        }
        root = x;
        return true;
    }
}
