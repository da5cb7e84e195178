namespace ZkInference.Market.Ipfs;

/// <summary>RFC 4648 base32 without padding (multibase "base32", lowercase), the default text form of CIDv1.</summary>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Encodes bytes as lowercase base32 without '=' padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, n = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[n++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0) text[n++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(text);
    }

    /// <summary>
    /// Decodes unpadded base32 in either case. Rejects characters outside the alphabet, impossible lengths and
    /// non-zero trailing bits, so every byte string has exactly one accepted text.
    /// </summary>
    public static byte[] Decode(string text)
    {
        int rest = text.Length % 8;
        if (rest is 1 or 3 or 6) throw new IpfsException($"invalid base32 length {text.Length}");
        var bytes = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = char.ToLowerInvariant(text[i]);
            int v = c is >= 'a' and <= 'z' ? c - 'a' : c is >= '2' and <= '7' ? c - '2' + 26 : -1;
            if (v < 0) throw new IpfsException($"invalid base32 character '{text[i]}' at position {i}");
            buffer = ((buffer << 5) | v) & 0xFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[n++] = (byte)(buffer >> bits);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) throw new IpfsException("invalid base32: non-zero trailing bits");
        return bytes;
    }
}
