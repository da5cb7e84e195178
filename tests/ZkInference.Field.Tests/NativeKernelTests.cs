using System.Numerics;
using FsCheck.Xunit;
using Xunit;
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
