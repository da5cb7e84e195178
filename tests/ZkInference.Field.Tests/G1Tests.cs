using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;
using ZkInference.Field.Tests.Reference;
using Ref = ZkInference.Field.Tests.Reference.AffineReference<ZkInference.Field.Fp>;

namespace ZkInference.Field.Tests;

/// <summary>Random curve points: G1 from a random x (every curve point is in G1), G2 as random multiples of the generator.</summary>
public static class CurveGenerators
{
    public static Arbitrary<G1Affine> G1() => Arb.From(Gen.Frequency(
        (9, Gen.Choose(0, int.MaxValue).Select(seed => RandomG1(new System.Random(seed)))),
        (1, Gen.Constant(G1Affine.Infinity))));

    // G2 points cost a scalar multiplication each, so properties draw from a pool made once.
    private static readonly Lazy<G2Affine[]> G2Pool = new(() =>
    {
        var rng = new System.Random(2024);
        var pool = new G2Affine[24];
        for (int i = 0; i < pool.Length; i++) pool[i] = RandomG2(rng);
        return pool;
    });

    public static Arbitrary<G2Affine> G2() => Arb.From(Gen.Frequency(
        (9, Gen.Choose(0, int.MaxValue).Select(i => G2Pool.Value[i % G2Pool.Value.Length])),
        (1, Gen.Constant(G2Affine.Infinity))));

    public static Arbitrary<Fr> Fr() => Generators.Fr();

    public static G1Affine RandomG1(System.Random rng)
    {
        while (true)
        {
            Fp x = Fp.Random(rng);
            if (Fp.TrySqrt(x * x * x + G1Affine.B, out Fp y)) return new G1Affine(x, rng.Next(2) == 0 ? y : -y);
        }
    }

    public static G2Affine RandomG2(System.Random rng) =>
        G2Jacobian.Multiply(G2Jacobian.Generator, Field.Fr.Random(rng)).ToAffine();

    /// <summary>The same point with a random Z: (X·z², Y·z³, z).</summary>
    public static G1Jacobian Rescale(G1Affine p, int seed)
    {
        if (p.IsInfinity) return G1Jacobian.Infinity;
        Fp z = Fp.Random(new System.Random(seed));
        if (z.IsZero) z = Fp.One;
        Fp z2 = z * z;
        return new G1Jacobian(p.X * z2, p.Y * z2 * z, z);
    }

    public static G2Jacobian Rescale(G2Affine p, int seed)
    {
        if (p.IsInfinity) return G2Jacobian.Infinity;
        Fp2 z = Fp2.Random(new System.Random(seed));
        if (z.IsZero) z = Fp2.One;
        Fp2 z2 = z * z;
        return new G2Jacobian(p.X * z2, p.Y * z2 * z, z);
    }
}

[Properties(Arbitrary = [typeof(CurveGenerators)], MaxTest = 40)]
public sealed class G1Tests
{
    private static G1Affine Oracle(Ref.Point p) => ReferencePoints.ToG1(p);

    [Property]
    public bool AddMatchesOracle(G1Affine a, G1Affine b, int za, int zb)
    {
        G1Jacobian sum = CurveGenerators.Rescale(a, za) + CurveGenerators.Rescale(b, zb);
        return sum.ToAffine() == Oracle(Ref.Add(ReferencePoints.From(a), ReferencePoints.From(b))) && sum.IsOnCurve;
    }

    [Property]
    public bool MixedAddMatchesOracle(G1Affine a, G1Affine b, int za)
    {
        G1Jacobian.AddMixed(CurveGenerators.Rescale(a, za), b, out G1Jacobian sum);
        return sum.ToAffine() == Oracle(Ref.Add(ReferencePoints.From(a), ReferencePoints.From(b)));
    }

    [Property]
    public bool DoubleMatchesOracle(G1Affine a, int za)
    {
        G1Jacobian.Double(CurveGenerators.Rescale(a, za), out G1Jacobian d);
        return d.ToAffine() == Oracle(Ref.Double(ReferencePoints.From(a)));
    }

    [Property]
    public bool IdentityInverseAndSelfAddition(G1Affine a, int za, int zb)
    {
        G1Jacobian p = CurveGenerators.Rescale(a, za), p2 = CurveGenerators.Rescale(a, zb);
        G1Jacobian.Double(p, out G1Jacobian twice);
        G1Jacobian.AddMixed(p, a.Negate(), out G1Jacobian mixedZero);
        G1Jacobian.AddMixed(p, a, out G1Jacobian mixedTwice);
        return (p + G1Jacobian.Infinity) == p && (G1Jacobian.Infinity + p) == p && (p + default(G1Jacobian)) == p
            && (p + (-p2)).IsInfinity && mixedZero.IsInfinity && (p + p2) == twice && mixedTwice == twice
            && (p + G1Affine.Infinity) == p && (G1Jacobian.Infinity + a).ToAffine() == a
            && (p - p2).IsInfinity && (-p).ToAffine() == a.Negate();
    }

    [Property]
    public bool AssociativeAndCommutative(G1Affine a, G1Affine b, G1Affine c)
    {
        G1Jacobian pa = G1Jacobian.FromAffine(a), pb = G1Jacobian.FromAffine(b), pc = G1Jacobian.FromAffine(c);
        return ((pa + pb) + pc) == (pa + (pb + pc)) && (pa + pb) == (pb + pa);
    }

