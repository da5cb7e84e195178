using System.Buffers.Binary;
using System.Numerics;

namespace ZkInference.Groth16.Formats;

/// <summary>
/// Writes an iden3 binfile (magic · version · nSections · sections) with section sizes known up front,
/// through a 1 MiB buffer. The caller writes exactly the declared bytes after each <see cref="BeginSection"/>.
/// </summary>
internal sealed class BinFileWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _pos;

    public BinFileWriter(Stream stream, string magic, int version, int sectionCount)
    {
        _stream = stream;
        foreach (char c in magic) Reserve(1)[0] = (byte)c;
        WriteUInt32((uint)version);
        WriteUInt32((uint)sectionCount);
    }

    public void BeginSection(int type, long size)
    {
        WriteUInt32((uint)type);
        WriteUInt64((ulong)size);
    }

    /// <summary>Returns the next <paramref name="n"/> bytes of the buffer to fill (n ≤ 1 MiB).</summary>
    public Span<byte> Reserve(int n)
    {
        if (_pos + n > _buffer.Length) Flush();
        Span<byte> span = _buffer.AsSpan(_pos, n);
        _pos += n;
        return span;
    }

    public void WriteUInt32(uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), v);

    public void WriteUInt64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), v);

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            int n = Math.Min(bytes.Length, _buffer.Length);
            bytes[..n].CopyTo(Reserve(n));
            bytes = bytes[n..];
        }
    }

    /// <summary>n8 = 32 and the prime, little-endian.</summary>
    public void WritePrime(BigInteger prime)
    {
        WriteUInt32(32);
        Span<byte> p = Reserve(32);
        p.Clear();
        prime.TryWriteBytes(p, out _, isUnsigned: true, isBigEndian: false);
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Flush();
    }
}
