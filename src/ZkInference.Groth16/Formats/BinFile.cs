using System.Buffers.Binary;
using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Groth16.Formats;

/// <summary>
/// Reader for the iden3 binfile container (magic[4] · version u32 · nSections u32 · sections of type u32,
/// size u64, data) used by .zkey and .ptau: checks magic and version, indexes sections by type (order on
/// disk is free), rejects duplicates, overlong sections and trailing bytes. Reads go through a buffered,
/// bounds-checked cursor confined to the open section. Every problem is a <see cref="Groth16Exception"/>
/// naming the file.
/// </summary>
internal sealed class BinFile : IDisposable
{
    private readonly Stream _stream;
    private readonly Dictionary<int, (long Offset, long Size)> _sections = [];
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _bufferPos, _bufferLen;
    private long _position, _sectionEnd;

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The version from the file's preamble.</summary>
    public int Version { get; }

    /// <summary>Section types in the order they appear on disk.</summary>
    public List<int> SectionOrder { get; } = [];

    public BinFile(Stream stream, string fileName, string magic, int minVersion, int maxVersion)
    {
        _stream = stream;
        FileName = fileName;
        long length = stream.Length;
        _sectionEnd = length;
        Span<byte> head = stackalloc byte[12];
        if (length < 12) Fail($"is too short ({length} bytes) to be a '{magic}' file");
        ReadBytes(head);
        string actual = new(head[..4].ToArray().Select(b => b is >= 32 and < 127 ? (char)b : '?').ToArray());
        if (actual != magic) Fail($"has the wrong magic '{actual}' (expected '{magic}')");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        if (version < minVersion || version > maxVersion) Fail($"has unsupported version {version} (expected {minVersion}{(minVersion == maxVersion ? "" : $"..{maxVersion}")})");
        Version = (int)version;
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
            SectionOrder.Add((int)type);
            pos += 12 + (long)size;
        }
        if (pos != length) Fail($"has {length - pos} unexpected bytes after its {count} sections");
    }

    /// <summary>Opens a file for reading, turning I/O errors into <see cref="Groth16Exception"/>.</summary>
    public static BinFile Open(string path, string magic, int minVersion, int maxVersion)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Groth16Exception($"{path}: cannot be opened: {e.Message}", e);
        }
        try { return new BinFile(stream, path, magic, minVersion, maxVersion); }
        catch { stream.Dispose(); throw; }
    }

    public bool HasSection(int type) => _sections.ContainsKey(type);

    /// <summary>Positions the cursor at the start of a section that must exist and returns its size.</summary>
    public long OpenSection(int type, string what)
    {
        if (!_sections.TryGetValue(type, out var s)) Fail($"has no section {type} ({what})");
        Seek(s.Offset, s.Offset + s.Size);
        return s.Size;
    }

    /// <summary>Opens a section that must have exactly <paramref name="expected"/> bytes.</summary>
    public void OpenSection(int type, string what, long expected)
    {
        long size = OpenSection(type, what);
        if (size != expected) Fail($"section {type} ({what}) has {size} bytes (expected {expected})");
    }

    /// <summary>Fails unless the cursor is exactly at the end of the open section.</summary>
    public void EndSection(int type, string what)
    {
        long remaining = _sectionEnd - _position;
        if (remaining != 0) Fail($"section {type} ({what}) has {remaining} unexpected trailing bytes");
    }

    public uint ReadUInt32()
    {
        Span<byte> b = stackalloc byte[4];
        ReadBytes(b);
        return BinaryPrimitives.ReadUInt32LittleEndian(b);
    }

    public ulong ReadUInt64()
    {
        Span<byte> b = stackalloc byte[8];
        ReadBytes(b);
        return BinaryPrimitives.ReadUInt64LittleEndian(b);
    }

    /// <summary>Reads an n8 · prime pair and checks it is 32 bytes and equal to <paramref name="expected"/>.</summary>
    public void ReadPrime(BigInteger expected, string name)
    {
        uint n8 = ReadUInt32();
        if (n8 != 32) Fail($"declares {name} elements of {n8} bytes; only BN254 (32 bytes) is supported");
        Span<byte> prime = stackalloc byte[32];
        ReadBytes(prime);
        var p = new BigInteger(prime, isUnsigned: true, isBigEndian: false);
        if (p != expected) Fail($"uses the prime {p} for {name}, not BN254's {expected}");
    }

    /// <summary>Reads one G1 point (LEM) that must be on the curve.</summary>
    public G1Affine ReadG1(string what)
    {
        Span<byte> b = stackalloc byte[G1Affine.SizeInBytes];
        ReadBytes(b);
        if (!G1Affine.TryReadMontgomeryLittleEndian(b, out G1Affine p)) Fail($"has {what} that is not a valid G1 point (coordinate ≥ q or not on the curve)");
        return p;
    }

    /// <summary>Reads one G2 point (LEM) that must be on the twist and in G2.</summary>
    public G2Affine ReadG2(string what)
    {
        Span<byte> b = stackalloc byte[G2Affine.SizeInBytes];
        ReadBytes(b);
        if (!G2Affine.TryReadMontgomeryLittleEndian(b, out G2Affine p, checkSubgroup: true)) Fail($"has {what} that is not a valid G2 point (coordinate ≥ q, not on the twist or not in G2)");
        return p;
    }

    public void ReadBytes(Span<byte> destination)
    {
        if (_position + destination.Length > _sectionEnd) Fail(_sectionEnd == _stream.Length ? "is truncated" : "has a section shorter than its contents");
        while (destination.Length > 0)
        {
            if (_bufferPos == _bufferLen)
            {
                if (destination.Length >= _buffer.Length)
                {
                    // Large reads bypass the buffer.
                    int read = _stream.Read(destination);
                    if (read == 0) Fail("is truncated (unexpected end of file)");
                    _position += read;
                    destination = destination[read..];
                    continue;
                }
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

    /// <summary>Copies a whole section's raw bytes.</summary>
    public byte[] ReadSectionBytes(int type, string what)
    {
        long size = OpenSection(type, what);
        if (size > Array.MaxLength) Fail($"section {type} ({what}) is too large ({size} bytes)");
        var bytes = new byte[size];
        ReadBytes(bytes);
        return bytes;
    }

    private void Seek(long offset, long end)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        _position = offset;
        _sectionEnd = end;
        _bufferPos = _bufferLen = 0;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string problem) => throw new Groth16Exception($"{FileName}: {problem}");

    public void Dispose() => _stream.Dispose();
}
