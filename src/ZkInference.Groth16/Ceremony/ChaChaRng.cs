using System.Buffers.Binary;
using System.Numerics;

namespace ZkInference.Groth16.Ceremony;

/// <summary>
/// The deterministic ChaCha20 block generator snarkjs (ffjavascript) seeds from hashes: constant words,
/// eight seed words, a 128-bit block counter starting at zero, ten double rounds; words are handed out
/// in order. Reproduced exactly because ceremony verification recomputes points drawn from it.
/// </summary>
public sealed class ChaChaRng
{
    private readonly uint[] _state = new uint[16];
    private readonly uint[] _block = new uint[16];
    private int _index = 16;

    /// <summary>Creates the generator from eight seed words.</summary>
    public ChaChaRng(ReadOnlySpan<uint> seed)
    {
        if (seed.Length != 8) throw new ArgumentException("ChaCha takes eight seed words", nameof(seed));
        _state[0] = 0x61707865; _state[1] = 0x3320646E; _state[2] = 0x79622D32; _state[3] = 0x6B206574;
        seed.CopyTo(_state.AsSpan(4));
    }

    /// <summary>Seeds from the first 32 bytes of a hash, read as eight big-endian words (snarkjs's convention).</summary>
    public static ChaChaRng FromHash(ReadOnlySpan<byte> hash)
    {
        Span<uint> seed = stackalloc uint[8];
        for (int i = 0; i < 8; i++) seed[i] = BinaryPrimitives.ReadUInt32BigEndian(hash[(4 * i)..]);
        return new ChaChaRng(seed);
    }

    /// <summary>The next 32-bit word.</summary>
    public uint NextUInt32()
    {
        if (_index == 16) Refill();
        return _block[_index++];
    }

    /// <summary>Two words, the first one high.</summary>
    public ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    /// <summary>The low bit of the next word.</summary>
    public bool NextBool() => (NextUInt32() & 1) == 1;

    private void Refill()
    {
        _state.CopyTo(_block, 0);
        for (int i = 0; i < 10; i++)
        {
            Quarter(0, 4, 8, 12); Quarter(1, 5, 9, 13); Quarter(2, 6, 10, 14); Quarter(3, 7, 11, 15);
            Quarter(0, 5, 10, 15); Quarter(1, 6, 11, 12); Quarter(2, 7, 8, 13); Quarter(3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) _block[i] += _state[i];
        _index = 0;
        for (int i = 12; i < 16; i++)
            if (++_state[i] != 0) break;
    }

    private void Quarter(int a, int b, int c, int d)
    {
        uint[] s = _block;
        s[a] += s[b]; s[d] = BitOperations.RotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d]; s[b] = BitOperations.RotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b]; s[d] = BitOperations.RotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d]; s[b] = BitOperations.RotateLeft(s[b] ^ s[c], 7);
    }
}
