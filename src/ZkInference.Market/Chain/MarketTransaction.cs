using ZkInference.Market.Engine;

namespace ZkInference.Market.Chain;

/// <summary>A mined, successful transaction to the market and the events it emitted, in log order.</summary>
/// <param name="Hash">Transaction hash.</param>
/// <param name="BlockNumber">Block it was mined in.</param>
/// <param name="GasUsed">Gas it used.</param>
/// <param name="Events">The market's events from its logs.</param>
public sealed record MarketTransaction(string Hash, ulong BlockNumber, long GasUsed, IReadOnlyList<MarketEvent> Events);

/// <summary>
/// The outcome of a result submission. A rejected proof is not a failed transaction: the contract refunds the
/// user and penalises the server, so <see cref="Accepted"/> is false and <see cref="Rejection"/> says so.
/// </summary>
/// <param name="Transaction">The mined transaction.</param>
/// <param name="Accepted">Whether the verifier accepted the proof and the escrow was paid out.</param>
public sealed record SubmitOutcome(MarketTransaction Transaction, bool Accepted)
{
    /// <summary>The ResultAccepted event when accepted.</summary>
    public ResultAccepted? Result => Transaction.Events.OfType<ResultAccepted>().SingleOrDefault();

    /// <summary>The ProofRejected event when rejected.</summary>
    public ProofRejected? Rejection => Transaction.Events.OfType<ProofRejected>().SingleOrDefault();
}

/// <summary>A market event with where it was logged.</summary>
/// <param name="Event">The event.</param>
/// <param name="BlockNumber">Its block.</param>
/// <param name="BlockHash">Its block's hash.</param>
/// <param name="TransactionHash">Its transaction.</param>
/// <param name="LogIndex">Its index in the block.</param>
public sealed record ChainEvent(MarketEvent Event, ulong BlockNumber, string BlockHash, string TransactionHash, int LogIndex);

/// <summary>Per-transaction options.</summary>
public sealed record TxOptions
{
    /// <summary>The default: estimate gas and add <see cref="GasMarginPercent"/>.</summary>
    public static TxOptions Default { get; } = new();

    /// <summary>An explicit gas limit (no estimate); null estimates.</summary>
    public long? GasLimit { get; init; }

    /// <summary>
    /// Percent added to the estimate. Estimates of pairing-heavy calls can come out too low (the verifier's
    /// gas is forwarded with a fixed amount the estimator may not account for), hence a generous default.
    /// </summary>
    public int GasMarginPercent { get; init; } = 30;
}
