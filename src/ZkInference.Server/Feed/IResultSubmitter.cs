using System.Numerics;

namespace ZkInference.Server.Feed;

/// <summary>Sends a proved result to the market.</summary>
public interface IResultSubmitter
{
    /// <summary>The account the server submits from; proofs bind to it.</summary>
    string ServerAddress { get; }

    /// <summary>Submits the result and waits for its receipt.</summary>
    Task<SubmissionOutcome> SubmitAsync(BigInteger requestId, ProvedInference result, CancellationToken cancellation);
}

/// <summary>What the market made of a submission.</summary>
/// <param name="Accepted">True when the proof verified and the request settled.</param>
/// <param name="TransactionHash">The transaction that carried it.</param>
/// <param name="GasUsed">Gas used by that transaction.</param>
/// <param name="Reason">Why it was refused, when it was.</param>
public sealed record SubmissionOutcome(bool Accepted, string TransactionHash, ulong GasUsed, string? Reason = null);
