using System.Numerics;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;
using ZkInference.Field.Tests.Reference;
using Ref = ZkInference.Field.Tests.Reference.AffineReference<ZkInference.Field.Fp2>;

namespace ZkInference.Field.Tests;

[Properties(Arbitrary = [typeof(CurveGenerators), typeof(TowerGenerators)], MaxTest = 25)]
public sealed class G2Tests
{
    private static G2Affine Oracle(Ref.Point p) => ReferencePoints.ToG2(p);

    [Property]
    public bool AddMatchesOracle(G2Affine a, G2Affine b, int za, int zb)
    {
        G2Jacobian sum = CurveGenerators.Rescale(a, za) + CurveGenerators.Rescale(b, zb);
        return sum.ToAffine() == Oracle(Ref.Add(ReferencePoints.From(a), ReferencePoints.From(b))) && sum.IsOnCurve;
    }

    [Property]
    public bool MixedAddAndDoubleMatchOracle(G2Affine a, G2Affine b, int za)
    {
        G2Jacobian.AddMixed(CurveGenerators.Rescale(a, za), b, out G2Jacobian sum);
        G2Jacobian.Double(CurveGenerators.Rescale(a, za), out G2Jacobian twice);
        return sum.ToAffine() == Oracle(Ref.Add(ReferencePoints.From(a), ReferencePoints.From(b)))
            && twice.ToAffine() == Oracle(Ref.Double(ReferencePoints.From(a)));
    }

    [Property]
    public bool IdentityInverseAndSelfAddition(G2Affine a, int za, int zb)
    {
        G2Jacobian p = CurveGenerators.Rescale(a, za), p2 = CurveGenerators.Rescale(a, zb);
        G2Jacobian.Double(p, out G2Jacobian twice);
        G2Jacobian.AddMixed(p, a.Negate(), out G2Jacobian mixedZero);
        G2Jacobian.AddMixed(p, a, out G2Jacobian mixedTwice);
        return (p + G2Jacobian.Infinity) == p && (G2Jacobian.Infinity + p) == p && (p + default(G2Jacobian)) == p
            && (p + (-p2)).IsInfinity && mixedZero.IsInfinity && (p + p2) == twice && mixedTwice == twice
            && (p + G2Affine.Infinity) == p && (G2Jacobian.Infinity + a).ToAffine() == a;
    }

    [Property]
    public bool AssociativeAndCommutative(G2Affine a, G2Affine b, G2Affine c)
    {
        G2Jacobian pa = G2Jacobian.FromAffine(a), pb = G2Jacobian.FromAffine(b), pc = G2Jacobian.FromAffine(c);
        return ((pa + pb) + pc) == (pa + (pb + pc)) && (pa + pb) == (pb + pa);
    }

