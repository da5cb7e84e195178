using System.Numerics;
using Xunit;

namespace ZkInference.Field.Tests;

public sealed class MsmTests
{
    public static TheoryData<int, string, int, bool?> G1Cases()
    {
        var data = new TheoryData<int, string, int, bool?>();
        foreach (int n in new[] { 0, 1, 2, 3, 5, 31, 64, 127 })
            foreach (string kind in new[] { "random", "edge", "duplicates" })
                foreach (int threads in new[] { 1, 2 })
                    foreach (bool? batch in new bool?[] { null, true })
                        data.Add(n, kind, threads, batch);
        // Larger sizes (a power of two and 1000) on fewer combinations, to keep the suite quick.
        foreach (int n in new[] { 256, 1000 })
        {
            data.Add(n, "random", 2, true);
            data.Add(n, "duplicates", 1, true);
            data.Add(n, "duplicates", 2, null);
            data.Add(n, "edge", 1, null);
        }
        return data;
    }

    public static TheoryData<int, string, int, bool?> G2Cases()
    {
        var data = new TheoryData<int, string, int, bool?>();
        foreach (int n in new[] { 0, 1, 2, 3, 5, 31, 64, 127, 300 })
            foreach (string kind in new[] { "random", "edge", "duplicates" })
                data.Add(n, kind, n % 2 == 0 ? 1 : 2, n >= 31 ? true : null);
        return data;
    }

    // Points are multiples mᵢ·S of one random S (built by additions), so the expected sum is the single
    // product (Σ kᵢ·mᵢ)·S: exact and cheap, and independent of the bucket machinery under test.
    [Theory]
    [MemberData(nameof(G1Cases))]
    public void G1MatchesTheNaiveSum(int n, string kind, int threads, bool? batchAffine)
    {
        var rng = new Random(n * 31 + kind.Length);
        G1Jacobian s = G1Jacobian.FromAffine(CurveGenerators.RandomG1(rng));
        G1Jacobian current = G1Jacobian.Infinity;
        var jac = new G1Jacobian[n];
        for (int i = 0; i < n; i++) jac[i] = current = current + s;
        var points = new G1Affine[n];
        G1Jacobian.BatchToAffine(jac, points);
        BigInteger[] m = Multiples(n);
        Shape(points, m, kind, p => p.Negate());
        Fr[] scalars = Scalars(n, kind, rng);
        G1Jacobian expected = G1Jacobian.Multiply(s, Dot(scalars, m));
        foreach (MsmOptions options in Variants(threads, batchAffine))
            Assert.Equal(expected.ToAffine(), MultiExp.G1(points, scalars, options).ToAffine());
    }

