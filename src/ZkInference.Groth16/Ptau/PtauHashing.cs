using ZkInference.Field;
using ZkInference.Groth16.Ceremony;

namespace ZkInference.Groth16.Ptau;

/// <summary>The transcript hashes of snarkjs's powers of tau.</summary>
public static class PtauHashing
{
    /// <summary>
    /// The challenge of a fresh accumulator of the given power: BLAKE2b of the empty-input hash followed
    /// by every point of the file (all generators) in uncompressed form.
    /// </summary>
    public static byte[] FirstChallengeHash(int power)
    {
        var h = new Blake2b();
        h.Update(Blake2b.Hash([]));
        byte[] g1 = new byte[64], g2 = new byte[128];
        PointEncoding.WriteUncompressed(G1Affine.Generator, g1);
        PointEncoding.WriteUncompressed(G2Affine.Generator, g2);
        long n = 1L << power;
        Repeat(h, g1, 2 * n - 1);
        Repeat(h, g2, n);
        Repeat(h, g1, n);
        Repeat(h, g1, n);
        h.Update(g2);
        return h.Digest();
    }

    private static void Repeat(Blake2b h, byte[] item, long count)
    {
        const int Block = 1024;
        byte[] big = new byte[item.Length * Block];
        for (int i = 0; i < Block; i++) item.CopyTo(big, i * item.Length);
        for (; count >= Block; count -= Block) h.Update(big);
        h.Update(big.AsSpan(0, (int)count * item.Length));
    }

    /// <summary>Formats a hash as snarkjs prints it: four lines of four 32-bit big-endian words.</summary>
    public static string Format(ReadOnlySpan<byte> hash)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 4; i++)
        {
            sb.Append("\t\t");
            for (int j = 0; j < 4; j++)
            {
                if (j > 0) sb.Append(' ');
                sb.Append(Convert.ToHexStringLower(hash.Slice(i * 16 + j * 4, 4)));
            }
            if (i < 3) sb.Append('\n');
        }
        return sb.ToString();
    }
}
