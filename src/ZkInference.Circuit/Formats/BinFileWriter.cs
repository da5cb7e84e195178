using System.Buffers.Binary;
using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>
/// Writes the iden3 binary container (magic · version u32 · section count u32 · sections of type u32, size u64,
/// data) with each section's size declared when it begins (no back-patching), through a 64 KiB buffer. Used for
/// .r1cs, .wtns, .zkey and .ptau.
/// </summary>
/// <remarks>
/// <see cref="BeginSection"/> checks the previous section got exactly its declared bytes, writes the section header
/// and flushes, so a section's data may also be written straight to the underlying stream (as long as nothing is
/// written through the writer in between). <see cref="Complete"/> checks the last section and the section count.
/// </remarks>
public sealed class BinFileWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly Internal.FrCodecCache _codec = new();
    private readonly int _sectionCount;
    private int _pos, _sectionsBegun;
    private long _flushed, _sectionEnd = -1;

    /// <summary>Writes the preamble.</summary>
    /// <param name="stream">Where the file goes.</param>
    /// <param name="magic">The 4-character ASCII magic.</param>
    /// <param name="version">The format version.</param>
    /// <param name="sectionCount">How many sections will follow.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open when the writer is disposed (default: dispose it).</param>
    public BinFileWriter(Stream stream, string magic, int version, int sectionCount, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (magic.Length != 4 || magic.Any(c => c is < ' ' or > '~')) throw new ArgumentException($"magic must be 4 ASCII characters, not '{magic}'", nameof(magic));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _sectionCount = sectionCount;
        foreach (char c in magic) WriteByte((byte)c);
        WriteUInt32((uint)version);
        WriteUInt32((uint)sectionCount);
    }

    /// <summary>Creates a file for writing, turning I/O errors into <see cref="CircuitException"/>.</summary>
    /// <exception cref="CircuitException">The file cannot be created.</exception>
    public static FileStream Create(string path)
    {
        try { return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CircuitException($"{path}: cannot be created: {e.Message}", e);
        }
    }

    /// <summary>Starts a section of <paramref name="size"/> bytes (the data must follow, exactly that long) and flushes.</summary>
    /// <exception cref="InvalidOperationException">The previous section did not get its declared size, or there are more sections than declared.</exception>
    public void BeginSection(int type, long size)
    {
        CheckSectionEnd("the previous");
        if (++_sectionsBegun > _sectionCount) throw new InvalidOperationException($"more than the {_sectionCount} sections declared");
        WriteUInt32((uint)type);
        WriteUInt64((ulong)size);
        Flush();
        _sectionEnd = Position + size;
    }

    /// <summary>The next <paramref name="count"/> bytes of the buffer, for the caller to fill (at most 64 KiB).</summary>
    public Span<byte> Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length);
        if (_pos + count > _buffer.Length) Flush();
        Span<byte> span = _buffer.AsSpan(_pos, count);
        _pos += count;
        return span;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes a little-endian u32.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    /// <summary>Writes a little-endian u64.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    /// <summary>Writes bytes (large spans go straight to the stream).</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= _buffer.Length)
        {
            Flush();
            _stream.Write(bytes);
            _flushed += bytes.Length;
            return;
        }
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>Writes a field element's canonical value, 32 bytes little-endian.</summary>
    public void WriteFr(in Fr value) => _codec.Write(value, Reserve(Fr.SizeInBytes));

    /// <summary>Writes an n8 · prime pair: u32 32, then the prime in 32 bytes little-endian.</summary>
    public void WritePrime(BigInteger prime)
    {
        WriteUInt32(32);
        Span<byte> p = Reserve(32);
        p.Clear();
        prime.TryWriteBytes(p, out _, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Writes the field header of .r1cs and .wtns files: n8 = 32 and BN254's scalar field modulus r.</summary>
    public void WriteFieldHeader() => WritePrime(Fr.Modulus);

    /// <summary>Checks every declared section was written with its declared size, and flushes to the stream.</summary>
    /// <exception cref="InvalidOperationException">A section is short or long, or fewer sections were written than declared.</exception>
    public void Complete()
    {
        CheckSectionEnd("the last");
        if (_sectionsBegun != _sectionCount) throw new InvalidOperationException($"{_sectionsBegun} sections written, {_sectionCount} declared");
        Flush();
        _stream.Flush();
    }

    /// <summary>Writes the buffered bytes to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _flushed += _pos;
        _pos = 0;
    }

    /// <summary>Flushes; disposes the stream unless the writer was made with leaveOpen.</summary>
    public void Dispose()
    {
        Flush();
        if (_leaveOpen) _stream.Flush();
        else _stream.Dispose();
    }

    // The stream's own position where it has one, so bytes written straight to it count.
    private long Position => (_stream.CanSeek ? _stream.Position : _flushed) + _pos;

    private void CheckSectionEnd(string which)
    {
        if (_sectionEnd >= 0 && Position != _sectionEnd)
            throw new InvalidOperationException($"{which} section was not written to its declared size ({Position - _sectionEnd} bytes off)");
    }
}
