using System.Buffers.Binary;
using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>
/// Reads the iden3 binary container shared by circom's <c>.r1cs</c> and <c>.wtns</c> and snarkjs's <c>.zkey</c> and
/// <c>.ptau</c>: magic (4 ASCII bytes) · version u32 · section count u32 · sections of type u32, size u64, data
/// (little-endian). Opening checks the magic and version and indexes the sections by type (their order on disk is
/// free), rejecting duplicates, sections running past the end and trailing bytes.
/// </summary>
/// <remarks>
/// Two ways to read: a buffered, bounds-checked cursor confined to the section opened with
/// <see cref="OpenSection(int, string)"/> (sequential parsing), and positioned reads (<see cref="ReadAt"/>,
/// <see cref="ReadSectionBytes"/>) that may run on several threads and leave the cursor where it was. Every
/// problem is thrown through the error factory given at construction (by default a <see cref="CircuitException"/>),
/// with the file name in front, so each format reports in its own project's exception type.
/// </remarks>
public class BinFileReader : IDisposable
{
    private readonly Stream _stream;
    private readonly Func<string, Exception?, Exception> _error;
    private readonly Dictionary<int, (long Offset, long Size)> _sections = [];
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly Internal.FrCodecCache _codec = new();
    private int _bufferPos, _bufferLen;
    private long _position, _sectionEnd;

