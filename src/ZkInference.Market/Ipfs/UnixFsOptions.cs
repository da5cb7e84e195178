namespace ZkInference.Market.Ipfs;

/// <summary>
/// How a file is cut and laid out as a UnixFS DAG. The same bytes give different CIDs under different options, so
/// a CID can only be recomputed with the options it was made with. Defaults are kubo's <c>ipfs add</c>.
/// </summary>
public sealed record UnixFsOptions
{
    /// <summary>The largest chunk accepted (4 MiB; kubo refuses chunks over 1 MiB, helia's default is 1 MiB).</summary>
    public const int MaxChunkSize = 4 << 20;

    /// <summary>CID version of the DAG's nodes: 0 (base58 "Qm…") or 1 (base32 "b…"). Default 0.</summary>
    public int CidVersion { get; init; }

    /// <summary>
    /// Leaves are raw blocks (codec raw, always CIDv1) rather than dag-pb UnixFS file nodes; a file of one chunk is
    /// then the raw block itself. Default false.
    /// </summary>
    public bool RawLeaves { get; init; }

    /// <summary>Fixed chunk size in bytes. Default 262144 (256 KiB).</summary>
    public int ChunkSize { get; init; } = 256 * 1024;

    /// <summary>Most links per inner node of the balanced layout. Default 174.</summary>
    public int MaxLinks { get; init; } = 174;

    /// <summary><c>ipfs add</c> (kubo) defaults: CIDv0, dag-pb leaves, 256 KiB chunks, 174 links, balanced.</summary>
    public static UnixFsOptions Kubo { get; } = new();

    /// <summary><c>ipfs add --cid-version=1</c> (kubo): as <see cref="Kubo"/> with CIDv1 and raw leaves.</summary>
    public static UnixFsOptions KuboV1 { get; } = new() { CidVersion = 1, RawLeaves = true };

    /// <summary>What <c>ipfs add</c> uses for a CID version: <see cref="Kubo"/> for 0, <see cref="KuboV1"/> for 1.</summary>
    public static UnixFsOptions ForCidVersion(int version) => version switch
    {
        0 => Kubo,
        1 => KuboV1,
        _ => throw new IpfsException($"CID version must be 0 or 1, not {version}"),
    };

    /// <summary>@helia/unixfs <c>addBytes()</c> defaults: CIDv1, raw leaves, 1 MiB chunks, 1024 links, balanced.</summary>
    public static UnixFsOptions HeliaDefaults { get; } = new() { CidVersion = 1, RawLeaves = true, ChunkSize = 1 << 20, MaxLinks = 1024 };

    /// <summary>Checks the options are usable.</summary>
    /// <exception cref="IpfsException">A value is out of range.</exception>
    public void Validate()
    {
        if (CidVersion is not (0 or 1)) throw new IpfsException($"CID version must be 0 or 1, not {CidVersion}");
        if (ChunkSize is < 1 or > MaxChunkSize) throw new IpfsException($"chunk size must be between 1 and {MaxChunkSize} bytes, not {ChunkSize}");
        if (MaxLinks < 2) throw new IpfsException($"a node needs room for at least 2 links, not {MaxLinks}");
    }
}
