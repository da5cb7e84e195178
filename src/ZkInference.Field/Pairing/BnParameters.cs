namespace ZkInference.Field;

/// <summary>The BN parameter x of BN254 (p = 36x⁴ + 36x³ + 24x² + 6x + 1) and the signed-digit forms the pairing walks.</summary>
internal static class BnParameters
{
    /// <summary>x = 4965661367192848881 (positive for BN254).</summary>
    public const ulong X = 4965661367192848881UL;

    /// <summary>NAF of the optimal ate loop count 6x + 2, least significant digit first (66 digits, 22 non-zero).</summary>
    public static readonly sbyte[] AteLoopNaf = Naf((UInt128)X * 6 + 2);

    /// <summary>NAF of x, least significant digit first (63 digits, 24 non-zero against 28 set bits).</summary>
    public static readonly sbyte[] XNaf = Naf(X);

    private static sbyte[] Naf(UInt128 n)
    {
        var digits = new List<sbyte>();
        while (n > 0)
        {
            sbyte d = 0;
            if ((n & 1) == 1)
            {
                d = (n & 3) == 1 ? (sbyte)1 : (sbyte)-1;
                n = d == 1 ? n - 1 : n + 1;
            }
            digits.Add(d);
            n >>= 1;
        }
        return digits.ToArray();
    }
}
