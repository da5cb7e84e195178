namespace ZkInference.Groth16;

/// <summary>Section types of a Groth16 <c>.zkey</c>, in the order snarkjs writes them.</summary>
public enum ZkeySection
{
    /// <summary>Protocol id (u32; 1 = Groth16).</summary>
    Protocol = 1,
    /// <summary>Groth16 header: primes, sizes, α₁, β₁, β₂, γ₂, δ₁, δ₂.</summary>
    Header = 2,
    /// <summary>IC points.</summary>
    IC = 3,
    /// <summary>A/B coefficients.</summary>
    Coefficients = 4,
    /// <summary>A points (G1).</summary>
    PointsA = 5,
    /// <summary>B points (G1).</summary>
    PointsB1 = 6,
    /// <summary>B points (G2).</summary>
    PointsB2 = 7,
    /// <summary>C points of the private wires (G1).</summary>
    PointsC = 8,
    /// <summary>H points (G1).</summary>
    PointsH = 9,
    /// <summary>Phase-2 contributions (MPC transcript).</summary>
    Contributions = 10,
}
