using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// A Groth16 verification key, as snarkjs's <c>verification_key.json</c> holds it: [α]₁, [β]₂, [γ]₂, [δ]₂
/// and the IC points (one per public signal, plus IC₀ for the constant wire).
/// </summary>
/// <param name="Alpha1">[α]₁.</param>
/// <param name="Beta2">[β]₂.</param>
/// <param name="Gamma2">[γ]₂.</param>
/// <param name="Delta2">[δ]₂.</param>
/// <param name="IC">IC₀..IC_nPublic.</param>
public sealed record VerifyingKey(G1Affine Alpha1, G2Affine Beta2, G2Affine Gamma2, G2Affine Delta2, G1Affine[] IC)
{
    /// <summary>Number of public signals a proof under this key has.</summary>
    public int PublicCount => IC.Length - 1;

    /// <summary>e(α, β), the constant of the verification equation (snarkjs's <c>vk_alphabeta_12</c>).</summary>
    public Gt AlphaBeta => Pairing.Pair(Alpha1, Beta2);
}
