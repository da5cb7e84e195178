using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace ZkInference.Field.Tests;

/// <summary>
/// FsCheck arbitraries for field elements: uniform values mixed with the edge values that break
/// carry and reduction logic (0, 1, q−1, R mod q, R² mod q, 2^k).
/// </summary>
public static class Generators
{
    public static Arbitrary<Fp> Fp() => Arb.From(FieldGen(ZkInference.Field.Fp.Modulus, ZkInference.Field.Fp.FromBigInteger));

    public static Arbitrary<Fr> Fr() => Arb.From(FieldGen(ZkInference.Field.Fr.Modulus, ZkInference.Field.Fr.FromBigInteger));

    public static BigInteger[] EdgeValues(BigInteger q)
    {
        BigInteger r = (BigInteger.One << 256) % q;
        return [0, 1, 2, q - 1, q - 2, r, r * r % q, (q - 1) / 2, (q + 1) / 2, BigInteger.One << 64, BigInteger.One << 128, (BigInteger.One << 192) - 1, (BigInteger.One << 253)];
    }

    private static Gen<T> FieldGen<T>(BigInteger q, Func<BigInteger, T> make)
    {
        Gen<T> random = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var bytes = new byte[40];
            new System.Random(seed).NextBytes(bytes);
            return make(new BigInteger(bytes, isUnsigned: true) % q);
        });
        Gen<T> edge = Gen.Elements(EdgeValues(q)).Select(make);
        return Gen.Frequency((3, random), (1, edge));
    }
}
