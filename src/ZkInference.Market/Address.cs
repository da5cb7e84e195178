using System.Globalization;
using System.Numerics;

namespace ZkInference.Market;

/// <summary>A 20-byte EVM account address, compared by value and printed as 0x plus 40 lowercase hex digits.</summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    private static readonly BigInteger Limit = BigInteger.One << 160;
    private readonly BigInteger _value;

    private Address(BigInteger value) => _value = value;

    /// <summary>The zero address.</summary>
    public static Address Zero => default;

    /// <summary>The address whose uint160 value is <paramref name="value"/>.</summary>
    /// <exception cref="MarketException">The value is negative or does not fit in 160 bits.</exception>
    public static Address FromUInt160(BigInteger value) =>
        value.Sign >= 0 && value < Limit ? new Address(value) : throw new MarketException($"{value} is not a 160-bit address");

    /// <summary>Parses 0x followed by exactly 40 hex digits (any case; no checksum is required).</summary>
    /// <exception cref="MarketException">The text is not such an address.</exception>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out Address a)) throw new MarketException($"'{text}' is not an address (0x followed by 40 hex digits)");
        return a;
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? text, out Address address)
    {
        address = default;
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (char c in text.AsSpan(2)) if (!char.IsAsciiHexDigit(c)) return false;
        address = new Address(BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The address as an unsigned 160-bit integer (how the contract puts it in a public signal).</summary>
    public BigInteger ToUInt160() => _value;

    /// <summary>Whether this is the zero address.</summary>
    public bool IsZero => _value.IsZero;

    /// <inheritdoc/>
    public bool Equals(Address other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address a && Equals(a);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Address other) => _value.CompareTo(other._value);

    /// <summary>0x followed by 40 lowercase hex digits.</summary>
    public override string ToString() => "0x" + _value.ToString("x41", CultureInfo.InvariantCulture)[^40..];

    /// <summary>Equality by value.</summary>
    public static bool operator ==(Address a, Address b) => a.Equals(b);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(Address a, Address b) => !a.Equals(b);

    /// <summary>Ordering by uint160 value.</summary>
    public static bool operator <(Address a, Address b) => a.CompareTo(b) < 0;

    /// <summary>Ordering by uint160 value.</summary>
    public static bool operator >(Address a, Address b) => a.CompareTo(b) > 0;

    /// <summary>Ordering by uint160 value.</summary>
    public static bool operator <=(Address a, Address b) => a.CompareTo(b) <= 0;

    /// <summary>Ordering by uint160 value.</summary>
    public static bool operator >=(Address a, Address b) => a.CompareTo(b) >= 0;
}
