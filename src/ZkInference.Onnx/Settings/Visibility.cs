namespace ZkInference.Onnx.Settings;

/// <summary>How a tensor of the model appears in the proof (EZKL's visibilities).</summary>
public enum Visibility
{
    /// <summary>Public signals: the verifier sees every element.</summary>
    Public,
    /// <summary>Private witness values: the verifier learns nothing about them.</summary>
    Private,
    /// <summary>Parameters only: constants folded into the circuit (products with them cost no constraints); the verification key fixes them.</summary>
    Fixed,
    /// <summary>Private, with their Poseidon commitment (see <see cref="Commitment.TensorCommitment"/>) as one public signal.</summary>
    Hashed,
}
