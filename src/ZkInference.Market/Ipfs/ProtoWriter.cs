using System.Buffers;

namespace ZkInference.Market.Ipfs;

/// <summary>
/// The few protobuf primitives dag-pb and UnixFS need (varint and length-delimited fields), written into a reusable
/// buffer. Fields are emitted in the order callers write them; dag-pb's canonical order is their job.
/// </summary>
internal sealed class ProtoWriter
{
    private const int WireVarint = 0, WireBytes = 2;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _buffer.ResetWrittenCount();

    /// <summary>A varint field.</summary>
    public void VarintField(int field, ulong value)
    {
        Varint((ulong)(field << 3 | WireVarint));
        Varint(value);
    }

    /// <summary>A length-delimited field (bytes, string or embedded message).</summary>
    public void BytesField(int field, ReadOnlySpan<byte> value)
    {
        Varint((ulong)(field << 3 | WireBytes));
        Varint((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    private void Varint(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(10);
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        _buffer.Advance(n);
    }
}
