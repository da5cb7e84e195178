using System.Buffers;
using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16;

/// <summary>
/// Streams section 4 (the coefficients) of an open .zkey in chunks, validating every entry: value below r,
/// matrix A or B, row inside the domain, signal among the variables. With <c>raw</c>, values come out as c·R
/// (one multiplication fewer per entry), for callers that sum products linearly and remove R once.
/// </summary>
internal sealed class ZkeyCoefficientReader : IDisposable
{
    private const int EntriesPerChunk = 1024;
    private readonly BinFile _file;
    private readonly int _variables, _domain;
    private readonly bool _raw;
    private readonly byte[] _chunk;
    private int _inChunk, _used;
    private uint _next;

    /// <summary>Opens section 4 and checks its size against its declared count.</summary>
    public ZkeyCoefficientReader(BinFile file, int variables, int domain, bool raw)
    {
        _file = file;
        _variables = variables;
        _domain = domain;
        _raw = raw;
        long size = file.OpenSection((int)ZkeySection.Coefficients, "coefficients");
        if (size < 4) file.Fail($"section 4 (coefficients) has {size} bytes, too few for its count");
        uint count = file.ReadUInt32();
        long expected = 4 + (long)count * ZkeyCoefficientCodec.EntrySize;
        if (size != expected) file.Fail($"section 4 (coefficients) declares {count} coefficients but has {size} bytes (expected {expected})");
        Count = (int)count;
        _chunk = ArrayPool<byte>.Shared.Rent(EntriesPerChunk * ZkeyCoefficientCodec.EntrySize);
    }

    /// <summary>How many coefficients the section declares.</summary>
    public int Count { get; }

    /// <summary>The next coefficient, validated; false after the last.</summary>
    public bool TryNext(out ZkeyCoefficient coefficient)
    {
        if (_next >= (uint)Count)
        {
            coefficient = default;
            return false;
        }
        if (_used == _inChunk)
        {
            _inChunk = (int)Math.Min(EntriesPerChunk, (uint)Count - _next);
            _file.ReadBytes(_chunk.AsSpan(0, _inChunk * ZkeyCoefficientCodec.EntrySize));
            _used = 0;
        }
        ReadOnlySpan<byte> entry = _chunk.AsSpan(_used++ * ZkeyCoefficientCodec.EntrySize, ZkeyCoefficientCodec.EntrySize);
        uint i = _next++;
        bool valid = _raw
            ? ZkeyCoefficientCodec.TryDecodeRaw(entry, out uint m, out uint row, out uint signal, out Fr value)
            : ZkeyCoefficientCodec.TryDecode(entry, out m, out row, out signal, out value);
        if (!valid) _file.Fail($"coefficient {i} has a value that is not below r");
        if (m > 1) _file.Fail($"coefficient {i} names matrix {m} (expected 0 = A or 1 = B)");
        if (row >= _domain) _file.Fail($"coefficient {i} has row {row}, outside the domain of size {_domain}");
        if (signal >= _variables) _file.Fail($"coefficient {i} has signal {signal}, but there are only {_variables} variables");
        coefficient = new ZkeyCoefficient((QapMatrix)m, (int)row, (int)signal, value);
        return true;
    }

    /// <summary>Returns the chunk buffer.</summary>
    public void Dispose() => ArrayPool<byte>.Shared.Return(_chunk);
}
