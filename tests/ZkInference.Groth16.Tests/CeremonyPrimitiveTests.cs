using System.Text;
using Xunit;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;

namespace ZkInference.Groth16.Tests;

/// <summary>BLAKE2b, ChaCha and snarkjs's draws of field elements and points, against values printed by ffjavascript/noble.</summary>
public sealed class CeremonyPrimitiveTests
{
    private const string HashHex = "d58bf582e84106e521c491f0d5af9cc2bdc7d9d99b8641e441587e0065a41aad368d00aee7862917b3ae25d523b4c8a1bdbbf077db01abe262e0489c8e1d8a79";

    [Fact]
    public void Blake2bMatchesNoble() =>
        Assert.Equal(HashHex, Convert.ToHexStringLower(Blake2b.Hash(Encoding.UTF8.GetBytes("zkinference"))));

    [Fact]
    public void Blake2bKnownAnswerForEmptyInput() =>
        Assert.StartsWith("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419", Convert.ToHexStringLower(Blake2b.Hash([])));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(1000)]
    public void PartialStateResumesToTheSameDigest(int split)
    {
        byte[] data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var h = new Blake2b();
        h.Update(data.AsSpan(0, split));
        var resumed = Blake2b.FromPartialState(h.ExportPartialState());
        resumed.Update(data.AsSpan(split));
        Assert.Equal(Blake2b.Hash(data), resumed.Digest());
    }

    [Fact]
    public void DrawsMatchFfjavascript()
    {
        var rng = ChaChaRng.FromHash(Convert.FromHexString(HashHex));
        Assert.Equal("14212410926367721353906132104738172216092619199513738183533287906707555650142", SnarkjsRandom.NextFr(rng).ToString());
        G1Affine g1 = SnarkjsRandom.NextG1(rng);
        G2Affine g2 = SnarkjsRandom.NextG2(rng);
        var b = new byte[128];
        PointEncoding.WriteUncompressed(g1, b);
        Assert.Equal("192ab36301797ff41fcfa36b69a8f585bdda16ff70d7e4db43395c48af2f186d15fa67f4c98eb38c599a3aaee83353056a5cc347c0edfbfe8fdbb0de5278c9d4", Convert.ToHexStringLower(b, 0, 64));
        PointEncoding.WriteUncompressed(g2, b);
        Assert.Equal("0d1bdbbfb5ed886b6de18eb6ecaecb2781e92b5a93944699f137d8fc8de0075920631b4922eff71ce60533dea77eb606bd670fe498dd6a3be056958f12e8cfa206a6fc0c91043a8d29f0ff0bafa60dab929b873b517964f07b7492c02ada988517fce933cc9ab76a80c2ddba31a480cc4298ebec687e7487c4550b6513e74414", Convert.ToHexStringLower(b));
        PointEncoding.WriteCompressed(g1, b);
        Assert.Equal("192ab36301797ff41fcfa36b69a8f585bdda16ff70d7e4db43395c48af2f186d", Convert.ToHexStringLower(b, 0, 32));
        PointEncoding.WriteCompressed(g2, b);
        Assert.Equal("0d1bdbbfb5ed886b6de18eb6ecaecb2781e92b5a93944699f137d8fc8de0075920631b4922eff71ce60533dea77eb606bd670fe498dd6a3be056958f12e8cfa2", Convert.ToHexStringLower(b, 0, 64));
        Assert.True(g2.IsInSubgroup);
    }
}
