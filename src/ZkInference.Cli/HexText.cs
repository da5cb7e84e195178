namespace ZkInference.Cli;

/// <summary>Hex strings as users type them: optional 0x, any case, even length.</summary>
internal static class HexText
{
    public static bool TryDecode(string text, out byte[] bytes, out string? error)
    {
        bytes = [];
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        if (s.Length % 2 != 0)
        {
            error = $"hex input has an odd number of digits ({s.Length})";
            return false;
        }
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"'{c}' is not a hex digit";
                return false;
            }
        }
        bytes = Convert.FromHexString(s);
        error = null;
        return true;
    }
}
