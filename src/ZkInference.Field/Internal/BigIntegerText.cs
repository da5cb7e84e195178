using System.Globalization;
using System.Numerics;

namespace ZkInference.Field.Internal;

/// <summary>Strict parsing of non-negative integers written in decimal or as 0x-prefixed hex.</summary>
internal static class BigIntegerText
{
    public static bool TryParse(string? text, out BigInteger value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        ReadOnlySpan<char> s = text.AsSpan();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return Hex(s[2..], out value);
        }
        foreach (char c in s)
            if (c < '0' || c > '9') return false;
        return BigInteger.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsHexOnly(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (char c in s)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    private static bool Hex(ReadOnlySpan<char> s, out BigInteger value)
    {
        value = default;
        if (!IsHexOnly(s)) return false;
        // A leading 0 keeps the value non-negative in BigInteger's two's-complement hex parsing.
        return BigInteger.TryParse(string.Concat("0", s), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
