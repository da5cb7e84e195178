using System.Numerics;
using ZkInference.Groth16;

namespace ZkInference.Server.Feed;

/// <summary>Runs a model on an input inside its circuit and proves it.</summary>
public interface IInferenceProver
{
    /// <summary>Whether this server holds the model (its circuit, settings and proving key).</summary>
    bool Serves(BigInteger modelId);

    /// <summary>The commitment the circuit computes for this input; throws a clear error when the input is malformed.</summary>
    BigInteger InputCommitment(BigInteger modelId, string inputJson);

    /// <summary>Computes the witness for the request's input, bound to the request id and the server, and proves it.</summary>
    ProvedInference Prove(ServedRequest request, string inputJson, string serverAddress, CancellationToken cancellation);
}

/// <summary>A proved inference ready to submit.</summary>
/// <param name="Outputs">The output public signals, as the market receives them.</param>
/// <param name="Proof">The Groth16 proof with every public signal.</param>
/// <param name="DecodedOutputJson">The outputs decoded to floats, as JSON.</param>
/// <param name="ProvingTime">Witness plus proof time.</param>
public sealed record ProvedInference(
    IReadOnlyList<BigInteger> Outputs,
    ProofWithPublicSignals Proof,
    string DecodedOutputJson,
    TimeSpan ProvingTime);
