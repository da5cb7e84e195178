using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace ZkInference.Market.Chain;

/// <summary>
/// Delivers the market's events once each, in chain order, only after <see cref="Confirmations"/> further blocks
/// sit on top of their block, so a reorganisation shallower than that never shows an event that later vanishes.
/// Each poll also checks that the last delivered block is still on the chain: a deeper reorganisation throws
/// instead of being missed silently. Poll it from a loop (the prover server) or a test.
/// </summary>
public sealed class MarketEventWatcher
{
    private readonly MarketClient _client;
    private readonly ChainConnection _chain;
    private (ulong Number, string Hash)? _lastDelivered;

    /// <summary>Watches <paramref name="client"/>'s market from <paramref name="fromBlock"/> on.</summary>
    public MarketEventWatcher(ChainConnection chain, MarketClient client, int confirmations, ulong fromBlock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(confirmations);
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Confirmations = confirmations;
        NextBlock = fromBlock;
    }

    /// <summary>Blocks required on top of an event's block before it is delivered (0: deliver at once).</summary>
    public int Confirmations { get; }

    /// <summary>The first block not yet scanned.</summary>
    public ulong NextBlock { get; private set; }

    /// <summary>The events confirmed since the last poll.</summary>
    /// <exception cref="MarketException">The last delivered block was reorganised away (a reorg deeper than the confirmations).</exception>
    public async Task<IReadOnlyList<ChainEvent>> PollAsync(CancellationToken cancellationToken = default)
    {
        ulong head = (ulong)(await _chain.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        if (_lastDelivered is (ulong number, string hash))
        {
            string? now = await BlockHashAsync(number, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(now, hash, StringComparison.OrdinalIgnoreCase))
                throw new MarketException($"block {number} ({hash}) was reorganised away after its events were delivered: the chain reorganised deeper than {Confirmations} confirmations");
        }
        if (head < (ulong)Confirmations) return [];
        ulong confirmedTip = head - (ulong)Confirmations;
        if (confirmedTip < NextBlock) return [];
        IReadOnlyList<ChainEvent> events = await _client.GetEventsAsync(NextBlock, confirmedTip, cancellationToken).ConfigureAwait(false);
        string? tipHash = await BlockHashAsync(confirmedTip, cancellationToken).ConfigureAwait(false);
        if (tipHash is not null) _lastDelivered = (confirmedTip, tipHash);
        NextBlock = confirmedTip + 1;
        return events;
    }

    private async Task<string?> BlockHashAsync(ulong number, CancellationToken ct)
    {
        BlockWithTransactionHashes? b = await _chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new BlockParameter(new HexBigInteger(number))).WaitAsync(ct).ConfigureAwait(false);
        return b?.BlockHash;
    }
}
