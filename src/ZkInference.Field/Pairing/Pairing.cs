namespace ZkInference.Field;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT on BN254, compatible with the EIP-197 precompile
/// (e(P, Q) here is a fixed power m, coprime to r, of the textbook reduced pairing; see
/// <see cref="FinalExponentiation(in MillerLoopResult)"/>). Allocation-free for up to eight pairs.
/// </summary>
/// <remarks>
/// Inputs are assumed valid: G1 points on the curve, G2 points on the twist and in the order-r
/// subgroup. Nothing here checks that; the EVM precompile and the Groth16 verifier do, and garbage
/// in gives garbage out. The identity is allowed anywhere and contributes 1.
/// </remarks>
public static class Pairing
{
    /// <summary>e(P, Q).</summary>
    public static Gt Pair(in G1Affine p, in G2Affine q)
    {
        AteMillerLoop.Run(new ReadOnlySpan<G1Affine>(in p), new ReadOnlySpan<G2Affine>(in q), out Fp12 f);
        FinalExponentiator.Run(f, out Fp12 e);
        return new Gt(e);
    }

    /// <summary>Whether ∏ e(pᵢ, qᵢ) = 1: one shared Miller loop and one final exponentiation. Empty input gives true.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool PairingCheck(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        AteMillerLoop.Run(p, q, out Fp12 f);
        return IsOneAfterFinalExponentiation(f);
    }

    /// <summary>Whether ∏ e(pᵢ, qᵢ) = 1 with precomputed G2 lines. Empty input gives true.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool PairingCheck(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q)
    {
        AteMillerLoop.Run(p, q, out Fp12 f);
        return IsOneAfterFinalExponentiation(f);
    }

    /// <summary>The Miller loop of ∏ e(pᵢ, qᵢ), to be finished by <see cref="FinalExponentiation"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static MillerLoopResult MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        AteMillerLoop.Run(p, q, out Fp12 f);
        return new MillerLoopResult(f);
    }

    /// <summary>The Miller loop of ∏ e(pᵢ, qᵢ) with precomputed G2 lines.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static MillerLoopResult MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q)
    {
        AteMillerLoop.Run(p, q, out Fp12 f);
        return new MillerLoopResult(f);
    }

    /// <summary>
    /// The Miller loop of ∏ e(pᵢ, qᵢ) · ∏ e(ppⱼ, qpⱼ), the second set with precomputed G2 lines, in one loop
    /// (one shared squaring per step, where multiplying two <see cref="MillerLoop(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine})"/>
    /// results pays for two): what a Groth16 verifier runs, proof points on the fly and key points prepared.
    /// </summary>
    /// <exception cref="ArgumentException">p and q, or pPrepared and qPrepared, differ in length.</exception>
    public static MillerLoopResult MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q,
        ReadOnlySpan<G1Affine> pPrepared, ReadOnlySpan<G2Prepared> qPrepared)
    {
        AteMillerLoop.Run(p, q, pPrepared, qPrepared, out Fp12 f);
        return new MillerLoopResult(f);
    }

    /// <summary>
    /// Maps a Miller loop value into GT: f^(m·(p¹²−1)/r), m = 2x(6x² + 3x + 1) coprime to r
    /// (x = 4965661367192848881), with cyclotomic squarings in the hard part.
    /// </summary>
    public static Gt FinalExponentiation(in MillerLoopResult f)
    {
        FinalExponentiator.Run(f.Value, out Fp12 e);
        return new Gt(e);
    }

    private static bool IsOneAfterFinalExponentiation(in Fp12 f)
    {
        FinalExponentiator.Run(f, out Fp12 e);
        return e.IsOne;
    }
}
