using System.Numerics;

namespace ZkInference.Field;

/// <summary>
/// Constants of the Frobenius maps on Fp12 and on the twist, computed at type initialisation from
/// ξ = 9 + u so that they cannot disagree with the tower's definition. Writing an Fp12 element as
/// Σ aᵢ·wⁱ (aᵢ in Fp2, w⁶ = ξ), φᵏ(Σ aᵢwⁱ) = Σ aᵢ^(pᵏ)·wⁱ·ξ^(i(pᵏ−1)/6).
/// Separate static readonly fields (not arrays) so the JIT can treat them as constants.
/// </summary>
internal static class FrobeniusConstants
{
    // ξ^(i(p−1)/6), i = 1..5.
    public static readonly Fp2 G11, G12, G13, G14, G15;

    // ξ^(i(p²−1)/6), i = 1..5: these lie in Fp.
    public static readonly Fp G21, G22, G23, G24, G25;

    // ξ^(i(p³−1)/6), i = 1..5.
    public static readonly Fp2 G31, G32, G33, G34, G35;

    static FrobeniusConstants()
    {
        Fp2[] g1 = Powers(1), g2 = Powers(2), g3 = Powers(3);
        (G11, G12, G13, G14, G15) = (g1[1], g1[2], g1[3], g1[4], g1[5]);
        (G21, G22, G23, G24, G25) = (RealPart(g2[1]), RealPart(g2[2]), RealPart(g2[3]), RealPart(g2[4]), RealPart(g2[5]));
        (G31, G32, G33, G34, G35) = (g3[1], g3[2], g3[3], g3[4], g3[5]);
    }

    private static Fp2[] Powers(int k)
    {
        BigInteger e = (BigInteger.Pow(Fp.Modulus, k) - 1) / 6;
        Fp2 step = Fp2.Pow(Fp2.NonResidue, e);
        var result = new Fp2[6];
        result[0] = Fp2.One;
        for (int i = 1; i < 6; i++) result[i] = result[i - 1] * step;
        return result;
    }

    private static Fp RealPart(Fp2 a)
    {
        if (!a.A1.IsZero) throw new InvalidOperationException("ξ^(i(p²−1)/6) must lie in Fp.");
        return a.A0;
    }
}
