using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// A Groth16 proof (π_A ∈ G1, π_B ∈ G2, π_C ∈ G1). Points parsed from untrusted JSON may be off the curve;
/// the <see cref="Verifier"/> checks them before pairing.
/// </summary>
/// <param name="A">π_A.</param>
/// <param name="B">π_B.</param>
/// <param name="C">π_C.</param>
public readonly record struct Proof(G1Affine A, G2Affine B, G1Affine C);

/// <summary>A proof with the public signals it proves (witness wires 1..nPublic).</summary>
/// <param name="Proof">The proof.</param>
/// <param name="PublicSignals">Outputs then public inputs, in wire order.</param>
public sealed record ProofWithPublicSignals(Proof Proof, Fr[] PublicSignals);
