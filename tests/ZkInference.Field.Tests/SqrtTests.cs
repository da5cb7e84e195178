using System.Numerics;
using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

public sealed class SqrtTests
{
    [Property(Arbitrary = [typeof(Generators)])]
    public bool FpSqrtOfSquare(Fp a)
    {
        Fp sq = a * a;
        return Fp.TrySqrt(sq, out Fp root) && root * root == sq && Fp.Legendre(sq) == (a.IsZero ? 0 : 1);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool FrSqrtOfSquare(Fr a)
    {
        Fr sq = a * a;
        return Fr.TrySqrt(sq, out Fr root) && root * root == sq;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool NonSquaresHaveNoRoot(Fr a)
    {
        // 5 is a non-residue, so 5·a² is a non-square for a ≠ 0.
        Fr ns = Fr.MultiplicativeGenerator * a * a;
        return a.IsZero || (!Fr.TrySqrt(ns, out _) && Fr.Legendre(ns) == -1);
    }

    [Fact]
    public void RootOfUnityHasOrderTwoToThe28()
    {
        Fr w = Fr.TwoAdicRootOfUnity;
        Assert.Equal(Fr.One, Fr.Pow(w, BigInteger.One << 28));
        Assert.Equal(-Fr.One, Fr.Pow(w, BigInteger.One << 27));
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool BatchInverseMatchesSingle(Fr a, Fr b, Fr c)
    {
        Fr[] values = [a, Fr.Zero, b, c];
        Fr[] inv = new Fr[4];
        Fr.BatchInverse(values, inv);
        Fr.BatchInverse(values, values); // in place
        return inv[0] == a.Inverse() && inv[1].IsZero && inv[2] == b.Inverse() && inv[3] == c.Inverse()
            && values.SequenceEqual(inv);
    }
}
