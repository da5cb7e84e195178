using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>
/// The eight-lane FFT butterflies (<see cref="G1Jacobian.AddSubtractMany"/>, G2 alike) against one-point
/// additions: random pairs with Z ≠ 1, and lanes that the shared formula cannot take (identities on either
/// side, a = b, a = −b), in lengths that leave a tail.
/// </summary>
public sealed class AddSubtractManyTests
{
    [Property(MaxTest = 10)]
    public bool G1MatchesOnePointAdditions(int seed, byte extra)
    {
        var rng = new Random(seed);
        int n = 8 + extra % 20;
        var a = new G1Jacobian[n];
        var b = new G1Jacobian[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = G1Jacobian.Generator * Fr.Random(rng);
            b[i] = (i % 6) switch
            {
                1 => G1Jacobian.Infinity,
                2 => a[i],
                3 => -a[i],
                _ => G1Jacobian.Generator * Fr.Random(rng),
            };
            if (i % 9 == 4) a[i] = G1Jacobian.Infinity;
        }
        var sums = a.Select((p, i) => p + b[i]).ToArray();
        var differences = a.Select((p, i) => p - b[i]).ToArray();
        G1Jacobian.AddSubtractMany(a, b);
        return sums.SequenceEqual(a) && differences.SequenceEqual(b) && a.All(p => p.IsOnCurve) && b.All(p => p.IsOnCurve);
    }

    [Property(MaxTest = 5)]
    public bool G2MatchesOnePointAdditions(int seed, byte extra)
    {
        var rng = new Random(seed);
        int n = 8 + extra % 12;
        var a = new G2Jacobian[n];
        var b = new G2Jacobian[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = G2Jacobian.Generator * Fr.Random(rng);
            b[i] = (i % 6) switch
            {
                1 => G2Jacobian.Infinity,
                2 => a[i],
                3 => -a[i],
                _ => G2Jacobian.Generator * Fr.Random(rng),
            };
            if (i % 9 == 4) a[i] = G2Jacobian.Infinity;
        }
        var sums = a.Select((p, i) => p + b[i]).ToArray();
        var differences = a.Select((p, i) => p - b[i]).ToArray();
        G2Jacobian.AddSubtractMany(a, b);
        return sums.SequenceEqual(a) && differences.SequenceEqual(b) && a.All(p => p.IsOnCurve) && b.All(p => p.IsOnCurve);
    }

    [Fact]
    public void LengthsMustMatch()
    {
        Assert.Throws<ArgumentException>(() => G1Jacobian.AddSubtractMany(new G1Jacobian[3], new G1Jacobian[2]));
    }
}
