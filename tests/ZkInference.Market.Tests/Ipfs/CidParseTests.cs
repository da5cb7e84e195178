using Xunit;
using ZkInference.Market.Ipfs;

namespace ZkInference.Market.Tests.Ipfs;

public sealed class CidParseTests
{
    private const string HelloV0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    private const string HelloRaw = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

    [Fact]
    public void PartsOfAV0Cid()
    {
        Cid cid = Cid.Parse(HelloV0);
        Assert.Equal((0, Cid.DagPb), (cid.Version, cid.Codec));
        Assert.Equal(34, cid.ToBytes().Length);
        Assert.Equal(new byte[] { 0x12, 0x20 }, cid.ToBytes()[..2]);
    }

    [Fact]
    public void PartsOfARawCid()
    {
        Cid cid = Cid.Parse(HelloRaw);
        Assert.Equal((1, Cid.Raw), (cid.Version, cid.Codec));
        Assert.Equal("a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447", Convert.ToHexStringLower(cid.Digest));
        Assert.Equal(new byte[] { 0x01, 0x55, 0x12, 0x20 }, cid.ToBytes()[..4]);
    }

    [Fact]
    public void OtherMultibasesOfTheSameCid()
    {
        Cid cid = Cid.Parse(HelloRaw);
        Assert.Equal(cid, Cid.Parse(HelloRaw.ToUpperInvariant()));              // 'B' base32upper
        Assert.Equal(cid, Cid.Parse("z" + Base58.Encode(cid.ToBytes())));       // 'z' base58btc
        Assert.Equal(HelloRaw, Cid.Parse("z" + Base58.Encode(cid.ToBytes())).ToString());
    }

    [Fact]
    public void EqualityIsVersionCodecAndDigest()
    {
        Cid v0 = Cid.Parse(HelloV0);
        Assert.NotEqual(v0, v0.ToV1());
        Assert.Equal(v0.ToV1(), Cid.Parse(v0.ToV1().ToString()));
        Assert.Equal(v0.ToV1().GetHashCode(), Cid.Parse(v0.ToV1().ToString()).GetHashCode());
        Assert.NotEqual(Cid.V1(Cid.Raw, v0.Digest), v0.ToV1());
    }

    public static TheoryData<string, string> BadCids()
    {
        string v1Body = HelloRaw[1..];
        static string B32(params byte[] bytes) => "b" + Base32.Encode(bytes);
        byte[] digest = new byte[32];
        return new TheoryData<string, string>
        {
            { "", "CID is empty" },
            { "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5", "a CIDv0 has 46 characters, not 45" },
            { "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff50", "invalid base58 character '0' at position 45" },
            { "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ffOo", "invalid base58 character 'O' at position 44" },
            { "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ffIo", "invalid base58 character 'I'" },
            { "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8fflo", "invalid base58 character 'l'" },
            { "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5ö", "invalid base58 character 'ö'" },
            { "f01551220" + new string('0', 64), "unsupported multibase prefix 'f'" },
            { "b" + v1Body[..^1] + "1", "invalid base32 character '1'" },
            { "b" + v1Body[..^1], "invalid base32 length" },
            { "b" + v1Body[..^1] + "5", "non-zero trailing bits" },
            { B32([0x01, 0x55, 0x13, 0x40, .. new byte[64]]), "unsupported multihash 0x13 (only sha2-256, 0x12, is supported)" },
            { B32([0x01, 0x55, 0x00, 0x05, 1, 2, 3, 4, 5]), "unsupported multihash 0x0" },
            { B32([0x01, 0x55, 0x12, 0x14, .. new byte[20]]), "sha2-256 digest length is 20, expected 32" },
            { B32([0x01, 0x55, 0x12, 0x20, .. new byte[31]]), "multihash declares 32 digest bytes but 31 follow" },
            { B32([0x01, 0x55, 0x12, 0x20, .. new byte[33]]), "multihash declares 32 digest bytes but 33 follow" },
            { B32([0x02, 0x55, 0x12, 0x20, .. digest]), "unsupported CID version 2" },
            { B32([0x12, 0x20, .. digest, 0]), "unsupported CID version 18" },
            { B32([0x01, 0xD5]), "truncated varint" },
            { B32([0x01, 0xD5, 0x00, 0x12, 0x20, .. digest]), "not minimally encoded" },
            { B32([0x01]), "truncated varint" },
        };
    }

    [Theory]
    [MemberData(nameof(BadCids))]
    public void BadCidsAreClearErrors(string text, string reason)
    {
        var e = Assert.Throws<IpfsException>(() => Cid.Parse(text));
        Assert.Contains(reason, e.Message);
        Assert.False(Cid.TryParse(text, out Cid? cid, out string? error));
        Assert.Null(cid);
        Assert.Equal(e.Message, error);
        if (text.Length > 0) Assert.StartsWith("CID \"", e.Message);
    }

    [Fact]
    public void OtherCodecsParseButCannotBeVerified()
    {
        Cid cbor = Cid.V1(0x71, Cid.Parse(HelloRaw).Digest);
        Assert.Equal(cbor, Cid.Parse(cbor.ToString()));
        var e = Assert.Throws<IpfsException>(() => new CidVerifier(cbor));
        Assert.Contains("codec 0x71 cannot be checked", e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void BadOptionsAreErrors(int version) =>
        Assert.Throws<IpfsException>(() => new UnixFsBuilder(new UnixFsOptions { CidVersion = version }));

    [Fact]
    public void BadChunkSizesAndFanOutsAreErrors()
    {
        Assert.Throws<IpfsException>(() => new UnixFsBuilder(new UnixFsOptions { ChunkSize = 0 }));
        Assert.Throws<IpfsException>(() => new UnixFsBuilder(new UnixFsOptions { ChunkSize = UnixFsOptions.MaxChunkSize + 1 }));
        Assert.Throws<IpfsException>(() => new UnixFsBuilder(new UnixFsOptions { MaxLinks = 1 }));
        Assert.Throws<IpfsException>(() => UnixFsOptions.ForCidVersion(3));
    }

    [Fact]
    public void MissingFileIsAnIpfsError()
    {
        var e = Assert.Throws<IpfsException>(() => UnixFs.ComputeFileCid("/nonexistent/weights.bin"));
        Assert.Contains("/nonexistent/weights.bin: cannot be read", e.Message);
    }
}
