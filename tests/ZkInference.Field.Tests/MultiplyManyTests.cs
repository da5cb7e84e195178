using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>
/// The eight-lane batch scalar multiplication against the one-point multiplication: random and edge
/// scalars (0, 1, −1, the GLV eigenvalue, 2^k), identity points, lengths that leave a scalar tail, the
/// results written over the inputs, and the lane formulas' same-x case detected.
/// </summary>
public sealed unsafe class MultiplyManyTests
{
    private static Fr[] EdgeScalars()
    {
        var q = Fr.Modulus;
        return Generators.EdgeValues(q).Select(Fr.FromBigInteger)
            .Append(Fr.FromBigInteger(Glv.Lambda)).Append(Fr.FromBigInteger(q - Glv.Lambda))
            .Append(Fr.FromBigInteger(Glv.Lambda + 1)).Append(Fr.FromUInt64(8)).Append(Fr.FromUInt64(16)).ToArray();
    }

    [Property(MaxTest = 8)]
    public bool G1MatchesOnePointMultiplication(int seed, byte extra)
    {
        var rng = new Random(seed);
        int n = 8 + extra % 20;
        var edge = EdgeScalars();
        var points = new G1Jacobian[n];
        var scalars = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            points[i] = i % 11 == 5 ? G1Jacobian.Infinity : G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng));
            scalars[i] = rng.Next(3) == 0 ? edge[rng.Next(edge.Length)] : Fr.Random(rng);
        }
        var expected = points.Select((p, i) => G1Jacobian.Multiply(p, scalars[i])).ToArray();
        var results = new G1Jacobian[n];
        G1Jacobian.MultiplyMany(points, scalars, results);
        G1Jacobian.MultiplyMany(points, scalars, points); // in place
        return expected.SequenceEqual(results) && expected.SequenceEqual(points);
    }

    [Property(MaxTest = 4)]
    public bool G2MatchesOnePointMultiplication(int seed, byte extra)
    {
        var rng = new Random(seed);
        int n = 8 + extra % 12;
        var edge = EdgeScalars();
        var points = new G2Jacobian[n];
        var scalars = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            points[i] = i % 7 == 3 ? G2Jacobian.Infinity : G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
            scalars[i] = rng.Next(3) == 0 ? edge[rng.Next(edge.Length)] : Fr.Random(rng);
        }
        var expected = points.Select((p, i) => G2Jacobian.Multiply(p, scalars[i])).ToArray();
        var results = new G2Jacobian[n];
        G2Jacobian.MultiplyMany(points, scalars, results);
        return expected.SequenceEqual(results);
    }

    [Fact]
    public void EveryEdgeScalarOnTheSamePoint()
    {
        var edge = EdgeScalars();
        var points = Enumerable.Repeat(G1Jacobian.Generator, edge.Length).ToArray();
        var results = new G1Jacobian[edge.Length];
        G1Jacobian.MultiplyMany(points, edge, results);
        for (int i = 0; i < edge.Length; i++) Assert.Equal(G1Jacobian.Multiply(G1Jacobian.Generator, edge[i]), results[i]);
    }

    [Fact]
    public void LengthsMustMatch()
    {
        Assert.Throws<ArgumentException>(() => G1Jacobian.MultiplyMany(new G1Jacobian[3], new Fr[2], new G1Jacobian[3]));
    }

    [Fact]
    public void LaneAdditionFlagsTheSameX()
    {
        if (!Lanes8.IsSupported) return;
        var rng = new Random(3);
        Fp* x1 = stackalloc Fp[8], y1 = stackalloc Fp[8], z1 = stackalloc Fp[8], x2 = stackalloc Fp[8], y2 = stackalloc Fp[8];
        Fp* x3 = stackalloc Fp[8], y3 = stackalloc Fp[8], z3 = stackalloc Fp[8], h = stackalloc Fp[8];
        var p = new G1Jacobian[8];
        for (int l = 0; l < 8; l++)
        {
            p[l] = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng));
            G1Jacobian.Double(p[l], out p[l]); // Z ≠ 1
            x1[l] = p[l].X; y1[l] = p[l].Y; z1[l] = p[l].Z;
            // Lanes 0–3 add the same point (affine), lanes 4–7 a different one.
            G1Jacobian.Double(p[l], out G1Jacobian twice);
            G1Affine a = (l < 4 ? p[l] : twice).ToAffine();
            x2[l] = a.X; y2[l] = a.Y;
        }
        FpVec8.Load(x1, out FpVec8 vx1); FpVec8.Load(y1, out FpVec8 vy1); FpVec8.Load(z1, out FpVec8 vz1);
        FpVec8.Load(x2, out FpVec8 vx2); FpVec8.Load(y2, out FpVec8 vy2);
        PointLanes<FpVec8, Fp>.AddMixed(vx1, vy1, vz1, vx2, vy2, out FpVec8 vx3, out FpVec8 vy3, out FpVec8 vz3, out FpVec8 vh);
        vx3.Store(x3); vy3.Store(y3); vz3.Store(z3); vh.Store(h);
        for (int l = 0; l < 8; l++)
        {
            Assert.Equal(l < 4, h[l].IsZero);
            G1Jacobian.Double(p[l], out G1Jacobian dbl);
            if (l >= 4) Assert.Equal(p[l] + dbl, G1Jacobian.FromCore(new JacobianPoint<Fp>(x3[l], y3[l], z3[l])));
        }
    }
}
