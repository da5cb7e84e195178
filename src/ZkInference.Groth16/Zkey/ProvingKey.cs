using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// A Groth16 proving key with exactly the content of a snarkjs <c>.zkey</c> (sections 1–10): the header
/// (sizes and α₁, β₁, β₂, γ₂, δ₁, δ₂), the verification key's IC points, the A/B coefficients of the QAP,
/// the point arrays A, B1, B2, C and H, and the phase-2 contribution transcript kept as opaque bytes.
/// Build one with an object initializer and call <see cref="Validate"/>, or read one with
/// <see cref="ZkeyFile.Read(string)"/> (which validates).
/// </summary>
public sealed class ProvingKey
{
    /// <summary>Number of wires (witness length), including the constant wire 0.</summary>
    public required int VariableCount { get; init; }

    /// <summary>Number of public signals (outputs then public inputs; wires 1..nPublic).</summary>
    public required int PublicCount { get; init; }

    /// <summary>Size n of the evaluation domain (a power of two ≥ constraints + public signals + 1).</summary>
    public required int DomainSize { get; init; }

    /// <summary>log₂ of <see cref="DomainSize"/>.</summary>
    public int DomainPower => BitOperations.Log2((uint)DomainSize);

    /// <summary>[α]₁.</summary>
    public required G1Affine Alpha1 { get; init; }

    /// <summary>[β]₁.</summary>
    public required G1Affine Beta1 { get; init; }

    /// <summary>[β]₂.</summary>
    public required G2Affine Beta2 { get; init; }

    /// <summary>[γ]₂.</summary>
    public required G2Affine Gamma2 { get; init; }

    /// <summary>[δ]₁.</summary>
    public required G1Affine Delta1 { get; init; }

    /// <summary>[δ]₂.</summary>
    public required G2Affine Delta2 { get; init; }

    /// <summary>Section 3: [(β·Aᵢ(τ) + α·Bᵢ(τ) + Cᵢ(τ))/γ]₁ for i = 0..nPublic.</summary>
    public required G1Affine[] IC { get; init; }

    /// <summary>Section 4: the non-zero A and B entries (plus one A entry per public signal), in file order.</summary>
    public required ZkeyCoefficient[] Coefficients { get; init; }

    /// <summary>Section 5: [Aᵢ(τ)]₁ for every wire.</summary>
    public required G1Affine[] A { get; init; }

    /// <summary>Section 6: [Bᵢ(τ)]₁ for every wire.</summary>
    public required G1Affine[] B1 { get; init; }

    /// <summary>Section 7: [Bᵢ(τ)]₂ for every wire.</summary>
    public required G2Affine[] B2 { get; init; }

    /// <summary>Section 8: [(β·Aᵢ(τ) + α·Bᵢ(τ) + Cᵢ(τ))/δ]₁ for the private wires i = nPublic+1..nVars−1.</summary>
    public required G1Affine[] C { get; init; }

    /// <summary>Section 9: n points, the odd Lagrange points of the 2n domain scaled by Z(τ)/δ (see the prover).</summary>
    public required G1Affine[] H { get; init; }

    /// <summary>Section 10, the MPC contribution transcript, kept verbatim (null: written as an empty transcript).</summary>
    public byte[]? Contributions { get; init; }

    /// <summary>The matching verification key.</summary>
    public VerifyingKey ToVerifyingKey() => new(Alpha1, Beta2, Gamma2, Delta2, IC);

    /// <summary>
    /// Checks the sizes against each other (array lengths, a power-of-two domain large enough for the public
    /// A-rows, coefficient indices in range) and that the header G2 points are in G2.
    /// </summary>
    /// <param name="name">The file or object name used in messages.</param>
    /// <exception cref="Groth16Exception">Something is inconsistent; the message says what.</exception>
    public void Validate(string name = "proving key")
    {
        [System.Diagnostics.CodeAnalysis.DoesNotReturn] void Fail(string problem) => throw new Groth16Exception($"{name}: {problem}");
        if (VariableCount < 1) Fail($"has {VariableCount} variables (at least the constant wire is required)");
        if (PublicCount < 0 || PublicCount >= VariableCount) Fail($"has {PublicCount} public signals for {VariableCount} variables");
        if (DomainSize < 1 || !BitOperations.IsPow2(DomainSize) || DomainSize > 1 << 28) Fail($"has domain size {DomainSize}, not a power of two ≤ 2^28");
        if (DomainSize < PublicCount + 1) Fail($"has domain size {DomainSize}, too small for {PublicCount} public signals");
        if (IC is null || IC.Length != PublicCount + 1) Fail($"has {IC?.Length ?? 0} IC points (expected nPublic + 1 = {PublicCount + 1})");
        if (A is null || A.Length != VariableCount) Fail($"has {A?.Length ?? 0} A points (expected nVars = {VariableCount})");
        if (B1 is null || B1.Length != VariableCount) Fail($"has {B1?.Length ?? 0} B1 points (expected nVars = {VariableCount})");
        if (B2 is null || B2.Length != VariableCount) Fail($"has {B2?.Length ?? 0} B2 points (expected nVars = {VariableCount})");
        if (C is null || C.Length != VariableCount - PublicCount - 1) Fail($"has {C?.Length ?? 0} C points (expected nVars − nPublic − 1 = {VariableCount - PublicCount - 1})");
        if (H is null || H.Length != DomainSize) Fail($"has {H?.Length ?? 0} H points (expected the domain size {DomainSize})");
        if (Coefficients is null) Fail("has no coefficient list");
        for (int i = 0; i < Coefficients.Length; i++)
        {
            ZkeyCoefficient c = Coefficients[i];
            if (c.Matrix is not (QapMatrix.A or QapMatrix.B)) Fail($"coefficient {i} names matrix {(int)c.Matrix} (expected 0 = A or 1 = B)");
            if ((uint)c.Constraint >= (uint)DomainSize) Fail($"coefficient {i} has row {c.Constraint}, outside the domain of size {DomainSize}");
            if ((uint)c.Signal >= (uint)VariableCount) Fail($"coefficient {i} has signal {c.Signal}, but there are only {VariableCount} variables");
        }
        if (!Beta2.IsInSubgroup || !Gamma2.IsInSubgroup || !Delta2.IsInSubgroup) Fail("has a header G2 point outside G2");
    }
}
