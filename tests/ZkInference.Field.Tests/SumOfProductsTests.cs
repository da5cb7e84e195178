using System.Numerics;
using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>
/// Fp/Fr SumOfProducts (a·b + c·d with one Montgomery reduction, the core of the Fp2 product) against the
/// BigInteger oracle, including operands whose Montgomery limbs are the largest allowed (q − 1), where the
/// five-word intermediate and the final subtraction are closest to their bounds.
/// </summary>
public sealed class SumOfProductsTests
{
    [Property(Arbitrary = [typeof(Generators)])]
    public bool FpMatchesBigInteger(Fp a, Fp b, Fp c, Fp d)
    {
        Fp.SumOfProducts(a, b, c, d, out Fp r);
        return r.ToBigInteger() == (a.ToBigInteger() * b.ToBigInteger() + c.ToBigInteger() * d.ToBigInteger()) % Fp.Modulus;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool FrMatchesBigInteger(Fr a, Fr b, Fr c, Fr d)
    {
        Fr.SumOfProducts(a, b, c, d, out Fr r);
        return r.ToBigInteger() == (a.ToBigInteger() * b.ToBigInteger() + c.ToBigInteger() * d.ToBigInteger()) % Fr.Modulus;
    }

    [Fact]
    public void ExtremeMontgomeryLimbs()
    {
        BigInteger q = Fp.Modulus;
        BigInteger rInv = BigInteger.ModPow((BigInteger.One << 256) % q, q - 2, q);
        BigInteger ones = ulong.MaxValue;
        BigInteger[] limbs = [q - 1, q - 2, ones, ones | (ones << 64) | (ones << 128), (BigInteger.One << 253) - 1, 1, 0];
        var values = limbs.Select(l => l * rInv % q).ToList();
        var rng = new Random(5);
        for (int i = 0; i < 40; i++) values.Add(Fp.Random(rng).ToBigInteger());
        foreach (BigInteger a in values)
            foreach (BigInteger b in values.Take(12))
            {
                Fp fa = Fp.FromBigInteger(a), fb = Fp.FromBigInteger(b);
                Fp.SumOfProducts(fa, fb, fb, fa, out Fp r);
                Assert.Equal(2 * a * b % q, r.ToBigInteger());
                Fp.SumOfProducts(fa, fa, fb, fb, out r);
                Assert.Equal((a * a + b * b) % q, r.ToBigInteger());
            }
    }
}
