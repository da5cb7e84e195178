namespace ZkInference.Field;

public readonly partial struct Fp
{
    // (p + 1) / 4, little-endian limbs: p ≡ 3 (mod 4), so a square root of a square a is a^((p+1)/4).
    private static class Derived
    {
        // Static initialisers of partial files run in no promised order; a nested class runs after Fp's own.
        public static readonly ulong[] SqrtExponent = ToLimbs((Modulus + 1) >> 2);
    }

    /// <summary>A square root of <paramref name="a"/> if one exists.</summary>
    /// <returns>False when a is not a square.</returns>
    public static bool TrySqrt(in Fp a, out Fp root)
    {
        Pow(a, Derived.SqrtExponent, out root);
        Square(root, out Fp check);
        if (check == a) return true;
        root = default;
        return false;
    }

    internal static ulong[] ToLimbs(System.Numerics.BigInteger v)
    {
        var limbs = new ulong[4];
        for (int i = 0; i < 4; i++) limbs[i] = (ulong)((v >> (64 * i)) & ulong.MaxValue);
        return limbs;
    }
}
