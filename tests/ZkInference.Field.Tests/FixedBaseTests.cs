using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>G1FixedBase/G2FixedBase (window tables, eight products in vector lanes) against the one-point multiplication.</summary>
public sealed class FixedBaseTests
{
    private static Fr[] Scalars(int seed, int n)
    {
        var rng = new Random(seed);
        var edge = Generators.EdgeValues(Fr.Modulus).Select(Fr.FromBigInteger).ToArray();
        return Enumerable.Range(0, n).Select(i => i % 3 == 0 ? edge[i / 3 % edge.Length] : Fr.Random(rng)).ToArray();
    }

    [Property(MaxTest = 5)]
    public bool G1MatchesOnePointMultiplication(int seed, byte extra)
    {
        var rng = new Random(seed);
        G1Affine p = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)).ToAffine();
        var k = Scalars(seed, 20 + extra % 30);
        var results = new G1Jacobian[k.Length];
        new G1FixedBase(p).Multiply(k, results);
        return k.Select((s, i) => G1Jacobian.Multiply(G1Jacobian.FromAffine(p), s) == results[i]).All(b => b);
    }

    [Property(MaxTest = 3)]
    public bool G2MatchesOnePointMultiplication(int seed, byte extra)
    {
        var k = Scalars(seed, 10 + extra % 20);
        var results = new G2Jacobian[k.Length];
        new G2FixedBase(G2Affine.Generator).Multiply(k, results);
        return k.Select((s, i) => G2Jacobian.Multiply(G2Jacobian.Generator, s) == results[i]).All(b => b);
    }

    [Fact]
    public void TheIdentityGivesTheIdentity()
    {
        var results = new G1Jacobian[9];
        new G1FixedBase(G1Affine.Infinity).Multiply(Scalars(1, 9), results);
        Assert.All(results, r => Assert.True(r.IsInfinity));
    }

    [Fact]
    public void LengthsMustMatch() =>
        Assert.Throws<ArgumentException>(() => new G1FixedBase(G1Affine.Generator).Multiply(new Fr[3], new G1Jacobian[2]));
}
