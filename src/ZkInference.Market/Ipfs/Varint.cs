namespace ZkInference.Market.Ipfs;

/// <summary>Unsigned LEB128 varints, as multiformats and protobuf use them.</summary>
internal static class Varint
{
    /// <summary>The number of bytes <paramref name="value"/> takes.</summary>
    public static int Size(ulong value)
    {
        int n = 1;
        while (value >= 0x80) { value >>= 7; n++; }
        return n;
    }

    /// <summary>Appends <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void Write(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }
        output.Add((byte)value);
    }

    /// <summary>
    /// Reads a varint at <paramref name="offset"/> and advances it. Rejects truncated input, values over 64 bits and
    /// non-minimal encodings (trailing zero groups), which multiformats forbids so each value has one encoding.
    /// </summary>
    public static ulong Read(ReadOnlySpan<byte> input, ref int offset, string what)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (offset >= input.Length) throw new IpfsException($"{what}: truncated varint");
            byte b = input[offset++];
            if (shift == 63 && b > 1) throw new IpfsException($"{what}: varint exceeds 64 bits");
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0) throw new IpfsException($"{what}: varint is not minimally encoded");
                return value;
            }
        }
    }
}