    [Property(MaxTest = 6)]
    public bool ScalarMulMatchesOracleAndReference(G2Affine a, Fr k)
    {
        G2Jacobian p = G2Jacobian.FromAffine(a);
        G2Affine expected = Oracle(Ref.Mul(ReferencePoints.From(a), k.ToBigInteger()));
        return G2Jacobian.Multiply(p, k).ToAffine() == expected && G2Jacobian.MultiplyReference(p, k).ToAffine() == expected
            && G2Jacobian.MultiplyWnaf(p, k).ToAffine() == expected;
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(Generators)])]
    public bool FourWaySplitIsShortAndCorrect(Fr k) => FourWaySplitHolds(k.ToBigInteger());

    [Fact]
    public void FourWaySplitOfEdgeScalars()
    {
        BigInteger r = Fr.Modulus, lambda = Fp.Modulus - Fr.Modulus;
        foreach (BigInteger k in new[] { BigInteger.Zero, 1, 2, 3, r - 1, r - 2, lambda, lambda - 1, lambda + 1, lambda * lambda % r,
                     r / 2, r / 3, 2 * r / 3, BigInteger.One << 253, (BigInteger.One << 128) - 1, BigInteger.One << 128 })
            Assert.True(FourWaySplitHolds(k), $"k = {k}");
    }

    // k ≡ Σ kᵢ·λⁱ (mod r) with every |kᵢ| < 2^PartBits, λ = 6x² the eigenvalue of ψ.
    private static bool FourWaySplitHolds(BigInteger k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        ZkInference.Field.Internal.Scalars.ToLimbs(Fr.FromBigInteger(k), limbs);
        Span<Int128> parts = stackalloc Int128[4];
        G2Split4.Decompose(limbs, parts);
        BigInteger r = Fr.Modulus, lambda = 6 * (BigInteger)G2Endomorphism.Seed * G2Endomorphism.Seed, sum = 0, power = 1;
        BigInteger bound = BigInteger.One << G2Split4.PartBits;
        for (int i = 0; i < 4; i++)
        {
            if (BigInteger.Abs((BigInteger)parts[i]) >= bound) return false;
            sum += (BigInteger)parts[i] * power;
            power *= lambda;
        }
        return BigInteger.Remainder(BigInteger.Remainder(sum - k, r) + r, r).IsZero;
    }

    [Fact]
    public void EdgeScalars()
    {
        G2Jacobian p = G2Jacobian.Generator;
        BigInteger r = Fr.Modulus, lambda = Fp.Modulus - Fr.Modulus;
        foreach (BigInteger k in new[] { BigInteger.Zero, 1, 2, r - 1, r, lambda, lambda - 1, lambda + 1, r - lambda, (BigInteger.One << 255) + 77, -3 })
            Assert.Equal(G2Jacobian.MultiplyReference(p, Fr.FromBigInteger(k)), G2Jacobian.Multiply(p, k));
    }

    [Property(MaxTest = 10)]
    public bool ScalarMulIsAHomomorphism(G2Affine a, Fr x, Fr y)
    {
        G2Jacobian p = G2Jacobian.FromAffine(a);
        return G2Jacobian.Multiply(p, x + y) == G2Jacobian.Multiply(p, x) + G2Jacobian.Multiply(p, y)
            && G2Jacobian.Multiply(p, x * y) == G2Jacobian.Multiply(G2Jacobian.Multiply(p, y), x);
    }

    [Property(MaxTest = 10)]
    public bool GroupMembersPassTheSubgroupCheck(G2Affine a)
    {
        JacobianPoint<Fp2>.FromAffine(a.X, a.Y, out JacobianPoint<Fp2> p);
        return a.IsInSubgroup && G2Jacobian.FromAffine(a).IsInSubgroup && G2Endomorphism.IsInSubgroupSixXSquared(p);
    }

    [Property(MaxTest = 10)]
    public bool PsiActsAsMultiplicationByP(G2Affine a)
    {
        JacobianPoint<Fp2>.FromAffine(a.X, a.Y, out JacobianPoint<Fp2> p);
        G2Endomorphism.Psi(p, out JacobianPoint<Fp2> psi);
        G2Jacobian expected = G2Jacobian.Multiply(G2Jacobian.FromAffine(a), Fp.Modulus);
        return G2Jacobian.FromCore(psi) == expected && G2Jacobian.FromCore(psi).IsOnCurve;
    }

    [Property(MaxTest = 20)]
    public bool Fp2SqrtFindsRootsOfSquaresAndRejectsNonSquares(Fp2 a)
    {
        Fp2 square = a * a;
        bool rootOk = Fp2.TrySqrt(square, out Fp2 root) && root * root == square;
        // Fp2 has the non-square ξ = 9 + u; ξ·a² is a non-square unless a = 0.
        bool rejected = a.IsZero || !Fp2.TrySqrt(square * Fp2.NonResidue, out _);
        return rootOk && rejected;
    }

    [Fact]
    public void TwistPointsOutsideG2FailTheSubgroupCheck()
    {
        var rng = new System.Random(11);
        int made = 0;
        Span<ulong> r = stackalloc ulong[4];
        Fr.Modulus.TryWriteBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(r), out _, isUnsigned: true);
        while (made < 4)
        {
            Fp2 x = Fp2.Random(rng);
            if (!Fp2.TrySqrt(x * x * x + G2Affine.B, out Fp2 y)) continue;
            var p = new G2Affine(x, y);
            Assert.True(p.IsOnCurve);
            // Independent evidence that p is outside G2: r·p ≠ O, by the textbook oracle and the reference path.
            Assert.False(Ref.Mul(ReferencePoints.From(p), Fr.Modulus).Infinity);
            JacobianPoint<Fp2>.FromAffine(x, y, out JacobianPoint<Fp2> jp);
            Wnaf.MultiplyReference(jp, r, out JacobianPoint<Fp2> rp);
            Assert.False(rp.IsInfinity);
            Assert.False(p.IsInSubgroup);
            Assert.False(G2Jacobian.FromAffine(p).IsInSubgroup);
            Assert.False(G2Endomorphism.IsInSubgroupSixXSquared(jp));
            // p plus a G2 element is still outside G2.
            G2Affine shifted = (G2Jacobian.FromAffine(p) + G2Jacobian.Generator).ToAffine();
            Assert.False(shifted.IsInSubgroup);
            made++;
        }
    }

    [Fact]
    public void SubgroupCriterionPreconditionsHoldForTheSeed()
    {
        BigInteger x = G2Endomorphism.Seed;
        Assert.NotEqual(4, (int)(x % 13));
        Assert.NotEqual(92, (int)(x % 97));
        Assert.Equal(Fp.Modulus, 36 * BigInteger.Pow(x, 4) + 36 * BigInteger.Pow(x, 3) + 24 * x * x + 6 * x + 1);
        Assert.Equal(Fr.Modulus, 36 * BigInteger.Pow(x, 4) + 36 * BigInteger.Pow(x, 3) + 18 * x * x + 6 * x + 1);
    }

    [Fact]
    public void GeneratorMultiplesPassAndOffCurvePointsFail()
    {
        G2Jacobian p = G2Jacobian.Generator;
        for (int i = 0; i < 5; i++)
        {
            Assert.True(p.ToAffine().IsInSubgroup);
            p = G2Jacobian.Multiply(p, Fr.FromUInt64(0x1234567UL + (ulong)i));
        }
        Assert.True(G2Affine.Infinity.IsInSubgroup);
        var g = G2Affine.Generator;
        Assert.False(new G2Affine(g.X, g.Y + Fp2.One).IsInSubgroup);
        Assert.True(G2Jacobian.Multiply(G2Jacobian.Generator, Fr.FromBigInteger(Fr.Modulus - 1)) == -G2Jacobian.Generator);
    }
}
