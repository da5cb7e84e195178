using System.Numerics;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>
/// The tower's eight-lane paths (Fp2Lanes batches, Fp12Lanes) against the scalar methods, on random
/// elements mixed with edge values (0, 1, p − 1, R, R², …) in every coordinate, and with outputs aliasing
/// inputs. Skipped where AVX-512 is absent (the suite's DOTNET_EnableHWIntrinsic=0 run covers the scalar path).
/// </summary>
public sealed unsafe class TowerLanesTests
{
    private static readonly Fp[] Edges = Generators.EdgeValues(Fp.Modulus).Select(Fp.FromBigInteger).ToArray();

    // Random Fp, or an edge value one time in three.
    private static Fp Coordinate(System.Random rng) =>
        rng.Next(3) == 0 ? Edges[rng.Next(Edges.Length)] : Fp.Random(rng);

    private static Fp2 MakeFp2(System.Random rng) => new(Coordinate(rng), Coordinate(rng));

    private static Fp6 MakeFp6(System.Random rng) => new(MakeFp2(rng), MakeFp2(rng), MakeFp2(rng));

    private static Fp12 MakeFp12(System.Random rng) => new(MakeFp6(rng), MakeFp6(rng));

    [Property(MaxTest = 40)]
    public bool Fp2BatchesMatchScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        int n = 1 + rng.Next(20); // across chunk boundaries and partial chunks
        var a = new Fp2[n]; var b = new Fp2[n]; var s = new Fp[n];
        for (int k = 0; k < n; k++) { a[k] = MakeFp2(rng); b[k] = MakeFp2(rng); s[k] = Coordinate(rng); }
        var prod = new Fp2[n]; var sq = (Fp2[])a.Clone(); var byFp = new Fp2[n];
        fixed (Fp2* pa = a, pb = b, pp = prod, pq = sq, pf = byFp)
        fixed (Fp* ps = s)
        {
            Fp2Lanes.Mul(pa, pb, pp, n);
            Fp2Lanes.Square(pq, pq, n); // in place
            Fp2Lanes.MulByFp(pa, ps, pf, n);
        }
        for (int k = 0; k < n; k++)
        {
            Fp2Ops.Square(a[k], out Fp2 expectSq);
            Fp2Ops.MulByFp(a[k], s[k], out Fp2 expectByFp);
            if (prod[k] != a[k] * b[k] || sq[k] != expectSq || byFp[k] != expectByFp) return false;
        }
        fixed (Fp2* pa = a, pb = b) Fp2Lanes.Mul(pa, pb, pb, n); // output aliasing the second operand
        return b.SequenceEqual(prod);
    }

    [Property(MaxTest = 40)]
    public bool Fp12MulAndSquareMatchScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        Fp12 a = MakeFp12(rng), b = MakeFp12(rng);
        Fp12Lanes.Mul(a, b, out Fp12 lm);
        Fp12.MulScalar(a, b, out Fp12 sm);
        Fp12Lanes.Square(a, out Fp12 ls);
        Fp12.SquareScalar(a, out Fp12 ss);
        Fp12 alias = a;
        Fp12Lanes.Mul(alias, b, out alias);
        return lm == sm && ls == ss && alias == sm;
    }

    [Property(MaxTest = 40)]
    public bool SparseProductsMatchScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        Fp12 a = MakeFp12(rng);
        Fp2 c0 = MakeFp2(rng), c3 = MakeFp2(rng), c4 = MakeFp2(rng);
        Fp2 d0 = MakeFp2(rng), d3 = MakeFp2(rng), d4 = MakeFp2(rng);
        Fp12Lanes.MulBy034(a, c0, c3, c4, out Fp12 l034);
        Fp12.MulBy034Scalar(a, c0, c3, c4, out Fp12 s034);
        Fp12Lanes.Mul034By034(c0, c3, c4, d0, d3, d4, out Fp6 lx0, out Fp2 lx1, out Fp2 lx3);
        Fp12.Mul034By034Scalar(c0, c3, c4, d0, d3, d4, out Fp6 sx0, out Fp2 sx1, out Fp2 sx3);
        Fp12Lanes.MulBy01234(a, sx0, sx1, sx3, out Fp12 l01234);
        Fp12.MulBy01234Scalar(a, sx0, sx1, sx3, out Fp12 s01234);
        // And against the dense product, so the sparse shapes themselves are checked too.
        var line = new Fp12(new Fp6(c0, Fp2.Zero, Fp2.Zero), new Fp6(c3, c4, Fp2.Zero));
        return l034 == s034 && l034 == a * line
            && lx0 == sx0 && lx1 == sx1 && lx3 == sx3
            && l01234 == s01234;
    }

    [Property(MaxTest = 10)]
    public bool CyclotomicSquareMatchesScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        Fp12 a = Fp12Gen.Cyclotomic(seed);
        Fp12Lanes.CyclotomicSquare(a, out Fp12 l);
        Fp12.CyclotomicSquareScalar(a, out Fp12 s);
        Fp12.SquareScalar(a, out Fp12 full);
        return l == s && l == full;
    }

    [Fact]
    public void CyclotomicSquareMatchesScalarOnAnyInput()
    {
        // Outside the subgroup the formula is not a squaring, but both paths must still compute the same formula.
        if (!Lanes8.IsSupported) return;
        var rng = new System.Random(7);
        for (int i = 0; i < 50; i++)
        {
            Fp12 a = MakeFp12(rng);
            Fp12Lanes.CyclotomicSquare(a, out Fp12 l);
            Fp12.CyclotomicSquareScalar(a, out Fp12 s);
            Assert.Equal(s, l);
        }
    }
}
