using System.Numerics;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>
/// The column paths (eight independent computations side by side: FpColumns, Fp2Columns, LineColumns)
/// against the scalar operations, column by column, with edge values (0, 1, p − 1, R, …) among the inputs
/// and outputs aliasing inputs; and the Miller loop's column path against single pairings for pair counts
/// across block boundaries, prepared and unprepared mixed. Lane-only checks are skipped without AVX-512.
/// </summary>
public sealed unsafe class ColumnsTests
{
    private static readonly Fp[] Edges = Generators.EdgeValues(Fp.Modulus).Select(Fp.FromBigInteger).ToArray();

    private static Fp Coordinate(System.Random rng) =>
        rng.Next(3) == 0 ? Edges[rng.Next(Edges.Length)] : Fp.Random(rng);

    [Property(MaxTest = 60)]
    public bool FpColumnsMatchScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        Fp* a = stackalloc Fp[8], b = stackalloc Fp[8], sum = stackalloc Fp[8], diff = stackalloc Fp[8];
        Fp* twice = stackalloc Fp[8], neg = stackalloc Fp[8], nine = stackalloc Fp[8];
        for (int k = 0; k < 8; k++) { a[k] = Coordinate(rng); b[k] = Coordinate(rng); }
        FpColumns.Add(a, b, sum);
        FpColumns.Sub(a, b, diff);
        FpColumns.Double(a, twice);
        FpColumns.Neg(a, neg);
        FpColumns.TimesNine(a, nine);
        for (int k = 0; k < 8; k++)
        {
            if (sum[k] != a[k] + b[k] || diff[k] != a[k] - b[k] || twice[k] != a[k] + a[k]
                || neg[k] != -a[k] || nine[k] != a[k] * Fp.FromUInt64(9)) return false;
        }
        FpColumns.Sub(a, b, a); // aliasing
        for (int k = 0; k < 8; k++) if (a[k] != diff[k]) return false;
        return true;
    }

    [Property(MaxTest = 40)]
    public bool Fp2ColumnsMatchScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        Fp* a = stackalloc Fp[16], b = stackalloc Fp[16], s = stackalloc Fp[8];
        Fp* prod = stackalloc Fp[16], sq = stackalloc Fp[16], byFp = stackalloc Fp[16], xi = stackalloc Fp[16];
        for (int k = 0; k < 16; k++) { a[k] = Coordinate(rng); b[k] = Coordinate(rng); }
        for (int k = 0; k < 8; k++) s[k] = Coordinate(rng);
        Fp2Columns.Mul(a, b, prod);
        Fp2Columns.Square(a, sq);
        Fp2Columns.MulByFp(a, s, byFp);
        Fp2Columns.MulByNonResidue(a, xi);
        for (int k = 0; k < 8; k++)
        {
            Fp2 x = Fp2Columns.Get(a, k), y = Fp2Columns.Get(b, k);
            Fp2.Square(x, out Fp2 x2);
            Fp2.MulByFp(x, s[k], out Fp2 xs);
            Fp2.MulByNonResidue(x, out Fp2 xx);
            if (Fp2Columns.Get(prod, k) != x * y || Fp2Columns.Get(sq, k) != x2
                || Fp2Columns.Get(byFp, k) != xs || Fp2Columns.Get(xi, k) != xx) return false;
        }
        Fp2Columns.MulByNonResidue(a, a); // aliasing
        Fp2Columns.Mul(b, a, b);
        for (int k = 0; k < 8; k++)
            if (Fp2Columns.Get(a, k) != Fp2Columns.Get(xi, k)) return false;
        return true;
    }

    [Property(MaxTest = 8)]
    public bool LineColumnsMatchLineFunctions(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        var t = new G2Projective[8];
        var q = new G2Affine[8];
        Fp* tc = stackalloc Fp[LineColumns.BlockSize], line = stackalloc Fp[LineColumns.BlockSize];
        Fp* qx = stackalloc Fp[16], qy = stackalloc Fp[16];
        for (int k = 0; k < 8; k++)
        {
            q[k] = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            // A running point with a non-trivial Z: T = [m]Q' for a different point, after two scalar doublings.
            t[k] = new G2Projective((G2Jacobian.Generator * Fr.Random(rng)).ToAffine());
            LineFunctions.Double(ref t[k], out _);
            Fp2Columns.Set(tc, k, t[k].X);
            Fp2Columns.Set(tc + 16, k, t[k].Y);
            Fp2Columns.Set(tc + 32, k, t[k].Z);
            Fp2Columns.Set(qx, k, q[k].X);
            Fp2Columns.Set(qy, k, q[k].Y);
        }
        for (int round = 0; round < 2; round++)
        {
            var lines = new LineCoeffs[8];
            for (int k = 0; k < 8; k++)
            {
                if (round == 0) LineFunctions.Double(ref t[k], out lines[k]);
                else LineFunctions.Add(ref t[k], q[k].X, q[k].Y, out lines[k]);
            }
            if (round == 0) LineColumns.Double(tc, line);
            else LineColumns.Add(tc, qx, qy, line);
            for (int k = 0; k < 8; k++)
            {
                if (Fp2Columns.Get(tc, k) != t[k].X || Fp2Columns.Get(tc + 16, k) != t[k].Y || Fp2Columns.Get(tc + 32, k) != t[k].Z) return false;
                if (Fp2Columns.Get(line, k) != lines[k].C0 || Fp2Columns.Get(line + 16, k) != lines[k].C3 || Fp2Columns.Get(line + 32, k) != lines[k].C4) return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 10)]
    public bool Fp12ColumnsMatchScalar(int seed)
    {
        if (!Lanes8.IsSupported) return true;
        var rng = new System.Random(seed);
        Fp* a = stackalloc Fp[Fp12Columns.Size], sq = stackalloc Fp[Fp12Columns.Size], prod = stackalloc Fp[Fp12Columns.Size];
        Fp* l0 = stackalloc Fp[16], l3 = stackalloc Fp[16], l4 = stackalloc Fp[16];
        var x = new Fp12[8];
        for (int k = 0; k < 8; k++)
        {
            x[k] = k == 0 ? Fp12.One : Fp12.Random(rng);
            for (int i = 0; i < 6; i++)
            {
                Fp6 half = i < 3 ? x[k].C0 : x[k].C1;
                Fp2Columns.Set(a + 16 * i, k, (i % 3) switch { 0 => half.C0, 1 => half.C1, _ => half.C2 });
            }
            Fp2Columns.Set(l0, k, new Fp2(Coordinate(rng), Coordinate(rng)));
            Fp2Columns.Set(l3, k, new Fp2(Coordinate(rng), Coordinate(rng)));
            Fp2Columns.Set(l4, k, new Fp2(Coordinate(rng), Coordinate(rng)));
        }
        for (int k = 0; k < 8; k++) if (Fp12Columns.Get(a, k) != x[k]) return false;
        Fp12Columns.Square(a, sq);
        Fp12Columns.MulBy034(a, l0, l3, l4, prod);
        for (int k = 0; k < 8; k++)
        {
            Fp12.SquareScalar(x[k], out Fp12 s);
            Fp12.MulBy034Scalar(x[k], Fp2Columns.Get(l0, k), Fp2Columns.Get(l3, k), Fp2Columns.Get(l4, k), out Fp12 m);
            if (Fp12Columns.Get(sq, k) != s || Fp12Columns.Get(prod, k) != m) return false;
        }
        Fp12Columns.Square(a, a); // aliasing
        for (int k = 0; k < 8; k++) if (Fp12Columns.Get(a, k) != Fp12Columns.Get(sq, k)) return false;
        return true;
    }

    [Theory]
    [InlineData(19)]
    [InlineData(8)]
    [InlineData(3)]
    public void BatchSubgroupCheckAgreesWithSinglePointCheck(int n)
    {
        // Members of G2, twist points outside G2 (random x with a square root), those plus a member,
        // the identity, an off-curve point, Q and −Q side by side.
        var rng = new System.Random(n);
        var points = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            switch (i % 6)
            {
                case 0: points[i] = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine(); break;
                case 1: points[i] = i > 0 ? points[i - 1].Negate() : G2Affine.Generator; break;
                case 2:
                case 3:
                    while (true)
                    {
                        Fp2 x = Fp2.Random(rng);
                        if (!Fp2.TrySqrt(x * x * x + G2Affine.B, out Fp2 y)) continue;
                        points[i] = new G2Affine(x, y);
                        if (i % 6 == 3) points[i] = (G2Jacobian.FromAffine(points[i]) + G2Jacobian.Generator).ToAffine();
                        break;
                    }
                    break;
                case 4: points[i] = G2Affine.Infinity; break;
                default: points[i] = new G2Affine(G2Affine.Generator.X, G2Affine.Generator.Y + Fp2.One); break;
            }
        }
        var inG2 = new bool[n];
        G2Affine.AreInSubgroup(points, inG2);
        for (int i = 0; i < n; i++) Assert.Equal(points[i].IsInSubgroup, inG2[i]);
        Assert.Contains(true, inG2);
        Assert.Contains(false, inG2);
        Assert.Throws<ArgumentException>(() => G2Affine.AreInSubgroup(points, new bool[n - 1]));
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(4, 4)]
    [InlineData(1, 2)]
    [InlineData(3, 0)]
    [InlineData(8, 2)]
    [InlineData(9, 1)]
    [InlineData(17, 2)]
    public void MixedMillerLoopEqualsProductOfPairings(int onTheFly, int prepared)
    {
        var rng = new System.Random(onTheFly * 31 + prepared);
        int n = onTheFly + prepared;
        var ps = new G1Affine[n];
        var qs = new G2Affine[n];
        Gt product = Gt.One;
        for (int i = 0; i < n; i++)
        {
            ps[i] = i == 4 ? G1Affine.Infinity : (G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
            qs[i] = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            product *= Pairing.Pair(ps[i], qs[i]);
        }
        G2Prepared[] prep = qs.Skip(onTheFly).Select(q => new G2Prepared(q)).ToArray();
        MillerLoopResult f = Pairing.MillerLoop(ps.AsSpan(0, onTheFly), qs.AsSpan(0, onTheFly), ps.AsSpan(onTheFly), prep);
        Assert.Equal(product, Pairing.FinalExponentiation(f));
        Assert.False(product.IsOne);
    }
}
