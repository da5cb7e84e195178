using System.Buffers.Binary;
using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// The section-4 entry codec: matrix u32, constraint u32, signal u32, then the coefficient c stored as
/// c·R² mod r little-endian (R = 2²⁵⁶), i.e. the Montgomery form of the Montgomery form of c.
/// </summary>
internal static class ZkeyCoefficientCodec
{
    public const int EntrySize = 12 + Fr.SizeInBytes;

    /// <summary>R mod r as a field element: reading c·R² as a Montgomery encoding yields c·R; multiplying by R⁻¹ yields c.</summary>
    private static readonly Fr R = Fr.FromBigInteger(BigInteger.One << 256);
    private static readonly Fr RInverse = R.Inverse();

    /// <summary>R⁻² mod r: the factor between a sum of raw decoded products (see <see cref="TryDecodeRaw"/>) squared and the true value.</summary>
    public static readonly Fr RInverseSquared = RInverse * RInverse;

    /// <summary>
    /// Decodes an entry leaving the value as c·R (one multiplication fewer than <see cref="TryDecode"/>): for
    /// callers that sum many products linearly and remove the factor R once at the end.
    /// </summary>
    public static bool TryDecodeRaw(ReadOnlySpan<byte> entry, out uint matrix, out uint constraint, out uint signal, out Fr valueTimesR)
    {
        matrix = BinaryPrimitives.ReadUInt32LittleEndian(entry);
        constraint = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
        signal = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
        return Fr.TryReadMontgomeryLittleEndian(entry[12..EntrySize], out valueTimesR);
    }

    public static bool TryDecode(ReadOnlySpan<byte> entry, out uint matrix, out uint constraint, out uint signal, out Fr value)
    {
        if (!TryDecodeRaw(entry, out matrix, out constraint, out signal, out Fr timesR)) { value = default; return false; }
        value = timesR * RInverse;
        return true;
    }

    public static void Encode(in ZkeyCoefficient c, Span<byte> entry)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)c.Matrix);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], (uint)c.Constraint);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], (uint)c.Signal);
        (c.Value * R).WriteMontgomeryLittleEndian(entry[12..EntrySize]);
    }
}
