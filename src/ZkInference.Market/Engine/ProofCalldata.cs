using System.Numerics;
using ZkInference.Field;
using ZkInference.Groth16;

namespace ZkInference.Market.Engine;

/// <summary>
/// A Groth16 proof as the contract takes it: eight 256-bit words in snarkjs's calldata order
/// a.x, a.y, b.x.im, b.x.re, b.y.im, b.y.re, c.x, c.y (EIP-197 puts the imaginary part first).
/// </summary>
public static class ProofCalldata
{
    /// <summary>The number of words.</summary>
    public const int WordCount = 8;

    /// <summary>The eight words of <paramref name="proof"/>.</summary>
    public static BigInteger[] ToWords(in Proof proof) =>
    [
        proof.A.X.ToBigInteger(), proof.A.Y.ToBigInteger(),
        proof.B.X.A1.ToBigInteger(), proof.B.X.A0.ToBigInteger(), proof.B.Y.A1.ToBigInteger(), proof.B.Y.A0.ToBigInteger(),
        proof.C.X.ToBigInteger(), proof.C.Y.ToBigInteger(),
    ];

    /// <summary>
    /// Reads eight words as a proof with the EVM's rules (each word below p, points on the curve, π_B in G2);
    /// false for anything the precompiles would reject.
    /// </summary>
    public static bool TryFromWords(IReadOnlyList<BigInteger> words, out Proof proof)
    {
        proof = default;
        if (words.Count != WordCount) return false;
        Span<byte> bytes = stackalloc byte[WordCount * 32];
        for (int i = 0; i < WordCount; i++)
            if (!AbiWord.TryWrite(words[i], bytes.Slice(i * 32, 32))) return false;
        if (!G1Affine.TryReadBigEndian(bytes[..64], out G1Affine a)) return false;
        if (!G2Affine.TryReadBigEndian(bytes[64..192], out G2Affine b)) return false;
        if (!G1Affine.TryReadBigEndian(bytes[192..], out G1Affine c)) return false;
        proof = new Proof(a, b, c);
        return true;
    }
}
