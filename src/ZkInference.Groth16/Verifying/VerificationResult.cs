namespace ZkInference.Groth16;

/// <summary>Why a proof was rejected.</summary>
public enum VerificationFailure
{
    /// <summary>Not rejected.</summary>
    None,
    /// <summary>The number of public signals differs from the key's nPublic.</summary>
    PublicInputCount,
    /// <summary>A public signal is not a canonical field element (≥ r, or not a decimal number).</summary>
    PublicInputOutOfRange,
    /// <summary>A proof point is not on the curve or not in its subgroup (snarkjs: "Proof commitments are not valid.").</summary>
    InvalidProofPoint,
    /// <summary>The points are valid but the pairing equation does not hold (snarkjs: "Invalid proof").</summary>
    PairingCheckFailed,
}

/// <summary>The verdict on one proof, with the reason when it is rejected.</summary>
/// <param name="Failure">Why it failed, or <see cref="VerificationFailure.None"/>.</param>
/// <param name="Message">"OK" or a sentence naming the problem.</param>
public sealed record VerificationResult(VerificationFailure Failure, string Message)
{
    /// <summary>Whether the proof is valid.</summary>
    public bool IsValid => Failure == VerificationFailure.None;

    /// <summary>The accepted verdict.</summary>
    public static VerificationResult Valid { get; } = new(VerificationFailure.None, "OK");

    internal static VerificationResult Fail(VerificationFailure failure, string message) => new(failure, message);
}
