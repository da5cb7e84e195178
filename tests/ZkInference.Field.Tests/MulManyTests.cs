using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>The public batch products (Fp.MulMany, Fr.MulMany), lengths with a scalar tail included.</summary>
public sealed class MulManyTests
{
    [Property(MaxTest = 20)]
    public bool FpMulManyMatchesScalar(int seed, byte length)
    {
        var rng = new Random(seed);
        var a = Enumerable.Range(0, length % 40).Select(_ => Fp.Random(rng)).ToArray();
        var b = a.Select(_ => Fp.Random(rng)).ToArray();
        var r = new Fp[a.Length];
        Fp.MulMany(a, b, r);
        return r.Select((x, i) => x == a[i] * b[i]).All(ok => ok);
    }

    [Property(MaxTest = 20)]
    public bool FrMulManyInPlaceMatchesScalar(int seed, byte length)
    {
        var rng = new Random(seed);
        var a = Enumerable.Range(0, length % 40).Select(_ => Fr.Random(rng)).ToArray();
        var b = a.Select(_ => Fr.Random(rng)).ToArray();
        var expected = a.Select((x, i) => x * b[i]).ToArray();
        Fr.MulMany(a, b, a);
        return a.SequenceEqual(expected);
    }

    [Fact]
    public void LengthsMustMatch() => Assert.Throws<ArgumentException>(() => Fp.MulMany(new Fp[3], new Fp[3], new Fp[2]));
}
