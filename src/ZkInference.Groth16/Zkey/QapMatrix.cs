namespace ZkInference.Groth16;

/// <summary>Which QAP matrix a stored zkey coefficient belongs to (snarkjs stores only A and B; C = A∘B in the prover).</summary>
public enum QapMatrix
{
    /// <summary>The A matrix (0 on disk).</summary>
    A = 0,

    /// <summary>The B matrix (1 on disk).</summary>
    B = 1,
}
