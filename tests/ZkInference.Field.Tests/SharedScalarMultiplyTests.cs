using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>
/// One scalar for many points (<see cref="G1Jacobian.MultiplyMany(ReadOnlySpan{G1Jacobian}, in Fr, Span{G1Jacobian})"/>
/// and the G2 one) against the one-point multiplication: random and edge scalars (0, 1, −1, the GLV
/// eigenvalue and its neighbours, small powers of two, the roots of unity the group FFT uses), identity points,
/// lengths that leave a tail, and the results written over the inputs.
/// </summary>
public sealed class SharedScalarMultiplyTests
{
    private static Fr[] EdgeScalars()
    {
        var q = Fr.Modulus;
        var omega = Fft.EvaluationDomain.ForLogSize(12);
        return Generators.EdgeValues(q).Select(Fr.FromBigInteger)
            .Append(Fr.FromBigInteger(Glv.Lambda)).Append(Fr.FromBigInteger(q - Glv.Lambda))
            .Append(Fr.FromBigInteger(Glv.Lambda + 1)).Append(Fr.FromUInt64(2)).Append(Fr.FromUInt64(15))
            .Append(Fr.FromUInt64(16)).Append(Fr.FromUInt64(17)).Append(omega.Generator).Append(omega.GeneratorInverse)
            .Append(omega.SizeInverse).ToArray();
    }

    private static Fr PickScalar(Random rng)
    {
        var edge = EdgeScalars();
        return rng.Next(2) == 0 ? edge[rng.Next(edge.Length)] : Fr.Random(rng);
    }

    [Property(MaxTest = 10)]
    public bool G1MatchesOnePointMultiplication(int seed, byte extra)
    {
        var rng = new Random(seed);
        int n = 8 + extra % 20;
        Fr k = PickScalar(rng);
        var points = new G1Jacobian[n];
        for (int i = 0; i < n; i++)
            points[i] = i % 11 == 5 ? G1Jacobian.Infinity : G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng));
        var expected = points.Select(p => G1Jacobian.Multiply(p, k)).ToArray();
        var results = new G1Jacobian[n];
        G1Jacobian.MultiplyMany(points, k, results);
        G1Jacobian.MultiplyMany(points, k, points); // in place
        return expected.SequenceEqual(results) && expected.SequenceEqual(points);
    }

    [Property(MaxTest = 5)]
    public bool G2MatchesOnePointMultiplication(int seed, byte extra)
    {
        var rng = new Random(seed);
        int n = 8 + extra % 12;
        Fr k = PickScalar(rng);
        var points = new G2Jacobian[n];
        for (int i = 0; i < n; i++)
            points[i] = i % 7 == 3 ? G2Jacobian.Infinity : G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
        var expected = points.Select(p => G2Jacobian.Multiply(p, k)).ToArray();
        var results = new G2Jacobian[n];
        G2Jacobian.MultiplyMany(points, k, results);
        G2Jacobian.MultiplyMany(points, k, points); // in place
        return expected.SequenceEqual(results) && expected.SequenceEqual(points);
    }

    [Fact]
    public void EveryEdgeScalarOnEqualAndOppositePoints()
    {
        // Lanes holding P, −P and 2P walk the same digits side by side.
        var g = G1Jacobian.Generator;
        G1Jacobian.Negate(g, out G1Jacobian minus);
        G1Jacobian.Double(g, out G1Jacobian twice);
        var points = new[] { g, minus, twice, g, G1Jacobian.Infinity, minus, twice, g, g };
        var g2 = Enumerable.Repeat(G2Jacobian.Generator, 9).ToArray();
        foreach (Fr k in EdgeScalars())
        {
            var results = new G1Jacobian[points.Length];
            G1Jacobian.MultiplyMany(points, k, results);
            for (int i = 0; i < points.Length; i++) Assert.Equal(G1Jacobian.Multiply(points[i], k), results[i]);
            var results2 = new G2Jacobian[g2.Length];
            G2Jacobian.MultiplyMany(g2, k, results2);
            for (int i = 0; i < g2.Length; i++) Assert.Equal(G2Jacobian.Multiply(g2[i], k), results2[i]);
        }
    }

    [Fact]
    public void LengthsMustMatch()
    {
        Assert.Throws<ArgumentException>(() => G1Jacobian.MultiplyMany(new G1Jacobian[3], Fr.One, new G1Jacobian[2]));
        Assert.Throws<ArgumentException>(() => G2Jacobian.MultiplyMany(new G2Jacobian[3], Fr.One, new G2Jacobian[4]));
    }
}
