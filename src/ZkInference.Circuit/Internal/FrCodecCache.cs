using System.Buffers.Binary;
using ZkInference.Field;

namespace ZkInference.Circuit.Internal;

/// <summary>
/// Direct-mapped caches for converting coefficients between canonical little-endian bytes and Fr (each
/// conversion is a Montgomery multiplication). Constraint files repeat a few coefficients (1, −1, powers of two,
/// constants) millions of times, so most conversions become a lookup. One instance per reader/writer (not shared).
/// </summary>
internal sealed class FrCodecCache
{
    private const int Size = 1024;
    private readonly ulong[] _keys = new ulong[Size * 4];
    private readonly Fr[] _values = new Fr[Size];
    private readonly bool[] _used = new bool[Size];

    /// <summary>Reads 32 canonical LE bytes; false when not below the modulus.</summary>
    public bool TryRead(ReadOnlySpan<byte> bytes, out Fr value)
    {
        ulong c0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes), c1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        ulong c2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]), c3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        int slot = Slot(c0, c1, c2, c3);
        if (_used[slot] && _keys[4 * slot] == c0 && _keys[4 * slot + 1] == c1 && _keys[4 * slot + 2] == c2 && _keys[4 * slot + 3] == c3)
        {
            value = _values[slot];
            return true;
        }
        if (!Fr.TryFromCanonical(c0, c1, c2, c3, out value)) return false;
        Store(slot, c0, c1, c2, c3, value);
        return true;
    }

    /// <summary>Writes the canonical value as 32 LE bytes.</summary>
    public void Write(in Fr value, Span<byte> destination)
    {
        value.ToMontgomery(out ulong m0, out ulong m1, out ulong m2, out ulong m3);
        int slot = Slot(m0, m1, m2, m3);
        ulong c0, c1, c2, c3;
        if (_used[slot] && _values[slot] == value)
        {
            c0 = _keys[4 * slot]; c1 = _keys[4 * slot + 1]; c2 = _keys[4 * slot + 2]; c3 = _keys[4 * slot + 3];
        }
        else
        {
            value.ToCanonical(out c0, out c1, out c2, out c3);
            Store(slot, c0, c1, c2, c3, value);
        }
        BinaryPrimitives.WriteUInt64LittleEndian(destination, c0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], c1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], c2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], c3);
    }

    private void Store(int slot, ulong c0, ulong c1, ulong c2, ulong c3, in Fr value)
    {
        _keys[4 * slot] = c0; _keys[4 * slot + 1] = c1; _keys[4 * slot + 2] = c2; _keys[4 * slot + 3] = c3;
        _values[slot] = value;
        _used[slot] = true;
    }

    private static int Slot(ulong a, ulong b, ulong c, ulong d)
    {
        ulong h = (a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL) ^ (c * 0x165667B19E3779F9UL) ^ d;
        return (int)((h ^ (h >> 29)) & (Size - 1));
    }
}
