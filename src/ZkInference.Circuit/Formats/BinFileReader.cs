using System.Buffers.Binary;
using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>
/// Reads an iden3 binfile (magic · version u32 · nSections u32 · sections of type u32, size u64, data):
/// checks magic and version, indexes sections by type (order on disk is free), rejects duplicates and
/// sections that run past the end, and reads section data through a bounds-checked buffered cursor.
/// Every problem is a <see cref="CircuitException"/> naming the file.
/// </summary>
internal sealed class BinFileReader : IDisposable
{
    private readonly Stream _stream;
    private readonly Dictionary<int, (long Offset, long Size)> _sections = [];
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly Internal.FrCodecCache _codec = new();
    private int _bufferPos, _bufferLen;
    private long _position, _sectionEnd;

    public string FileName { get; }

    public int Version { get; }

    public BinFileReader(Stream stream, string fileName, string magic, int minVersion, int maxVersion)
    {
        _stream = stream;
        FileName = fileName;
        long length = stream.Length;
        _sectionEnd = length;
        Span<byte> head = stackalloc byte[12];
        if (length < 12) Fail($"is too short ({length} bytes) to be a '{magic}' file");
        ReadBytes(head);
        string actual = System.Text.Encoding.ASCII.GetString(head[..4]);
        if (actual != magic) Fail($"has the wrong magic '{Printable(actual)}' (expected '{magic}')");
        Version = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(head[4..]));
        if (Version < minVersion || Version > maxVersion) Fail($"has unsupported version {Version} (expected {(minVersion == maxVersion ? minVersion.ToString() : $"{minVersion}..{maxVersion}")})");
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        long pos = 12;
        Span<byte> sh = stackalloc byte[12];
        for (uint i = 0; i < count; i++)
        {
            if (pos + 12 > length) Fail($"is truncated: section header {i + 1} of {count} is missing");
            Seek(pos, length);
            ReadBytes(sh);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(sh);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(sh[4..]);
            if (size > (ulong)(length - pos - 12)) Fail($"is truncated: section {type} declares {size} bytes but only {length - pos - 12} remain");
            if (type > int.MaxValue || !_sections.TryAdd((int)type, (pos + 12, (long)size))) Fail($"has a duplicate section {type}");
            pos += 12 + (long)size;
        }
        if (pos != length) Fail($"has {length - pos} unexpected bytes after its {count} sections");
    }

    public bool HasSection(int type) => _sections.ContainsKey(type);

    public IEnumerable<int> SectionTypes => _sections.Keys;

    /// <summary>Positions the cursor at the start of a section that must exist and returns its size.</summary>
    public long OpenSection(int type, string what)
    {
        if (!_sections.TryGetValue(type, out var s)) Fail($"has no section {type} ({what})");
        Seek(s.Offset, s.Offset + s.Size);
        return s.Size;
    }

    /// <summary>Fails unless the cursor is exactly at the end of the open section.</summary>
    public void EndSection(int type, string what)
    {
        long remaining = _sectionEnd - _position;
        if (remaining != 0) Fail($"section {type} ({what}) has {remaining} unexpected trailing bytes");
    }

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads a canonical little-endian field element; fails if it is not below the modulus.</summary>
    public Fr ReadFr(string what)
    {
        if (!_codec.TryRead(Take(Fr.SizeInBytes), out Fr r)) Fail($"has {what} that is not below the field modulus");
        return r;
    }

    /// <summary>
    /// The next <paramref name="count"/> bytes as a view into the read buffer (valid until the next read), for
    /// counts up to the buffer size; larger counts are copied into a new array.
    /// </summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (_position + count > _sectionEnd) Fail(_sectionEnd == _stream.Length ? "is truncated" : "has a section shorter than its contents");
        if (count > _buffer.Length)
        {
            var big = new byte[count];
            ReadBytes(big);
            return big;
        }
        if (_bufferLen - _bufferPos < count)
        {
            int kept = _bufferLen - _bufferPos;
            Buffer.BlockCopy(_buffer, _bufferPos, _buffer, 0, kept);
            _bufferPos = 0;
            _bufferLen = kept;
            while (_bufferLen < count)
            {
                int n = _stream.Read(_buffer, _bufferLen, _buffer.Length - _bufferLen);
                if (n == 0) Fail("is truncated (unexpected end of file)");
                _bufferLen += n;
            }
        }
        ReadOnlySpan<byte> view = _buffer.AsSpan(_bufferPos, count);
        _bufferPos += count;
        _position += count;
        return view;
    }

    public void ReadBytes(Span<byte> destination)
    {
        if (_position + destination.Length > _sectionEnd) Fail(_sectionEnd == _stream.Length ? "is truncated" : "has a section shorter than its contents");
        while (destination.Length > 0)
        {
            if (_bufferPos == _bufferLen)
            {
                _bufferLen = _stream.Read(_buffer, 0, _buffer.Length);
                _bufferPos = 0;
                if (_bufferLen == 0) Fail("is truncated (unexpected end of file)");
            }
            int n = Math.Min(destination.Length, _bufferLen - _bufferPos);
            _buffer.AsSpan(_bufferPos, n).CopyTo(destination);
            _bufferPos += n;
            _position += n;
            destination = destination[n..];
        }
    }

    private void Seek(long offset, long end)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        _position = offset;
        _sectionEnd = end;
        _bufferPos = _bufferLen = 0;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string problem) => throw new CircuitException($"{FileName}: {problem}");

    /// <summary>Checks the n8/prime pair of a header against Fr.</summary>
    public void ReadFieldHeader()
    {
        uint n8 = ReadUInt32();
        if (n8 != Fr.SizeInBytes) Fail($"declares field elements of {n8} bytes; only BN254's Fr (32 bytes) is supported");
        Span<byte> prime = stackalloc byte[Fr.SizeInBytes];
        ReadBytes(prime);
        var p = new System.Numerics.BigInteger(prime, isUnsigned: true, isBigEndian: false);
        if (p != Fr.Modulus) Fail($"uses the prime {p}, not BN254's scalar field {Fr.Modulus}");
    }

    private static string Printable(string s) => new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    public void Dispose() => _stream.Dispose();

    /// <summary>Opens a file for reading, turning I/O errors into <see cref="CircuitException"/>.</summary>
    public static BinFileReader Open(string path, string magic, int minVersion, int maxVersion)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CircuitException($"{path}: cannot be opened: {e.Message}", e);
        }
        try { return new BinFileReader(stream, path, magic, minVersion, maxVersion); }
        catch { stream.Dispose(); throw; }
    }
}
