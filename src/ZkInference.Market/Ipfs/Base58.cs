namespace ZkInference.Market.Ipfs;

/// <summary>Base58 with Bitcoin's alphabet (multibase "base58btc"), the text form of CIDv0.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Encodes bytes; each leading zero byte becomes a leading '1'.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        int zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // Base-58 digits, least significant first; log(256)/log(58) < 1.37.
        var digits = new byte[data.Length * 137 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (int j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var text = new char[zeros + length];
        for (int i = 0; i < zeros; i++) text[i] = '1';
        for (int i = 0; i < length; i++) text[zeros + i] = Alphabet[digits[length - 1 - i]];
        return new string(text);
    }

    /// <summary>Decodes text; a character outside the alphabet is an error naming it and its position.</summary>
    public static byte[] Decode(string text)
    {
        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        var bytes = new byte[text.Length * 733 / 1000 + 1]; // log(58)/log(256) < 0.733
        int length = 0;
        for (int i = zeros; i < text.Length; i++)
        {
            char c = text[i];
            int carry = c < 128 ? Values[c] : -1;
            if (carry < 0) throw new IpfsException($"invalid base58 character '{c}' at position {i}");
            for (int j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }
        var result = new byte[zeros + length];
        for (int i = 0; i < length; i++) result[zeros + i] = bytes[length - 1 - i];
        return result;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++) values[Alphabet[i]] = (sbyte)i;
        return values;
    }
}
