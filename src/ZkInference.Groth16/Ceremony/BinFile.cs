using System.Buffers.Binary;
using System.Text;

namespace ZkInference.Groth16.Ceremony;

/// <summary>
/// Reads the iden3 binfile container (magic · version · sections of type u32, size u64, data) used by
/// .ptau and .zkey: checks magic and version, indexes sections by type, rejects duplicates and sections
/// running past the end, and gives positioned reads. Problems are <see cref="Groth16Exception"/>s naming the file.
/// </summary>
internal sealed class BinFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly Dictionary<int, (long Offset, long Size)> _sections = [];

    public string Path { get; }

    private BinFile(FileStream stream, string path, string magic, int version)
    {
        _stream = stream;
        Path = path;
        long length = stream.Length;
        Span<byte> head = stackalloc byte[12];
        if (length < 12) Fail($"is too short ({length} bytes) to be a .{magic} file");
        ReadAt(0, head);
        string actual = Encoding.ASCII.GetString(head[..4]);
        if (actual != magic) Fail($"is not a .{magic} file (magic '{new string(actual.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray())}')");
        uint v = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        if (v != version) Fail($"has unsupported version {v} (expected {version})");
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        long pos = 12;
        for (uint i = 0; i < count; i++)
        {
            if (pos + 12 > length) Fail($"is truncated: section header {i + 1} of {count} is missing");
            ReadAt(pos, head);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(head);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(head[4..]);
            if (size > (ulong)(length - pos - 12)) Fail($"is truncated: section {type} declares {size} bytes but only {length - pos - 12} remain");
            if (type > int.MaxValue || !_sections.TryAdd((int)type, (pos + 12, (long)size))) Fail($"has a duplicate section {type}");
            pos += 12 + (long)size;
        }
        if (pos != length) Fail($"has {length - pos} unexpected bytes after its {count} sections");
    }

    public static BinFile Open(string path, string magic, int version)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Groth16Exception($"{path}: cannot be opened: {e.Message}", e);
        }
        try { return new BinFile(stream, path, magic, version); }
        catch { stream.Dispose(); throw; }
    }

    public bool Has(int type) => _sections.ContainsKey(type);

    public long SectionSize(int type, string what) => Section(type, what).Size;

    /// <summary>Checks that a section exists and has exactly the expected size.</summary>
    public void ExpectSize(int type, string what, long expected)
    {
        long size = Section(type, what).Size;
        if (size != expected) Fail($"section {type} ({what}) has {size} bytes; expected {expected}");
    }

    /// <summary>Reads bytes at an offset inside a section.</summary>
    public void Read(int type, long offset, Span<byte> destination)
    {
        var s = _sections[type];
        if (offset < 0 || offset + destination.Length > s.Size) Fail($"section {type} is shorter than its contents");
        ReadAt(s.Offset + offset, destination);
    }

    public byte[] ReadAll(int type, string what)
    {
        long size = Section(type, what).Size;
        if (size > int.MaxValue) Fail($"section {type} ({what}) is too large");
        var b = new byte[size];
        Read(type, 0, b);
        return b;
    }

    private (long Offset, long Size) Section(int type, string what)
    {
        if (!_sections.TryGetValue(type, out var s)) Fail($"has no section {type} ({what})");
        return s;
    }

    private void ReadAt(long position, Span<byte> destination)
    {
        lock (_stream)
        {
            _stream.Position = position;
            _stream.ReadExactly(destination);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string problem) => throw new Groth16Exception($"{Path}: {problem}");

    public void Dispose() => _stream.Dispose();
}

/// <summary>Writes an iden3 binfile whose section sizes are known when each section starts.</summary>
internal sealed class BinFileWriter
{
    private readonly Stream _stream;
    private long _sectionEnd = -1;

    public BinFileWriter(Stream stream, string magic, int version, int sectionCount)
    {
        _stream = stream;
        Span<byte> head = stackalloc byte[12];
        Encoding.ASCII.GetBytes(magic, head);
        BinaryPrimitives.WriteUInt32LittleEndian(head[4..], (uint)version);
        BinaryPrimitives.WriteUInt32LittleEndian(head[8..], (uint)sectionCount);
        stream.Write(head);
    }

    public Stream Stream => _stream;

    public void BeginSection(int type, long size)
    {
        if (_sectionEnd >= 0 && _stream.Position != _sectionEnd) throw new InvalidOperationException($"the previous section was not written completely");
        Span<byte> h = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(h, (uint)type);
        BinaryPrimitives.WriteUInt64LittleEndian(h[4..], (ulong)size);
        _stream.Write(h);
        _sectionEnd = _stream.Position + size;
    }

    public void Write(ReadOnlySpan<byte> data) => _stream.Write(data);

    public void WriteUInt32(uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        _stream.Write(b);
    }

    public void EndAll()
    {
        if (_sectionEnd >= 0 && _stream.Position != _sectionEnd) throw new InvalidOperationException($"the last section was not written completely");
        _stream.Flush();
    }
}
