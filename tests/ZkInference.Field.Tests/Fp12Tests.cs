using System.Numerics;
using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>Fp12 is internal, so properties draw int seeds and build elements here: mostly random, sometimes 0 or 1.</summary>
internal static class Fp12Gen
{
    public static Fp12 Make(int seed) => (seed & 15) switch
    {
        0 => Fp12.Zero,
        1 => Fp12.One,
        _ => Fp12.Random(new System.Random(seed)),
    };

    /// <summary>f^((p⁶−1)(p²+1)) for random f: an element of the cyclotomic subgroup.</summary>
    public static Fp12 Cyclotomic(int seed)
    {
        Fp12 f = Fp12.Random(new System.Random(seed));
        BigInteger p = Fp.Modulus;
        return Fp12.Pow(f, (BigInteger.Pow(p, 6) - 1) * (p * p + 1));
    }
}

public sealed class Fp12Tests
{
    private static readonly BigInteger P = Fp.Modulus;

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 30)]
    public bool FieldAxioms(int sa, int sb, int sc)
    {
        Fp12 a = Fp12Gen.Make(sa), b = Fp12Gen.Make(sb), c = Fp12Gen.Make(sc);
        return
        a * (b + c) == a * b + a * c
        && (a * b) * c == a * (b * c)
        && a * b == b * a
        && a + b - b == a
        && a + -a == Fp12.Zero
        && a * Fp12.One == a;
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 30)]
    public bool SquareAndInverse(int sa)
    {
        Fp12 a = Fp12Gen.Make(sa);
        Fp12.Square(a, out Fp12 sq);
        Fp12.Inverse(a, out Fp12 inv);
        return sq == a * a && (a.IsZero ? inv.IsZero : (a * inv).IsOne);
    }

    [Fact]
    public void WSquaredIsV()
    {
        var w = new Fp12(Fp6.Zero, Fp6.One);
        Assert.Equal(new Fp12(new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero), Fp6.Zero), w * w);
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 5)]
    public bool FrobeniusIsPowersOfP(int sa)
    {
        Fp12 a = Fp12Gen.Make(sa);
        Fp12.Frobenius(a, out Fp12 f1);
        Fp12.Frobenius2(a, out Fp12 f2);
        Fp12.Frobenius3(a, out Fp12 f3);
        return f1 == Fp12.Pow(a, P) && f2 == Fp12.Pow(a, P * P) && f3 == Fp12.Pow(a, P * P * P);
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 20)]
    public bool FrobeniusComposes(int sa)
    {
        Fp12 a = Fp12Gen.Make(sa);
        Fp12 x = a;
        Fp12 sixth = default;
        for (int i = 1; i <= 12; i++)
        {
            Fp12.Frobenius(x, out x);
            if (i == 6) sixth = x;
        }
        Fp12.Conjugate(a, out Fp12 conj);
        Fp12.Frobenius(a, out Fp12 f1);
        Fp12.Frobenius(f1, out Fp12 f11);
        Fp12.Frobenius(f11, out Fp12 f111);
        Fp12.Frobenius2(a, out Fp12 f2);
        Fp12.Frobenius3(a, out Fp12 f3);
        return x == a && sixth == conj && f2 == f11 && f3 == f111;
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool LineMultiplicationMatchesFull(int sa, Fp2 c0, Fp2 c3, Fp2 c4)
    {
        Fp12 a = Fp12Gen.Make(sa);
        Fp12.MulBy034(a, c0, c3, c4, out Fp12 sparse);
        var line = new Fp12(new Fp6(c0, Fp2.Zero, Fp2.Zero), new Fp6(c3, c4, Fp2.Zero));
        return sparse == a * line;
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool TwoLineProductMatchesFull(int sa, Fp2 a0, Fp2 a3, Fp2 a4, Fp2 b0, Fp2 b3, Fp2 b4)
    {
        Fp12 a = Fp12Gen.Make(sa);
        var l = new Fp12(new Fp6(a0, Fp2.Zero, Fp2.Zero), new Fp6(a3, a4, Fp2.Zero));
        var m = new Fp12(new Fp6(b0, Fp2.Zero, Fp2.Zero), new Fp6(b3, b4, Fp2.Zero));
        Fp12.Mul034By034(a0, a3, a4, b0, b3, b4, out Fp6 x0, out Fp2 x1, out Fp2 x3);
        Fp12.MulBy01234(a, x0, x1, x3, out Fp12 r);
        return new Fp12(x0, new Fp6(x1, x3, Fp2.Zero)) == l * m && r == a * l * m;
    }

    [Property(MaxTest = 10)]
    public bool CyclotomicSquareMatchesSquare(int seed)
    {
        Fp12 g = Fp12Gen.Cyclotomic(seed);
        Fp12.CyclotomicSquare(g, out Fp12 cs);
        Fp12.Square(g, out Fp12 sq);
        Fp12.Conjugate(g, out Fp12 conj);
        // In the cyclotomic subgroup the conjugate is the inverse; a random non-member must not pass.
        Fp12 h = Fp12.Random(new System.Random(seed));
        Fp12.CyclotomicSquare(h, out Fp12 hcs);
        return cs == sq && (g * conj).IsOne && hcs != h * h;
    }

    [Property(MaxTest = 5)]
    public bool CyclotomicPowMatchesPow(int seed, ulong e0, ulong e1)
    {
        Fp12 g = Fp12Gen.Cyclotomic(seed);
        Fp12.CyclotomicPow(g, [e0, e1], out Fp12 r);
        var e = new BigInteger(e0) + (new BigInteger(e1) << 64);
        return r == Fp12.Pow(g, e);
    }

    [Fact]
    public void FinalExponentiationIsAFixedPowerOfTheReducedPairing()
    {
        BigInteger x = BnParameters.X;
        BigInteger m = 2 * x * (6 * x * x + 3 * x + 1);
        BigInteger r = Fr.Modulus;
        Assert.Equal(BigInteger.One, BigInteger.GreatestCommonDivisor(m, r));
        Fp12 f = Fp12.Random(new System.Random(7));
        FinalExponentiator.Run(f, out Fp12 result);
        Assert.Equal(Fp12.Pow(f, m * ((BigInteger.Pow(P, 12) - 1) / r)), result);
    }

    [Fact]
    public void ExpByNegXMatchesPow()
    {
        Fp12 g = Fp12Gen.Cyclotomic(3);
        FinalExponentiator.ExpByNegX(g, out Fp12 r);
        Fp12.Conjugate(Fp12.Pow(g, BnParameters.X), out Fp12 expected);
        Assert.Equal(expected, r);
    }
}
