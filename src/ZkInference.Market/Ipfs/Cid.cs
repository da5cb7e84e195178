using System.Security.Cryptography;

namespace ZkInference.Market.Ipfs;

/// <summary>
/// A content identifier with a sha2-256 multihash: CIDv0 (dag-pb, text "Qm…" in base58btc) or CIDv1
/// (version, content codec, multihash; text in multibase, base32 "b…" by default). Immutable; equal when version,
/// codec and digest are equal.
/// </summary>
public sealed class Cid : IEquatable<Cid>
{
    /// <summary>Multicodec of dag-pb, the protobuf node format of UnixFS files and directories.</summary>
    public const ulong DagPb = 0x70;

    /// <summary>Multicodec of raw blocks: the bytes themselves (raw leaves).</summary>
    public const ulong Raw = 0x55;

    /// <summary>Multihash code of sha2-256.</summary>
    public const ulong Sha2_256 = 0x12;

    private readonly byte[] _digest;

    private Cid(int version, ulong codec, byte[] digest)
    {
        Version = version;
        Codec = codec;
        _digest = digest;
    }

    /// <summary>0 or 1.</summary>
    public int Version { get; }

    /// <summary>The content's multicodec (always <see cref="DagPb"/> for version 0).</summary>
    public ulong Codec { get; }

    /// <summary>The 32-byte sha2-256 digest of the block.</summary>
    public ReadOnlySpan<byte> Digest => _digest;

    /// <summary>A CIDv0 of a dag-pb block with this sha2-256 digest.</summary>
    public static Cid V0(ReadOnlySpan<byte> sha256) => new(0, DagPb, CheckDigest(sha256));

    /// <summary>A CIDv1 of a block with this codec and sha2-256 digest.</summary>
    public static Cid V1(ulong codec, ReadOnlySpan<byte> sha256) => new(1, codec, CheckDigest(sha256));

    /// <summary>The CID (of the given version) of a block's bytes.</summary>
    public static Cid OfBlock(int version, ulong codec, ReadOnlySpan<byte> block)
    {
        if (version == 0 && codec != DagPb) throw new IpfsException($"a CIDv0 is always dag-pb, not codec 0x{codec:x}");
        return version == 0 ? V0(SHA256.HashData(block)) : V1(codec, SHA256.HashData(block));
    }

    /// <summary>The same block as a CIDv1 (a CIDv1 is returned unchanged).</summary>
    public Cid ToV1() => Version == 1 ? this : new Cid(1, Codec, _digest);

    /// <summary>The multihash: code 0x12, length 32, digest.</summary>
    public byte[] Multihash() => [(byte)Sha2_256, 32, .. _digest];

    /// <summary>Binary form, as dag-pb links hold it: the multihash for v0; 0x01, codec varint, multihash for v1.</summary>
    public byte[] ToBytes()
    {
        if (Version == 0) return Multihash();
        var bytes = new List<byte>(4 + 34) { 1 };
        Varint.Write(bytes, Codec);
        bytes.AddRange(Multihash());
        return [.. bytes];
    }

    /// <summary>Text form: base58btc for v0, multibase base32 ('b' prefix, lowercase) for v1.</summary>
    public override string ToString() => Version == 0 ? Base58.Encode(Multihash()) : "b" + Base32.Encode(ToBytes());

    /// <summary>
    /// Parses a CID's text: a 46-character base58btc "Qm…" CIDv0, or a multibase CIDv1 in base32 ('b' or 'B') or
    /// base58btc ('z').
    /// </summary>
    /// <exception cref="IpfsException">The text is not a valid CID, or its multihash is not sha2-256 (the only one supported).</exception>
    public static Cid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string what = $"CID \"{Shorten(text)}\"";
        if (text.Length == 0) throw new IpfsException("CID is empty");
        try
        {
            if (text.StartsWith("Qm", StringComparison.Ordinal))
            {
                if (text.Length != 46) throw new IpfsException($"a CIDv0 has 46 characters, not {text.Length}");
                byte[] multihash = Base58.Decode(text);
                return new Cid(0, DagPb, ReadMultihash(multihash, 0, what));
            }
            byte[] bytes = text[0] switch
            {
                'b' or 'B' => Base32.Decode(text[1..]),
                'z' => Base58.Decode(text[1..]),
                _ => throw new IpfsException($"unsupported multibase prefix '{text[0]}' (expected a \"Qm…\" CIDv0, or 'b' base32 / 'z' base58btc CIDv1)"),
            };
            return FromBytes(bytes, what);
        }
        catch (IpfsException e) when (!e.Message.StartsWith(what, StringComparison.Ordinal))
        {
            throw new IpfsException($"{what}: {e.Message}", e);
        }
    }

    /// <summary>Parses a CID's text, or returns false with the reason.</summary>
    public static bool TryParse(string text, out Cid? cid, out string? error)
    {
        try
        {
            cid = Parse(text);
            error = null;
            return true;
        }
        catch (IpfsException e)
        {
            cid = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses a binary CID: a bare sha2-256 multihash (v0) or version 1, codec, multihash.</summary>
    /// <exception cref="IpfsException">The bytes are not a valid CID.</exception>
    public static Cid FromBytes(ReadOnlySpan<byte> bytes, string what = "CID")
    {
        if (bytes.Length == 34 && bytes[0] == Sha2_256 && bytes[1] == 32) return new Cid(0, DagPb, ReadMultihash(bytes, 0, what));
        int offset = 0;
        ulong version = Varint.Read(bytes, ref offset, what);
        if (version != 1) throw new IpfsException($"{what}: unsupported CID version {version}");
        ulong codec = Varint.Read(bytes, ref offset, what);
        return new Cid(1, codec, ReadMultihash(bytes, offset, what));
    }

    /// <inheritdoc/>
    public bool Equals(Cid? other) => other is not null && Version == other.Version && Codec == other.Codec && _digest.AsSpan().SequenceEqual(other._digest);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Cid);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Version, Codec, BitConverter.ToInt32(_digest, 0));

    private static byte[] ReadMultihash(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        ulong code = Varint.Read(bytes, ref offset, what + " multihash");
        ulong length = Varint.Read(bytes, ref offset, what + " multihash");
        if (code != Sha2_256) throw new IpfsException($"{what}: unsupported multihash 0x{code:x} (only sha2-256, 0x12, is supported)");
        if (length != 32) throw new IpfsException($"{what}: sha2-256 digest length is {length}, expected 32");
        int remaining = bytes.Length - offset;
        if (remaining != 32) throw new IpfsException($"{what}: multihash declares 32 digest bytes but {remaining} follow");
        return bytes.Slice(offset, 32).ToArray();
    }

    private static byte[] CheckDigest(ReadOnlySpan<byte> sha256) =>
        sha256.Length == 32 ? sha256.ToArray() : throw new IpfsException($"a sha2-256 digest has 32 bytes, not {sha256.Length}");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
