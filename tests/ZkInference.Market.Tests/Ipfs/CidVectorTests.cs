using System.Security.Cryptography;
using Xunit;
using ZkInference.Market.Ipfs;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>Every CID in shared/vectors/ipfs, recomputed from the bytes.</summary>
public sealed class CidVectorTests
{
    public static TheoryData<string, string> Profiles()
    {
        var data = new TheoryData<string, string>();
        foreach (IpfsVector v in IpfsVectors.All)
            foreach (string profile in new[] { "v0", "v1", "v1_rawLeaves" })
                data.Add(v.Name, profile);
        return data;
    }

    /// <summary>The option set each profile of cids.json stands for.</summary>
    internal static UnixFsOptions OptionsFor(string profile) => profile switch
    {
        "v0" => UnixFsOptions.Kubo,
        "v1" => new UnixFsOptions { CidVersion = 1 },
        "v1_rawLeaves" => UnixFsOptions.KuboV1,
        _ => throw new ArgumentException(profile),
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ComputedCidMatchesVector(string name, string profile)
    {
        IpfsVector v = IpfsVectors.Named(name);
        using Stream input = v.Open();
        Assert.Equal(v.Cids[profile], UnixFs.ComputeCid(input, OptionsFor(profile)).ToString());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void VectorsParseAndPrintBack(string name, string profile)
    {
        IpfsVector v = IpfsVectors.Named(name);
        Cid cid = Cid.Parse(v.Cids[profile]);
        Assert.Equal(v.Cids[profile], cid.ToString());
        Assert.Equal(cid, Cid.FromBytes(cid.ToBytes()));
    }

    [Fact]
    public void GeneratedInputsMatchTheirRecordedSha256()
    {
        // Guards the test's own det(n) generator: a wrong generator would make the CID tests meaningless.
        foreach (IpfsVector v in IpfsVectors.All)
        {
            using Stream input = v.Open();
            Assert.Equal(v.Sha256, Convert.ToHexStringLower(SHA256.HashData(input)));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void V0ToV1IsTheSameBlock(string name, string profile)
    {
        if (profile != "v0") return;
        IpfsVector v = IpfsVectors.Named(name);
        Cid v0 = Cid.Parse(v.Cids["v0"]);
        Assert.Equal(v.Cids["v0_toV1"], v0.ToV1().ToString());
        Assert.Equal(0, v0.Version);
        Assert.True(v0.Digest.SequenceEqual(v0.ToV1().Digest));
    }

    [Theory]
    [InlineData("random_100B.bin")]
    [InlineData("random_1MiB.bin")]
    [InlineData("random_1MB.bin")]
    public void HeliaDefaultsMatch(string name)
    {
        // helia's addBytes() defaults are plain option values (1 MiB chunks, 1024 links, raw leaves, v1): all three
        // files fit in one chunk, so each CID is the raw block's.
        IpfsVector v = IpfsVectors.Named(name);
        using Stream input = v.Open();
        Assert.Equal(IpfsVectors.HeliaDefaults()[name], UnixFs.ComputeCid(input, UnixFsOptions.HeliaDefaults).ToString());
    }

    [Fact]
    public void EveryHeliaVectorIsCovered() =>
        Assert.Equal(["random_100B.bin", "random_1MB.bin", "random_1MiB.bin"], IpfsVectors.HeliaDefaults().Keys.Order().ToArray());

    [Fact]
    public void WellKnownAnchors()
    {
        Assert.Equal("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", UnixFs.ComputeCid([]).ToString());
        Assert.Equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", UnixFs.ComputeCid("hello world\n"u8).ToString());
    }
}
