using System.Buffers.Binary;
using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>Writes an iden3 binfile with section sizes known up front (no back-patching), through a large buffer.</summary>
internal sealed class BinFileWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly Internal.FrCodecCache _codec = new();
    private int _pos;

    public BinFileWriter(Stream stream, string magic, int version, int sectionCount)
    {
        _stream = stream;
        foreach (char c in magic) WriteByte((byte)c);
        WriteUInt32((uint)version);
        WriteUInt32((uint)sectionCount);
    }

    public void BeginSection(int type, long size)
    {
        WriteUInt32((uint)type);
        WriteUInt64((ulong)size);
    }

    public void WriteByte(byte b)
    {
        if (_pos == _buffer.Length) Flush();
        _buffer[_pos++] = b;
    }

    public void WriteUInt32(uint v)
    {
        if (_pos + 4 > _buffer.Length) Flush();
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_pos), v);
        _pos += 4;
    }

    public void WriteUInt64(ulong v)
    {
        if (_pos + 8 > _buffer.Length) Flush();
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_pos), v);
        _pos += 8;
    }

    /// <summary>Writes the canonical value, 32 bytes little-endian.</summary>
    public void WriteFr(in Fr value)
    {
        if (_pos + Fr.SizeInBytes > _buffer.Length) Flush();
        _codec.Write(value, _buffer.AsSpan(_pos, Fr.SizeInBytes));
        _pos += Fr.SizeInBytes;
    }

    /// <summary>n8 = 32 and the prime r, little-endian.</summary>
    public void WriteFieldHeader()
    {
        WriteUInt32(Fr.SizeInBytes);
        Span<byte> prime = stackalloc byte[Fr.SizeInBytes];
        prime.Clear();
        Fr.Modulus.TryWriteBytes(prime, out _, isUnsigned: true, isBigEndian: false);
        foreach (byte b in prime) WriteByte(b);
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    /// <summary>Creates a file for writing, turning I/O errors into <see cref="CircuitException"/>.</summary>
    public static FileStream Create(string path)
    {
        try { return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CircuitException($"{path}: cannot be created: {e.Message}", e);
        }
    }
}
