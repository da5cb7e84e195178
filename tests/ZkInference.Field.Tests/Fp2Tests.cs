using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Tests.Reference;

namespace ZkInference.Field.Tests;

public static class TowerGenerators
{
    public static Arbitrary<Fp2> Fp2() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => ZkInference.Field.Fp2.Random(new System.Random(seed))));
}

public sealed class Fp2Tests
{
    [Property(Arbitrary = [typeof(TowerGenerators)])]
    public bool FieldAxioms(Fp2 a, Fp2 b, Fp2 c)
    {
        Fp2.Inverse(a, out Fp2 inv);
        Fp2.Square(a, out Fp2 sq);
        return a * (b + c) == a * b + a * c && (a * b) * c == a * (b * c) && a * b == b * a
            && sq == a * a && (a.IsZero || (a * inv).IsOne);
    }

    [Property(Arbitrary = [typeof(TowerGenerators)])]
    public bool MulAndSquareMatchBigInteger(Fp2 a, Fp2 b)
    {
        // (a0 + a1·u)(b0 + b1·u) = (a0·b0 − a1·b1) + (a0·b1 + a1·b0)·u, computed on integers.
        System.Numerics.BigInteger q = Fp.Modulus;
        System.Numerics.BigInteger a0 = a.A0.ToBigInteger(), a1 = a.A1.ToBigInteger(), b0 = b.A0.ToBigInteger(), b1 = b.A1.ToBigInteger();
        Fp2.Mul(a, b, out Fp2 p);
        Fp2.Square(a, out Fp2 s);
        bool mul = p.A0.ToBigInteger() == ((a0 * b0 - a1 * b1) % q + q) % q && p.A1.ToBigInteger() == (a0 * b1 + a1 * b0) % q;
        bool square = s.A0.ToBigInteger() == ((a0 * a0 - a1 * a1) % q + q) % q && s.A1.ToBigInteger() == 2 * a0 * a1 % q;
        return mul && square;
    }

    [Property(Arbitrary = [typeof(TowerGenerators)])]
    public bool NonResidueAndConjugate(Fp2 a)
    {
        Fp2.MulByNonResidue(a, out Fp2 x);
        Fp2.Conjugate(a, out Fp2 c);
        // u² = −1, and conjugation is the p-th power (Frobenius).
        var u = new Fp2(Fp.Zero, Fp.One);
        return x == a * Fp2.NonResidue && u * u == -Fp2.One && c == Pow(a, Fp.Modulus);
    }

    private static Fp2 Pow(Fp2 a, System.Numerics.BigInteger e)
    {
        Fp2 acc = Fp2.One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            acc = acc * acc;
            if (!(e >> (int)i).IsEven) acc = acc * a;
        }
        return acc;
    }

    [Fact]
    public void GeneratorsAreOnTheirCurvesAndHaveOrderR()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsOnCurve);
        Assert.True(AffineReference<Fp>.Mul(ReferencePoints.From(G1Affine.Generator), ReferencePoints.Order).Infinity);
        Assert.True(AffineReference<Fp2>.Mul(ReferencePoints.From(G2Affine.Generator), ReferencePoints.Order).Infinity);
    }
}
