using System.Numerics;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;
using ZkInference.Field.Internal.X64;

namespace ZkInference.Field.Tests;

/// <summary>
/// The generated x86-64 Montgomery kernels (what Fp/Fr Mul, Square and SumOfProducts run on x86-64 Linux with
/// BMI2 and ADX) and the managed products behind them, each against the BigInteger oracle. The suite's second
/// run with <c>DOTNET_EnableHWIntrinsic=0</c> sends the public methods down the managed path as well.
/// </summary>
public sealed class NativeKernelTests
{
    [Fact]
    public void KernelsAreInUseWhereTheMachineSupportsThem()
    {
        if (!NativeKernels.Supported()) return;
        Assert.True(NativeKernels.Active, "the generated kernels failed their start-up check");
        unsafe
        {
            Assert.True(NativeKernels.FpSumOfProducts != null && NativeKernels.FrSumOfProducts != null);
            Assert.True(NativeKernels.Fp2Mul != null && NativeKernels.Fp2Square != null);
        }
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool FpProductsMatchBigInteger(Fp a, Fp b)
    {
        BigInteger expected = a.ToBigInteger() * b.ToBigInteger() % Fp.Modulus;
        Fp.Mul(a, b, out Fp viaDispatch);
        Fp.MulPortable(a, b, out Fp managed);
        Fp.Square(a, out Fp square);
        Fp.SquarePortable(a, out Fp squareManaged);
        BigInteger expectedSquare = a.ToBigInteger() * a.ToBigInteger() % Fp.Modulus;
        return viaDispatch.ToBigInteger() == expected && managed.ToBigInteger() == expected
            && square.ToBigInteger() == expectedSquare && squareManaged.ToBigInteger() == expectedSquare;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool FrProductsMatchBigInteger(Fr a, Fr b)
    {
        BigInteger expected = a.ToBigInteger() * b.ToBigInteger() % Fr.Modulus;
        Fr.Mul(a, b, out Fr viaDispatch);
        Fr.MulPortable(a, b, out Fr managed);
        Fr.Square(a, out Fr square);
        Fr.SquarePortable(a, out Fr squareManaged);
        BigInteger expectedSquare = a.ToBigInteger() * a.ToBigInteger() % Fr.Modulus;
        return viaDispatch.ToBigInteger() == expected && managed.ToBigInteger() == expected
            && square.ToBigInteger() == expectedSquare && squareManaged.ToBigInteger() == expectedSquare;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool ManagedSumOfProductsMatchesBigInteger(Fp a, Fp b, Fr c, Fr d)
    {
        Fp.SumOfProductsPortable(a, b, b, a, out Fp fp);
        Fr.SumOfProductsPortable(c, d, d, d, out Fr fr);
        return fp.ToBigInteger() == 2 * a.ToBigInteger() * b.ToBigInteger() % Fp.Modulus
            && fr.ToBigInteger() == (c.ToBigInteger() + d.ToBigInteger()) * d.ToBigInteger() % Fr.Modulus;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool Fp2ProductsMatchBigInteger(Fp a0, Fp a1, Fp b0, Fp b1)
    {
        // (a0 + a1·u)(b0 + b1·u) with u² = −1, through the kernel, the managed path and BigInteger.
        BigInteger q = Fp.Modulus, x0 = a0.ToBigInteger(), x1 = a1.ToBigInteger(), y0 = b0.ToBigInteger(), y1 = b1.ToBigInteger();
        BigInteger re = ((x0 * y0 - x1 * y1) % q + q) % q, im = (x0 * y1 + x1 * y0) % q;
        BigInteger sqRe = ((x0 * x0 - x1 * x1) % q + q) % q, sqIm = 2 * x0 * x1 % q;
        Fp2 a = new(a0, a1), b = new(b0, b1);
        Fp2Ops.Mul(a, b, out Fp2 m);
        Fp2Ops.MulPortable(a, b, out Fp2 mp);
        Fp2Ops.Square(a, out Fp2 s);
        Fp2Ops.SquarePortable(a, out Fp2 sp);
        Fp2 aliased = a;
        Fp2Ops.Mul(aliased, b, out aliased);
        Fp2 squaredInPlace = a;
        Fp2Ops.Square(squaredInPlace, out squaredInPlace);
        return m == mp && s == sp && aliased == m && squaredInPlace == s
            && m.A0.ToBigInteger() == re && m.A1.ToBigInteger() == im && s.A0.ToBigInteger() == sqRe && s.A1.ToBigInteger() == sqIm;
    }

    [Fact]
    public void TowerKernelsAreInUseWithTheFieldKernels()
    {
        if (!NativeKernels.Fp2Active) return;
        Assert.True(TowerKernels.Active, "the generated Fp12 routines failed their start-up check");
        unsafe
        {
            Assert.True(TowerKernels.LineDouble != null && TowerKernels.LineAdd != null && TowerKernels.MulBy01234 != null);
        }
    }

    [Property(MaxTest = 30)]
    public bool Fp12RoutinesMatchTheManagedTower(int seed)
    {
        // Fp12.Mul/Square/MulBy034/CyclotomicSquare dispatch to the generated routines where they are active;
        // the *Scalar methods are the managed tower (Fp6 over Fp2), which the other tower tests check.
        var rng = new Random(seed);
        Fp12 a = Fp12.Random(rng), b = Fp12.Random(rng);
        Fp2 c0 = Fp2.Random(rng), c3 = Fp2.Random(rng), c4 = Fp2.Random(rng);
        Fp12.Mul(a, b, out Fp12 m);
        Fp12.MulScalar(a, b, out Fp12 mExpected);
        Fp12.Square(a, out Fp12 s);
        Fp12.SquareScalar(a, out Fp12 sExpected);
        Fp12.MulBy034(a, c0, c3, c4, out Fp12 l);
        Fp12.MulBy034Scalar(a, c0, c3, c4, out Fp12 lExpected);
        Fp12.CyclotomicSquare(a, out Fp12 c);
        Fp12.CyclotomicSquareScalar(a, out Fp12 cExpected);
        Fp6 x0 = Fp6.Random(rng);
        Fp12.MulBy01234(a, x0, c3, c4, out Fp12 two);
        Fp12.MulBy01234Scalar(a, x0, c3, c4, out Fp12 twoExpected);
        Fp12 inPlace = a;
        Fp12.Mul(inPlace, inPlace, out inPlace);
        return m == mExpected && s == sExpected && l == lExpected && c == cExpected && two == twoExpected && inPlace == sExpected;
    }

    [Property(MaxTest = 30)]
    public bool LineStepsMatchTheManagedOnes(int seed)
    {
        var rng = new Random(seed);
        var t = new G2Projective { X = Fp2.Random(rng), Y = Fp2.Random(rng), Z = Fp2.Random(rng) };
        G2Projective expected = t;
        Fp2 qx = Fp2.Random(rng), qy = Fp2.Random(rng);
        LineFunctions.Double(ref t, out LineCoeffs l1);
        LineFunctions.DoubleManaged(ref expected, out LineCoeffs e1);
        LineFunctions.Add(ref t, qx, qy, out LineCoeffs l2);
        LineFunctions.AddManaged(ref expected, qx, qy, out LineCoeffs e2);
        return t.X == expected.X && t.Y == expected.Y && t.Z == expected.Z
            && l1.C0 == e1.C0 && l1.C3 == e1.C3 && l1.C4 == e1.C4 && l2.C0 == e2.C0 && l2.C3 == e2.C3 && l2.C4 == e2.C4;
    }

    [Fact]
    public void PointKernelsAreInUseWithTheFieldKernels()
    {
        if (!NativeKernels.Fp2Active) return;
        unsafe
        {
            Assert.True(PointKernels.G1Double != null && PointKernels.G1AddMixed != null, "the G1 point kernels failed their start-up check");
            Assert.True(PointKernels.G2Double != null && PointKernels.G2AddMixed != null, "the G2 point kernels failed their start-up check");
        }
    }

    [Property(MaxTest = 20)]
    public bool PointStepsMatchTheManagedOnes(int seed)
    {
        // Random multiples of the generators (Z ≠ 1 after the multiplication), their doubling and mixed
        // addition through the dispatching methods against the managed formulas, the special cases included.
        var rng = new Random(seed);
        G1Jacobian p1 = G1Jacobian.Generator * Fr.Random(rng);
        G1Affine a1 = (G1Jacobian.Generator * Fr.Random(rng)).ToAffine(), same1 = p1.ToAffine();
        G2Jacobian p2 = G2Jacobian.Generator * Fr.Random(rng);
        G2Affine a2 = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine(), same2 = p2.ToAffine();
        bool g1 = SameAsManaged(p1.X, p1.Y, p1.Z, a1.X, a1.Y) && SameAsManaged(p1.X, p1.Y, p1.Z, same1.X, same1.Y)
            && SameAsManaged(p1.X, p1.Y, p1.Z, same1.X, -same1.Y);
        bool g2 = SameAsManaged(p2.X, p2.Y, p2.Z, a2.X, a2.Y) && SameAsManaged(p2.X, p2.Y, p2.Z, same2.X, same2.Y)
            && SameAsManaged(p2.X, p2.Y, p2.Z, same2.X, -same2.Y);
        return g1 && g2 && p1 + same1 == p1 + p1 && (p1 + (-p1).ToAffine()).IsInfinity && p2 + same2 == p2 + p2;
    }

    private static bool SameAsManaged<T>(T x, T y, T z, T x2, T y2) where T : struct, IField<T>
    {
        var p = new JacobianPoint<T>(x, y, z);
        JacobianPoint<T>.Double(p, out var d);
        JacobianPoint<T>.DoubleManaged(p, out var dm);
        JacobianPoint<T>.AddMixed(p, x2, y2, out var s);
        JacobianPoint<T>.AddMixedManaged(p, x2, y2, out var sm);
        var inPlace = p;
        JacobianPoint<T>.AddMixed(inPlace, x2, y2, out inPlace);
        return d.X.Equals(dm.X) && d.Y.Equals(dm.Y) && d.Z.Equals(dm.Z)
            && s.X.Equals(sm.X) && s.Y.Equals(sm.Y) && s.Z.Equals(sm.Z)
            && inPlace.X.Equals(sm.X) && inPlace.Y.Equals(sm.Y) && inPlace.Z.Equals(sm.Z);
    }

    [Property(MaxTest = 10)]
    public bool CyclotomicSquareIsTheSquareInTheCyclotomicSubgroup(int seed)
    {
        // f^((p⁶−1)(p²+1)) lies in the cyclotomic subgroup, where the cyclotomic square is the square.
        var rng = new Random(seed);
        Fp12 f = Fp12.Random(rng);
        Fp12.Inverse(f, out Fp12 inv);
        Fp12.Conjugate(f, out Fp12 g);
        Fp12.Mul(g, inv, out g);
        Fp12.Frobenius2(g, out Fp12 g2);
        Fp12.Mul(g2, g, out g);
        Fp12.CyclotomicSquare(g, out Fp12 c);
        Fp12.SquareScalar(g, out Fp12 expected);
        return c == expected;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool ResultMayAliasEitherInput(Fp a, Fp b)
    {
        BigInteger expected = a.ToBigInteger() * b.ToBigInteger() % Fp.Modulus;
        Fp x = a, y = b;
        Fp.Mul(x, y, out x);
        Fp.Mul(a, y, out y);
        Fp z = a;
        Fp.SumOfProducts(z, b, z, b, out z);
        return x.ToBigInteger() == expected && y.ToBigInteger() == expected && z.ToBigInteger() == 2 * expected % Fp.Modulus;
    }

    [Fact]
    public void ExtremeMontgomeryLimbs()
    {
        // Operands whose stored limbs are the largest reduced values, where the fifth word and the final
        // subtraction come closest to their bounds.
        foreach ((BigInteger q, Func<BigInteger, BigInteger> mulViaDispatch, Func<BigInteger, BigInteger> mulManaged) in new[]
                 {
                     (Fp.Modulus, (Func<BigInteger, BigInteger>)(v => (Fp.FromBigInteger(v) * Fp.FromBigInteger(v)).ToBigInteger()),
                      (Func<BigInteger, BigInteger>)(v => { Fp.MulPortable(Fp.FromBigInteger(v), Fp.FromBigInteger(v), out Fp r); return r.ToBigInteger(); })),
                     (Fr.Modulus, v => (Fr.FromBigInteger(v) * Fr.FromBigInteger(v)).ToBigInteger(),
                      v => { Fr.MulPortable(Fr.FromBigInteger(v), Fr.FromBigInteger(v), out Fr r); return r.ToBigInteger(); }),
                 })
        {
            BigInteger rInverse = BigInteger.ModPow((BigInteger.One << 256) % q, q - 2, q);
            BigInteger ones = ulong.MaxValue;
            BigInteger[] limbs = [q - 1, q - 2, ones, ones | (ones << 64) | (ones << 128), (BigInteger.One << 253) - 1, 1, 0, q / 2];
            foreach (BigInteger stored in limbs)
            {
                BigInteger v = stored * rInverse % q;
                Assert.Equal(v * v % q, mulViaDispatch(v));
                Assert.Equal(v * v % q, mulManaged(v));
            }
        }
    }
}
