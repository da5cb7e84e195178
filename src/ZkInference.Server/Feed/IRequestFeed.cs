namespace ZkInference.Server.Feed;

/// <summary>The requests the market has seen, read with enough confirmations that a reorg cannot undo them.</summary>
public interface IRequestFeed
{
    /// <summary>
    /// Requests in blocks <paramref name="fromBlock"/> up to the newest block with the configured confirmations,
    /// and the block to continue from next time (one past the last block read).
    /// </summary>
    Task<RequestPage> ReadAsync(ulong fromBlock, CancellationToken cancellation);

    /// <summary>Whether the market still waits for a result of this request (not fulfilled, refunded or cancelled).</summary>
    Task<bool> IsOpenAsync(System.Numerics.BigInteger requestId, CancellationToken cancellation);
}

/// <summary>One read of the feed.</summary>
/// <param name="Requests">The new requests, in chain order.</param>
/// <param name="NextBlock">Where the next read starts.</param>
public sealed record RequestPage(IReadOnlyList<ServedRequest> Requests, ulong NextBlock);
