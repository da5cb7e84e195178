using ZkInference.Server.Feed;

namespace ZkInference.Server.Journal;

/// <summary>One request in the journal: the on-chain request, its state and what came of it.</summary>
public sealed record JournalEntry
{
    /// <summary>The request as read from the chain.</summary>
    public required ServedRequest Request { get; init; }

    /// <summary>Its state.</summary>
    public RequestState State { get; init; }

    /// <summary>The submission's transaction, once sent.</summary>
    public string? TransactionHash { get; init; }

    /// <summary>Gas used by the submission.</summary>
    public ulong GasUsed { get; init; }

    /// <summary>The decoded outputs, once proved.</summary>
    public string? DecodedOutputJson { get; init; }

    /// <summary>The proof as snarkjs JSON, once proved.</summary>
    public string? ProofJson { get; init; }

    /// <summary>Witness plus proof time in milliseconds.</summary>
    public double ProvingMilliseconds { get; init; }

    /// <summary>Why the request failed or was refused.</summary>
    public string? Reason { get; init; }
}