    /// <summary>Reads the preamble and section index of <paramref name="stream"/>, which must be seekable.</summary>
    /// <param name="stream">The file's bytes; disposed with the reader.</param>
    /// <param name="fileName">The name errors start with.</param>
    /// <param name="magic">The expected 4-character magic, e.g. <c>r1cs</c>, <c>wtns</c>, <c>zkey</c>, <c>ptau</c>.</param>
    /// <param name="minVersion">The lowest version accepted.</param>
    /// <param name="maxVersion">The highest version accepted.</param>
    /// <param name="error">
    /// Makes the exception for a problem from its message (which names the file) and the error underneath, if any;
    /// default <see cref="CircuitException"/>.
    /// </param>
    /// <exception cref="CircuitException">The preamble or the section index is invalid (or the factory's exception).</exception>
    public BinFileReader(Stream stream, string fileName, string magic, int minVersion, int maxVersion, Func<string, Exception?, Exception>? error = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _error = error ?? DefaultError;
        FileName = fileName;
        long length = stream.Length;
        _sectionEnd = length;
        Span<byte> head = stackalloc byte[12];
        if (length < 12) Fail($"is too short ({length} bytes) to be a .{magic} file");
        ReadBytes(head);
        string actual = new(head[..4].ToArray().Select(b => b is >= 32 and < 127 ? (char)b : '?').ToArray());
        if (actual != magic) Fail($"is not a .{magic} file (wrong magic '{actual}', expected '{magic}')");
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
            pos += 12 + (long)size;
        }
        if (pos != length) Fail($"has {length - pos} unexpected bytes after its {count} sections");
    }

    /// <summary>Opens a file (unbuffered: the reader buffers) and reads its preamble and section index.</summary>
    /// <exception cref="CircuitException">The file cannot be opened or is invalid (or the factory's exception).</exception>
    public static BinFileReader Open(string path, string magic, int minVersion, int maxVersion, Func<string, Exception?, Exception>? error = null) =>
        Open(path, stream => new BinFileReader(stream, path, magic, minVersion, maxVersion, error), error);

    /// <summary>Opens <paramref name="path"/> and hands the stream to <paramref name="create"/>; the stream is closed if that fails.</summary>
    protected static T Open<T>(string path, Func<Stream, T> create, Func<string, Exception?, Exception>? error)
    {
        ArgumentNullException.ThrowIfNull(create);
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string message = $"{path}: cannot be opened: {e.Message}";
            throw (error ?? DefaultError)(message, e);
        }
        try { return create(stream); }
        catch { stream.Dispose(); throw; }
    }

    /// <summary>The file name errors start with.</summary>
    public string FileName { get; }

    /// <summary>The version in the preamble.</summary>
    public int Version { get; }

    /// <summary>Whether the file has a section of this type.</summary>
    public bool HasSection(int type) => _sections.ContainsKey(type);

    /// <summary>The size of a section that must exist.</summary>
    public long SectionSize(int type, string what) => Section(type, what).Size;

    /// <summary>Fails unless a section exists and has exactly <paramref name="expected"/> bytes.</summary>
    public void ExpectSectionSize(int type, string what, long expected)
    {
        long size = Section(type, what).Size;
        if (size != expected) Fail($"section {type} ({what}) has {size} bytes (expected {expected})");
    }

    /// <summary>Positions the cursor at the start of a section that must exist and returns its size.</summary>
    public long OpenSection(int type, string what)
    {
        var s = Section(type, what);
        Seek(s.Offset, s.Offset + s.Size);
        return s.Size;
    }

    /// <summary>Opens a section that must have exactly <paramref name="expected"/> bytes.</summary>
    public void OpenSection(int type, string what, long expected)
    {
        ExpectSectionSize(type, what, expected);
        OpenSection(type, what);
    }

    /// <summary>Fails unless the cursor is exactly at the end of the open section.</summary>
    public void EndSection(int type, string what)
    {
        long remaining = _sectionEnd - _position;
        if (remaining != 0) Fail($"section {type} ({what}) has {remaining} unexpected trailing bytes");
    }

    /// <summary>Reads a little-endian u32 at the cursor.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Reads a little-endian u64 at the cursor.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads a canonical little-endian field element; fails if it is not below the modulus.</summary>
    public Fr ReadFr(string what)
    {
        if (!_codec.TryRead(Take(Fr.SizeInBytes), out Fr r)) Fail($"has {what} that is not below the field modulus");
        return r;
    }

    /// <summary>Reads an n8 · prime pair (u32 32, then the prime little-endian) and fails unless it is <paramref name="expected"/>.</summary>
    public void ReadPrime(BigInteger expected, string name)
    {
        uint n8 = ReadUInt32();
        if (n8 != 32) Fail($"declares {name} elements of {n8} bytes; only BN254 (32 bytes) is supported");
        var p = new BigInteger(Take(32), isUnsigned: true, isBigEndian: false);
        if (p != expected) Fail($"uses the prime {p} for {name}, not BN254's {expected}");
    }

    /// <summary>Reads the field header of .r1cs and .wtns files: n8 = 32 and BN254's scalar field modulus r.</summary>
    public void ReadFieldHeader() => ReadPrime(Fr.Modulus, "the scalar field");

    /// <summary>
    /// The next <paramref name="count"/> bytes at the cursor as a view into the read buffer (valid until the next
    /// read), for counts up to 64 KiB; larger counts are copied into a new array.
    /// </summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        CheckInSection(count);
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

    /// <summary>Fills <paramref name="destination"/> from the cursor (large reads bypass the buffer).</summary>
    public void ReadBytes(Span<byte> destination)
    {
        CheckInSection(destination.Length);
        while (destination.Length > 0)
        {
            if (_bufferPos == _bufferLen)
            {
                if (destination.Length >= _buffer.Length)
                {
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

    /// <summary>
    /// Reads bytes at <paramref name="offset"/> inside a section, without moving the cursor; safe to call from
    /// several threads at once.
    /// </summary>
    public void ReadAt(int type, long offset, Span<byte> destination)
    {
        var s = Section(type, $"section {type}");
        if (offset < 0 || offset + destination.Length > s.Size) Fail($"section {type} is shorter than its contents");
        lock (_stream)
        {
            long cursor = _stream.Position;
            _stream.Position = s.Offset + offset;
            try { _stream.ReadExactly(destination); }
            catch (EndOfStreamException) { Fail("is truncated (unexpected end of file)"); }
            _stream.Position = cursor;
        }
    }

    /// <summary>A whole section's bytes (positioned: the cursor does not move).</summary>
    public byte[] ReadSectionBytes(int type, string what)
    {
        long size = Section(type, what).Size;
        if (size > Array.MaxLength) Fail($"section {type} ({what}) is too large ({size} bytes)");
        var bytes = new byte[size];
        ReadAt(type, 0, bytes);
        return bytes;
    }

    /// <summary>Throws the reader's exception for a problem with this file, prefixed with its name.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string problem) => throw _error($"{FileName}: {problem}", null);

    /// <summary>Closes the stream.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the stream when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
    }

    private static Exception DefaultError(string message, Exception? inner) =>
        inner is null ? new CircuitException(message) : new CircuitException(message, inner);

    private (long Offset, long Size) Section(int type, string what)
    {
        if (!_sections.TryGetValue(type, out var s)) Fail($"has no section {type} ({what})");
        return s;
    }

    private void CheckInSection(int count)
    {
        if (_position + count > _sectionEnd) Fail(_sectionEnd == _stream.Length ? "is truncated" : "has a section shorter than its contents");
    }

    private void Seek(long offset, long end)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        _position = offset;
        _sectionEnd = end;
        _bufferPos = _bufferLen = 0;
    }
}
