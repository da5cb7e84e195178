namespace ZkInference.Field;

/// <summary>
/// The p-power Frobenius π of E(Fp12) carried to the twist: with ψ(x', y') = (x'·w², y'·w³),
/// ψ⁻¹∘π∘ψ(x', y') = (conj(x')·ξ^((p−1)/3), conj(y')·ξ^((p−1)/2)).
/// </summary>
internal static class TwistFrobenius
{
    /// <summary>π(Q).</summary>
    public static void Pi(in G2Affine q, out Fp2 x, out Fp2 y)
    {
        Fp2Ops.Conjugate(q.X, out x);
        Fp2Ops.Mul(x, FrobeniusConstants.G12, out x);
        Fp2Ops.Conjugate(q.Y, out y);
        Fp2Ops.Mul(y, FrobeniusConstants.G13, out y);
    }

    /// <summary>−π²(Q) = (x'·ξ^((p²−1)/3), −y'·ξ^((p²−1)/2)).</summary>
    public static void NegPi2(in G2Affine q, out Fp2 x, out Fp2 y)
    {
        Fp2Ops.MulByFp(q.X, FrobeniusConstants.G22, out x);
        Fp2Ops.MulByFp(q.Y, FrobeniusConstants.G23, out y);
        Fp2Ops.Neg(y, out y);
    }
}
