using System.Buffers.Binary;
using System.Numerics;

namespace ZkInference.Field.Internal;

/// <summary>Scalars as canonical little-endian 64-bit limbs, reduced modulo the group order r.</summary>
internal static class Scalars
{
    /// <summary>Writes the canonical limbs of k (out of Montgomery form).</summary>
    public static void ToLimbs(in Fr k, Span<ulong> limbs)
    {
        k.ToCanonical(out limbs[0], out limbs[1], out limbs[2], out limbs[3]);
    }

    /// <summary>k mod r for any integer (negative ones included).</summary>
    public static Fr Reduce(BigInteger k) => Fr.FromBigInteger(k);

    /// <summary>
    /// k mod r for a 32-byte big-endian word (the EVM's ecMul scalar). G1 has prime order r, so
    /// k·P = (k mod r)·P for every point; a 256-bit k is below 6r, so a few subtractions reduce it.
    /// </summary>
    public static Fr ReduceBigEndian(ReadOnlySpan<byte> word)
    {
        if (word.Length != 32) throw new ArgumentException("a scalar word is 32 bytes", nameof(word));
        ulong c3 = BinaryPrimitives.ReadUInt64BigEndian(word);
        ulong c2 = BinaryPrimitives.ReadUInt64BigEndian(word[8..]);
        ulong c1 = BinaryPrimitives.ReadUInt64BigEndian(word[16..]);
        ulong c0 = BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        while (true)
        {
            if (Fr.TryFromCanonical(c0, c1, c2, c3, out Fr r)) return r;
            ulong borrow = 0;
            c0 = WideMath.SubWithBorrow(c0, Fr.Q0, ref borrow);
            c1 = WideMath.SubWithBorrow(c1, Fr.Q1, ref borrow);
            c2 = WideMath.SubWithBorrow(c2, Fr.Q2, ref borrow);
            c3 = WideMath.SubWithBorrow(c3, Fr.Q3, ref borrow);
        }
    }
}
