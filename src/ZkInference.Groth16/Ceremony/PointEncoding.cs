using ZkInference.Field;

namespace ZkInference.Groth16.Ceremony;

/// <summary>
/// The point encodings snarkjs hashes in ceremonies: "uncompressed" (x then y, big-endian canonical, G2
/// coordinates imaginary part first; infinity all zero) and "compressed" (x only, top bit set when y is
/// the larger root, 0x40 for infinity).
/// </summary>
public static class PointEncoding
{
    /// <summary>Bytes of an uncompressed G1 point.</summary>
    public const int G1Uncompressed = 64;

    /// <summary>Bytes of an uncompressed G2 point.</summary>
    public const int G2Uncompressed = 128;

    /// <summary>Writes the uncompressed form of a G1 point.</summary>
    public static void WriteUncompressed(in G1Affine p, Span<byte> destination)
    {
        if (p.IsInfinity) { destination[..64].Clear(); return; }
        p.WriteBigEndian(destination[..64]);
    }

    /// <summary>Writes the uncompressed form of a G2 point.</summary>
    public static void WriteUncompressed(in G2Affine p, Span<byte> destination)
    {
        if (p.IsInfinity) { destination[..128].Clear(); return; }
        p.WriteBigEndian(destination[..128]);
    }

    /// <summary>Writes the 32-byte compressed form of a G1 point.</summary>
    public static void WriteCompressed(in G1Affine p, Span<byte> destination)
    {
        destination = destination[..32];
        if (p.IsInfinity) { destination.Clear(); destination[0] = 0x40; return; }
        p.X.WriteBigEndian(destination);
        if (SnarkjsRandom.IsNegative(p.Y)) destination[0] |= 0x80;
    }

    /// <summary>Writes the 64-byte compressed form of a G2 point.</summary>
    public static void WriteCompressed(in G2Affine p, Span<byte> destination)
    {
        destination = destination[..64];
        if (p.IsInfinity) { destination.Clear(); destination[0] = 0x40; return; }
        p.X.A1.WriteBigEndian(destination);
        p.X.A0.WriteBigEndian(destination[32..]);
        if (SnarkjsRandom.Sign(p.Y) < 0) destination[0] |= 0x80;
    }
}
