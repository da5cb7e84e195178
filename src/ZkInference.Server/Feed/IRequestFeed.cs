namespace ZkInference.Server.Feed;

/// <summary>The requests the market has seen, read with enough confirmations that a reorg cannot undo them.</summary>
public interface IRequestFeed
{
    /// <summary>
    /// Requests in blocks <paramref name="fromBlock"/> up to the newest block with the configured confirmations,
    /// and the block to continue from next time (one past the last block read).
    /// </summary>
    Task<RequestPage> ReadAsync(ulong fromBlock, CancellationToken cancellation);

    /// <summary>Where the request stands on chain: still open, or who closed it and how.</summary>
    Task<RequestStanding> StandingAsync(System.Numerics.BigInteger requestId, CancellationToken cancellation);
}

/// <summary>A request's standing on chain.</summary>
/// <param name="Open">The market still waits for a result (not fulfilled, refunded or cancelled).</param>
/// <param name="Fulfilled">A valid proof settled it.</param>
/// <param name="Rejected">An invalid proof refunded it.</param>
/// <param name="Server">The server whose submission closed it (null when cancelled or open).</param>
public sealed record RequestStanding(bool Open, bool Fulfilled, bool Rejected, string? Server)
{
    /// <summary>An open request.</summary>
    public static RequestStanding Pending { get; } = new(true, false, false, null);

    /// <summary>Whether <paramref name="server"/>'s own submission closed it.</summary>
    public bool ClosedBy(string server) => !Open && Server is not null && string.Equals(Server, server, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One read of the feed.</summary>
/// <param name="Requests">The new requests, in chain order.</param>
/// <param name="NextBlock">Where the next read starts.</param>
public sealed record RequestPage(IReadOnlyList<ServedRequest> Requests, ulong NextBlock);
