using System.Numerics;

namespace ZkInference.Market;

/// <summary>One 32-byte big-endian ABI word.</summary>
internal static class AbiWord
{
    internal static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    /// <summary>Writes <paramref name="value"/> into 32 bytes; false when it is negative or needs more than 256 bits.</summary>
    public static bool TryWrite(BigInteger value, Span<byte> destination)
    {
        if (value.Sign < 0 || value > Max || destination.Length != 32) return false;
        destination.Clear();
        int n = value.IsZero ? 0 : value.GetByteCount(isUnsigned: true);
        return n == 0 || value.TryWriteBytes(destination[(32 - n)..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads 32 bytes big-endian.</summary>
    public static BigInteger Read(ReadOnlySpan<byte> word) => new(word, isUnsigned: true, isBigEndian: true);
}
