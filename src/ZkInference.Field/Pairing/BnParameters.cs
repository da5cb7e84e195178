namespace ZkInference.Field;

/// <summary>The BN parameter x of BN254 (p = 36x⁴ + 36x³ + 24x² + 6x + 1) and the signed-digit forms the pairing walks.</summary>
internal static class BnParameters
{
    /// <summary>x = 4965661367192848881 (positive for BN254).</summary>
    public const ulong X = 4965661367192848881UL;

    /// <summary>NAF of the optimal ate loop count 6x + 2, least significant digit first (66 digits, 22 non-zero).</summary>
    public static readonly sbyte[] AteLoopNaf = Naf((UInt128)X * 6 + 2);

    /// <summary>
    /// Width-4 NAF of x, least significant digit first: digits in {0, ±1, ±3, ±5, ±7}, 63 digits of
    /// which 14 are non-zero, so x-th powers cost 13 multiplications (plus 3 for the odd powers)
    /// instead of 23 with the plain NAF.
    /// </summary>
    public static readonly sbyte[] XWNaf4 = WNaf(X, 4);

    private static sbyte[] Naf(UInt128 n) => WNaf(n, 2);

    // Width-w NAF: every non-zero digit is odd, |d| < 2^(w−1), and is followed by at least w − 1 zeros.
    private static sbyte[] WNaf(UInt128 n, int w)
    {
        var digits = new List<sbyte>();
        int window = 1 << w;
        while (n > 0)
        {
            int d = 0;
            if ((n & 1) == 1)
            {
                d = (int)(n & (UInt128)(window - 1));
                if (d >= window / 2) d -= window;
                n = d > 0 ? n - (UInt128)d : n + (UInt128)(-d);
            }
            digits.Add((sbyte)d);
            n >>= 1;
        }
        return digits.ToArray();
    }
}
