using System.Buffers.Binary;
using System.Numerics;

namespace ZkInference.Groth16.Ceremony;

/// <summary>
/// BLAKE2b-512 (RFC 7693, unkeyed) whose running state can be exported in the 216-byte "partial hash"
/// layout that snarkjs stores in ptau contributions: the pending 128-byte block, the eight state words,
/// the bytes compressed so far and the bytes pending. The last block is compressed lazily, as the
/// hashing library snarkjs uses does, so the exported state matches it.
/// </summary>
public sealed class Blake2b
{
    /// <summary>The digest size in bytes.</summary>
    public const int HashSize = 64;

    /// <summary>The size of an exported partial state.</summary>
    public const int PartialStateSize = 216;

    private static readonly ulong[] Iv =
    [
        0x6A09E667F3BCC908UL, 0xBB67AE8584CAA73BUL, 0x3C6EF372FE94F82BUL, 0xA54FF53A5F1D36F1UL,
        0x510E527FADE682D1UL, 0x9B05688C2B3E6C1FUL, 0x1F83D9ABFB41BD6BUL, 0x5BE0CD19137E2179UL,
    ];

    private static readonly byte[][] Sigma =
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
        [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
        [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
        [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
        [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
        [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
        [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
        [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
        [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    ];

    private readonly ulong[] _h = new ulong[8];
    private readonly byte[] _buffer = new byte[128];
    private int _pos;
    private ulong _length;

    /// <summary>Starts a BLAKE2b-512 hash.</summary>
    public Blake2b()
    {
        Iv.CopyTo(_h, 0);
        _h[0] ^= 0x01010000UL ^ HashSize;
    }

    /// <summary>Hashes <paramref name="data"/> in one call.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var h = new Blake2b();
        h.Update(data);
        return h.Digest();
    }

    /// <summary>Absorbs more data.</summary>
    public void Update(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_pos == 128)
            {
                Compress(_buffer, false);
                _pos = 0;
            }
            int take = Math.Min(128 - _pos, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_pos));
            _pos += take;
            _length += (ulong)take;
            data = data[take..];
        }
    }

    /// <summary>Finishes the hash and returns the 64-byte digest; the instance must not be used afterwards.</summary>
    public byte[] Digest()
    {
        _buffer.AsSpan(_pos).Clear();
        Compress(_buffer, true);
        var result = new byte[HashSize];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(8 * i), _h[i]);
        return result;
    }

    /// <summary>The running state in snarkjs's 216-byte partial-hash layout.</summary>
    public byte[] ExportPartialState()
    {
        var res = new byte[PartialStateSize];
        _buffer.CopyTo(res, 0);
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(res.AsSpan(128 + 8 * i), _h[i]);
        BinaryPrimitives.WriteUInt32LittleEndian(res.AsSpan(192), unchecked((uint)(_length - (ulong)_pos)));
        BinaryPrimitives.WriteUInt32LittleEndian(res.AsSpan(200), (uint)_pos);
        return res;
    }

    /// <summary>Resumes a hash from a state exported by <see cref="ExportPartialState"/> (or by snarkjs).</summary>
    public static Blake2b FromPartialState(ReadOnlySpan<byte> state)
    {
        if (state.Length != PartialStateSize) throw new ArgumentException($"a partial BLAKE2b state has {PartialStateSize} bytes", nameof(state));
        var h = new Blake2b();
        state[..128].CopyTo(h._buffer);
        for (int i = 0; i < 8; i++) h._h[i] = BinaryPrimitives.ReadUInt64LittleEndian(state[(128 + 8 * i)..]);
        ulong compressed = BinaryPrimitives.ReadUInt32LittleEndian(state[192..]) + ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(state[196..]) << 32);
        uint pos = BinaryPrimitives.ReadUInt32LittleEndian(state[200..]);
        if (pos > 128) throw new ArgumentException("the partial BLAKE2b state has a pending length above 128", nameof(state));
        h._pos = (int)pos;
        h._length = compressed + pos;
        return h;
    }

    private void Compress(ReadOnlySpan<byte> block, bool last)
    {
        Span<ulong> m = stackalloc ulong[16];
        Span<ulong> v = stackalloc ulong[16];
        for (int i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
        for (int i = 0; i < 8; i++) { v[i] = _h[i]; v[i + 8] = Iv[i]; }
        v[12] ^= _length;
        if (last) v[14] = ~v[14];
        for (int r = 0; r < 12; r++)
        {
            byte[] s = Sigma[r % 10];
            G(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            G(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            G(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            G(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            G(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            G(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            G(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            G(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) _h[i] ^= v[i] ^ v[i + 8];
    }

    private static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x; v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d]; v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y; v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d]; v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
