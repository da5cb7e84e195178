using System.Numerics;

namespace ZkInference.Field;

public readonly partial struct Fp2
{
    /// <summary>a^e by square-and-multiply on the bits of e ≥ 0. Not constant time; meant for constants and tests.</summary>
    internal static Fp2 Pow(in Fp2 a, BigInteger e)
    {
        Fp2 acc = One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            Square(acc, out acc);
            if (!(e >> (int)i).IsEven) Mul(acc, a, out acc);
        }
        return acc;
    }
}
