using Xunit;
using ZkInference.Groth16.Ptau;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>prepare phase2 reproduces snarkjs's Lagrange sections byte for byte.</summary>
public sealed class PtauPrepareTests
{
    [Theory]
    [InlineData("multiplier")]
    [InlineData("poseidon")]
    public void LagrangeSectionsEqualSnarkjs(string fixture)
    {
        string src = RepoPaths.Fixture(fixture, "pot_final.ptau");
        string dir = RepoPaths.NewTempDirectory("prep");
        string ours = Path.Combine(dir, "ours.ptau");
        PowersOfTau.PreparePhase2(src, ours);
        using PtauFile a = PtauFile.Open(src), b = PtauFile.Open(ours);
        Assert.True(b.IsPrepared);
        foreach (int s in new[] { 2, 3, 4, 5, 6, 7, 12, 13, 14, 15 })
            Assert.True(a.ReadSection(s, "x").AsSpan().SequenceEqual(b.ReadSection(s, "x")), $"section {s} differs");
    }
}