    [Theory]
    [MemberData(nameof(G2Cases))]
    public void G2MatchesTheNaiveSum(int n, string kind, int threads, bool? batchAffine)
    {
        var rng = new Random(n * 17 + kind.Length);
        G2Jacobian s = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
        G2Jacobian current = G2Jacobian.Infinity;
        var jac = new G2Jacobian[n];
        for (int i = 0; i < n; i++) jac[i] = current = current + s;
        var points = new G2Affine[n];
        G2Jacobian.BatchToAffine(jac, points);
        BigInteger[] m = Multiples(n);
        Shape(points, m, kind, p => p.Negate());
        Fr[] scalars = Scalars(n, kind, rng);
        G2Jacobian expected = G2Jacobian.Multiply(s, Dot(scalars, m));
        foreach (MsmOptions options in Variants(threads, batchAffine))
            Assert.Equal(expected.ToAffine(), MultiExp.G2(points, scalars, options).ToAffine());
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, true)]
    public void UnrelatedRandomPointsMatchTheTermByTermSum(int threads, bool? batchAffine)
    {
        var rng = new Random(5);
        var points = new G1Affine[48];
        var scalars = new Fr[48];
        for (int i = 0; i < points.Length; i++) { points[i] = CurveGenerators.RandomG1(rng); scalars[i] = Fr.Random(rng); }
        G1Jacobian expected = G1Jacobian.Infinity;
        for (int i = 0; i < points.Length; i++) expected += G1Jacobian.MultiplyReference(G1Jacobian.FromAffine(points[i]), scalars[i]);
        var options = new MsmOptions { MaxDegreeOfParallelism = threads, BatchAffine = batchAffine, BatchSize = batchAffine == true ? 4 : null };
        Assert.Equal(expected, MultiExp.G1(points, scalars, options));
        if (batchAffine == true)
            Assert.Equal(expected, MultiExp.G1(points, scalars, new MsmOptions { MaxDegreeOfParallelism = threads, BatchAffine = true, BatchSize = 4, Lanes = false }));
    }

    [Fact]
    public void LargeInputUsesTheDefaultBatchAffinePath()
    {
        const int n = 2100;
        var rng = new Random(99);
        G1Jacobian s = G1Jacobian.FromAffine(CurveGenerators.RandomG1(rng)), current = G1Jacobian.Infinity;
        var jac = new G1Jacobian[n];
        for (int i = 0; i < n; i++) jac[i] = current = current + s;
        var points = new G1Affine[n];
        G1Jacobian.BatchToAffine(jac, points);
        BigInteger[] m = Multiples(n);
        Shape(points, m, "duplicates", p => p.Negate());
        var scalars = new Fr[n];
        for (int i = 0; i < n; i++) scalars[i] = i % 97 == 0 ? Fr.One : Fr.Random(rng);
        G1Jacobian expected = G1Jacobian.Multiply(s, Dot(scalars, m));
        Assert.Equal(expected, MultiExp.G1(points, scalars));
        Assert.Equal(expected, MultiExp.G1(points, scalars, new MsmOptions { MaxDegreeOfParallelism = 1 }));
        Assert.Equal(expected, MultiExp.G1(points, scalars, new MsmOptions { MaxDegreeOfParallelism = 1, Lanes = false }));
        Assert.Equal(expected, MultiExp.G1(points, scalars, new MsmOptions { WindowBits = 5, BatchAffine = false }));
    }

    // Forced batch-affine runs with and without the eight-lane products (where AVX-512 exists), with a tiny
    // batch (many same-bucket conflicts through the deferral queue and the overflow) and a batch of 13, which
    // the lane flush pads to 16, so full batches have a padded tail too.
    private static IEnumerable<MsmOptions> Variants(int threads, bool? batchAffine)
    {
        if (batchAffine != true)
        {
            yield return new MsmOptions { MaxDegreeOfParallelism = threads, BatchAffine = batchAffine };
            yield break;
        }
        foreach (int batch in new[] { 8, 13 })
            foreach (bool lanes in new[] { true, false })
                yield return new MsmOptions { MaxDegreeOfParallelism = threads, BatchAffine = true, BatchSize = batch, Lanes = lanes };
    }

    // The bucket loops (lane flush, lane reduction, scalar paths) allocate nothing: a repeated one-thread MSM
    // allocates only its worker and job objects, whatever n (the pooled arrays come back from the pool).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HotLoopsDoNotAllocate(bool lanes)
    {
        const int n = 4096;
        var rng = new Random(3);
        var points = new G1Affine[n];
        var scalars = new Fr[n];
        G1Affine p = CurveGenerators.RandomG1(rng);
        for (int i = 0; i < n; i++) { points[i] = p; scalars[i] = Fr.Random(rng); }
        var options = new MsmOptions { MaxDegreeOfParallelism = 1, Lanes = lanes };
        G1Jacobian first = MultiExp.G1(points, scalars, options);
        long before = GC.GetAllocatedBytesForCurrentThread();
        G1Jacobian second = MultiExp.G1(points, scalars, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(first, second);
        Assert.InRange(allocated, 0, 1024);
    }

    private static BigInteger[] Multiples(int n)
    {
        var m = new BigInteger[n];
        for (int i = 0; i < n; i++) m[i] = i + 1;
        return m;
    }

    // Runs of P, P, −P (same-bucket collisions, doubling, cancellation) and an identity, tracking the multiples.
    private static void Shape<TPoint>(TPoint[] points, BigInteger[] m, string kind, Func<TPoint, TPoint> negate) where TPoint : struct
    {
        if (kind != "duplicates") return;
        int n = points.Length;
        for (int i = 0; i + 2 < n; i += 3)
        {
            points[i + 1] = points[i]; m[i + 1] = m[i];
            points[i + 2] = negate(points[i]); m[i + 2] = -m[i];
        }
        if (n > 4) { points[n - 1] = default; m[n - 1] = 0; }
    }

    private static BigInteger Dot(Fr[] scalars, BigInteger[] m)
    {
        BigInteger sum = 0;
        for (int i = 0; i < scalars.Length; i++) sum += scalars[i].ToBigInteger() * m[i];
        return sum;
    }

    [Fact]
    public void LengthMismatchThrowsAndUncheckedTruncates()
    {
        G1Affine[] points = [G1Affine.Generator, G1Affine.Generator];
        Fr[] scalars = [Fr.FromUInt64(3)];
        Assert.Throws<ArgumentException>(() => MultiExp.G1(points, scalars));
        Assert.Throws<ArgumentException>(() => MultiExp.G2([G2Affine.Generator], []));
        Assert.Equal(G1Jacobian.Multiply(G1Jacobian.Generator, Fr.FromUInt64(3)), MultiExp.G1Unchecked(points, scalars));
        Assert.True(MultiExp.G1([], []).IsInfinity);
    }

    private static Fr[] Scalars(int n, string kind, Random rng)
    {
        var scalars = new Fr[n];
        Fr[] edges = [Fr.Zero, Fr.One, Fr.FromBigInteger(Fr.Modulus - 1), Fr.FromUInt64(2), Fr.FromBigInteger(BigInteger.One << 253)];
        Fr shared = Fr.Random(rng);
        for (int i = 0; i < n; i++)
        {
            scalars[i] = kind switch
            {
                "edge" => edges[i % edges.Length],
                // Equal scalars on equal points put them in the same buckets in every window.
                "duplicates" => i % 4 == 3 ? Fr.One : shared,
                _ => Fr.Random(rng),
            };
        }
        return scalars;
    }
}
