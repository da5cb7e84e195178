using System.Security.Cryptography;

namespace ZkInference.Market.Ipfs;

/// <summary>
/// Checks streamed bytes against a CID. A raw CID names the bytes' own sha2-256. A dag-pb CID names a UnixFS DAG,
/// whose root depends on how the file was imported, so the bytes are re-imported under each candidate
/// <see cref="UnixFsOptions"/> of the CID's version at once, and one of them must give the CID.
/// </summary>
public sealed class CidVerifier
{
    private readonly Cid _expected;
    private readonly List<(UnixFsOptions Options, UnixFsBuilder Builder)> _builders = [];
    private readonly IncrementalHash? _raw;

    /// <summary>
    /// The profiles tried for dag-pb CIDs when none are given: <c>ipfs add</c> (v0), <c>ipfs add --cid-version=1</c>
    /// (raw leaves), CIDv1 with dag-pb leaves (ipfs-only-hash), and helia's <c>addBytes()</c> defaults.
    /// </summary>
    public static IReadOnlyList<UnixFsOptions> DefaultProfiles { get; } =
        [UnixFsOptions.Kubo, UnixFsOptions.KuboV1, new UnixFsOptions { CidVersion = 1 }, UnixFsOptions.HeliaDefaults];

    /// <summary>Starts checking bytes against <paramref name="expected"/>.</summary>
    /// <exception cref="IpfsException">The CID's codec is neither dag-pb nor raw, or no profile has its version.</exception>
    public CidVerifier(Cid expected, IReadOnlyList<UnixFsOptions>? profiles = null)
    {
        _expected = expected ?? throw new ArgumentNullException(nameof(expected));
        if (expected.Codec == Cid.Raw)
        {
            _raw = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            return;
        }
        if (expected.Codec != Cid.DagPb)
            throw new IpfsException($"{expected}: content of codec 0x{expected.Codec:x} cannot be checked (only dag-pb UnixFS files and raw blocks)");
        foreach (UnixFsOptions options in profiles ?? DefaultProfiles)
            if (options.CidVersion == expected.Version) _builders.Add((options, new UnixFsBuilder(options)));
        if (_builders.Count == 0) throw new IpfsException($"{expected}: no import profile with CID version {expected.Version} to check it with");
    }

    /// <summary>The number of bytes seen so far.</summary>
    public long Length { get; private set; }

    /// <summary>Feeds the next bytes.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        if (_raw != null) _raw.AppendData(data);
        foreach (var (_, builder) in _builders) builder.Write(data);
    }

    /// <summary>The options whose import gives the expected CID.</summary>
    /// <exception cref="IpfsContentMismatchException">The bytes do not have the expected CID under any profile.</exception>
    public UnixFsOptions? Complete()
    {
        if (_raw != null)
        {
            var actual = Cid.V1(Cid.Raw, _raw.GetHashAndReset());
            if (!actual.Equals(_expected)) throw new IpfsContentMismatchException(_expected, actual.ToString(), Length);
            return null;
        }
        var computed = new List<Cid>();
        foreach (var (options, builder) in _builders)
        {
            Cid cid = builder.Complete();
            if (cid.Equals(_expected)) return options;
            computed.Add(cid);
        }
        throw new IpfsContentMismatchException(_expected, string.Join(" or ", computed.Distinct()), Length);
    }
}