    [Property]
    public bool EqualityIsProjective(G1Affine a, G1Affine b, int za, int zb)
    {
        bool same = CurveGenerators.Rescale(a, za) == CurveGenerators.Rescale(a, zb);
        bool different = (CurveGenerators.Rescale(a, za) == CurveGenerators.Rescale(b, zb)) == (a == b);
        return same && different;
    }

    [Property(MaxTest = 15)]
    public bool ScalarMulMatchesOracleAndReference(G1Affine a, Fr k)
    {
        G1Jacobian p = G1Jacobian.FromAffine(a);
        G1Affine expected = Oracle(Ref.Mul(ReferencePoints.From(a), k.ToBigInteger()));
        return G1Jacobian.Multiply(p, k).ToAffine() == expected
            && G1Jacobian.MultiplyWnaf(p, k).ToAffine() == expected
            && G1Jacobian.MultiplyReference(p, k).ToAffine() == expected;
    }

    [Property(MaxTest = 20)]
    public bool ScalarMulIsAHomomorphism(G1Affine a, Fr x, Fr y)
    {
        G1Jacobian p = G1Jacobian.FromAffine(a);
        return G1Jacobian.Multiply(p, x + y) == G1Jacobian.Multiply(p, x) + G1Jacobian.Multiply(p, y)
            && G1Jacobian.Multiply(p, x * y) == G1Jacobian.Multiply(G1Jacobian.Multiply(p, y), x);
    }

    [Property(MaxTest = 50)]
    public bool GlvDecompositionIsShortAndCorrect(Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Glv.Decompose(limbs, out Int128 k1, out Int128 k2);
        BigInteger sum = ((BigInteger)k1 + (BigInteger)k2 * Glv.Lambda) % Fr.Modulus;
        if (sum < 0) sum += Fr.Modulus;
        BigInteger bound = BigInteger.One << 127;
        return sum == k.ToBigInteger() && BigInteger.Abs(k1) < bound && BigInteger.Abs(k2) < bound;
    }

    [Property(MaxTest = 10)]
    public bool EndomorphismIsMultiplicationByLambda(G1Affine a)
    {
        var phi = new G1Affine(a.X * Glv.Beta, a.Y);
        return a.IsInfinity || G1Jacobian.Multiply(G1Jacobian.FromAffine(a), Glv.Lambda).ToAffine() == phi;
    }

    [Fact]
    public void EdgeScalars()
    {
        BigInteger r = Fr.Modulus;
        G1Affine a = CurveGenerators.RandomG1(new System.Random(7));
        G1Jacobian p = G1Jacobian.FromAffine(a);
        BigInteger[] ks = [0, 1, 2, r - 1, r, r + 1, 2 * r, (BigInteger.One << 256) - 1, (BigInteger.One << 255) + 12345, -1, -r - 5];
        Span<byte> word = stackalloc byte[32];
        foreach (BigInteger k in ks)
        {
            G1Affine expected = Oracle(Ref.Mul(ReferencePoints.From(a), k));
            Assert.Equal(expected, G1Jacobian.Multiply(p, k).ToAffine());
            if (k.Sign >= 0 && k.GetBitLength() <= 256)
            {
                word.Clear();
                k.TryWriteBytes(word[(32 - k.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
                Assert.Equal(expected, G1Jacobian.MultiplyBigEndian(p, word).ToAffine());
            }
        }
        Assert.True(G1Jacobian.Multiply(G1Jacobian.Infinity, Fr.FromUInt64(5)).IsInfinity);
        Assert.True(G1Jacobian.Multiply(G1Jacobian.Generator, Fr.FromBigInteger(r - 1)) == -G1Jacobian.Generator);
    }

    [Fact]
    public void BatchToAffineMatchesSingleConversions()
    {
        var rng = new System.Random(3);
        var points = new G1Jacobian[20];
        for (int i = 0; i < points.Length; i++)
            points[i] = i % 7 == 3 ? G1Jacobian.Infinity : CurveGenerators.Rescale(CurveGenerators.RandomG1(rng), i);
        var affine = new G1Affine[points.Length];
        G1Jacobian.BatchToAffine(points, affine);
        for (int i = 0; i < points.Length; i++) Assert.Equal(points[i].ToAffine(), affine[i]);
        Assert.Throws<ArgumentException>(() => G1Jacobian.BatchToAffine(points, new G1Affine[3]));
    }

    [Fact]
    public void GroupOperationsDoNotAllocate()
    {
        G1Jacobian p = G1Jacobian.Generator;
        G1Jacobian.Double(p, out G1Jacobian q);
        G1Affine a = G1Affine.Generator;
        Fr k = Fr.FromUInt64(123456789);
        for (int i = 0; i < 3; i++) { G1Jacobian.Add(p, q, out p); G1Jacobian.AddMixed(p, a, out p); G1Jacobian.Double(p, out p); p = G1Jacobian.Multiply(p, k); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) { G1Jacobian.Add(p, q, out p); G1Jacobian.AddMixed(p, a, out p); G1Jacobian.Double(p, out p); p = G1Jacobian.Multiply(p, k); }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
