using System.Numerics;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Server.Feed;

namespace ZkInference.Server.Chain;

/// <summary>
/// The market's InferenceRequested events, delivered only after the configured confirmations (through
/// <see cref="MarketEventWatcher"/>, which also detects a reorg deeper than that).
/// </summary>
public sealed class MarketRequestFeed : IRequestFeed
{
    private readonly ChainConnection chain;
    private readonly MarketClient client;
    private readonly int confirmations;
    private MarketEventWatcher? watcher;

    /// <summary>Reads requests from <paramref name="client"/>'s market with <paramref name="confirmations"/> blocks on top.</summary>
    public MarketRequestFeed(ChainConnection chain, MarketClient client, int confirmations)
    {
        this.chain = chain;
        this.client = client;
        this.confirmations = confirmations;
    }

    /// <inheritdoc />
    public async Task<RequestPage> ReadAsync(ulong fromBlock, CancellationToken cancellation)
    {
        if (watcher is null || watcher.NextBlock != fromBlock)
            watcher = new MarketEventWatcher(chain, client, confirmations, fromBlock);
        var events = await watcher.PollAsync(cancellation).ConfigureAwait(false);
        var requests = events
            .Where(e => e.Event is InferenceRequested)
            .Select(e =>
            {
                var r = (InferenceRequested)e.Event;
                return new ServedRequest(r.RequestId, r.ModelId, r.InputCommitment, r.User.ToString(), e.BlockNumber, r.CreatedAt);
            })
            .ToList();
        return new RequestPage(requests, watcher.NextBlock);
    }

    /// <inheritdoc />
    public async Task<RequestStanding> StandingAsync(BigInteger requestId, CancellationToken cancellation)
    {
        var request = await client.GetRequestAsync(requestId, cancellation).ConfigureAwait(false);
        if (request is null or { Status: RequestStatus.None }) return new RequestStanding(false, false, false, null);
        if (request.Status == RequestStatus.Pending) return RequestStanding.Pending;
        return new RequestStanding(false, request.Status == RequestStatus.Fulfilled, request.Status == RequestStatus.Rejected,
            request.Server.IsZero ? null : request.Server.ToString());
    }
}
