namespace ZkInference.Server;

/// <summary>How the prover server runs.</summary>
public sealed record ServerOptions
{
    /// <summary>Where the journal (cursor, request states, posted inputs) lives.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Proofs computed at once; by default one per two cores (each proof is itself parallel), at least one.</summary>
    public int MaxConcurrentProofs { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How often the chain is read for new requests.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where inputs referenced by an IPFS CID are fetched from (every byte checked against the CID); null: users
    /// must post their inputs.
    /// </summary>
    public ZkInference.Market.Ipfs.IpfsFetcher? InputFetcher { get; init; }

    /// <summary>The largest input accepted by CID.</summary>
    public int MaxInputBytes { get; init; } = 4 << 20;

    /// <summary>The first block to read when no journal exists yet.</summary>
    public ulong StartBlock { get; init; }
}
