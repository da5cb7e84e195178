using FsCheck.Xunit;

namespace ZkInference.Field.Tests;

/// <summary>Fp6 is internal, so properties draw int seeds and build elements here: mostly random, sometimes 0 or 1.</summary>
internal static class Fp6Gen
{
    public static Fp6 Make(int seed) => (seed & 15) switch
    {
        0 => Fp6.Zero,
        1 => Fp6.One,
        _ => Fp6.Random(new System.Random(seed)),
    };
}

public sealed class Fp6Tests
{
    private static readonly Fp6 V = new(Fp2.Zero, Fp2.One, Fp2.Zero);

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool FieldAxioms(int sa, int sb, int sc)
    {
        Fp6 a = Fp6Gen.Make(sa), b = Fp6Gen.Make(sb), c = Fp6Gen.Make(sc);
        return
        a * (b + c) == a * b + a * c
        && (a * b) * c == a * (b * c)
        && a * b == b * a
        && a + b - b == a
        && a + -a == Fp6.Zero
        && a * Fp6.One == a;
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool SquareAndInverse(int sa)
    {
        Fp6 a = Fp6Gen.Make(sa);
        Fp6.Square(a, out Fp6 sq);
        Fp6.Inverse(a, out Fp6 inv);
        Fp6.Double(a, out Fp6 dbl);
        return sq == a * a && dbl == a + a && (a.IsZero ? inv.IsZero : (a * inv).IsOne);
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool VCubedIsXiAndMulByNonResidueIsMulByV(int sa)
    {
        Fp6 a = Fp6Gen.Make(sa);
        Fp6.MulByNonResidue(a, out Fp6 av);
        return V * V * V == new Fp6(Fp2.NonResidue, Fp2.Zero, Fp2.Zero) && av == a * V;
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool SparseMultiplicationsMatchFull(int sa, Fp2 b0, Fp2 b1)
    {
        Fp6 a = Fp6Gen.Make(sa);
        Fp6.MulBy01(a, b0, b1, out Fp6 sparse);
        Fp6.MulByFp2(a, b0, out Fp6 scalar);
        return sparse == a * new Fp6(b0, b1, Fp2.Zero) && scalar == a * new Fp6(b0, Fp2.Zero, Fp2.Zero);
    }

    [Property(Arbitrary = [typeof(TowerGenerators)], MaxTest = 50)]
    public bool OutputMayAliasInput(int sa, int sb)
    {
        Fp6 a = Fp6Gen.Make(sa), b = Fp6Gen.Make(sb);
        Fp6 expected = a * b;
        Fp6 x = a;
        Fp6.Mul(x, b, out x);
        Fp6 y = a;
        Fp6.Square(y, out y);
        return x == expected && y == a * a;
    }
}
