using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkInference.Field.Internal;

/// <summary>
/// 64-bit limb primitives: carries, borrows and the 64×64→128 product. The product uses BMI2's
/// <c>mulx</c> when present and a portable 32-bit schoolbook otherwise; the test suite runs once with
/// <c>DOTNET_EnableHWIntrinsic=0</c> so both paths stay correct.
/// </summary>
internal static class WideMath
{
    /// <summary>Returns the high word of a·b and writes the low word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong BigMul(ulong a, ulong b, out ulong low)
    {
        // Under BMI2: mulx for the high word and a plain imul for the low one. Every form that returns both
        // words from one mulx (Math.BigMul's out parameter, MultiplyNoFlags with a pointer) sends the low
        // word through a stack slot (lea, store, reload); the extra imul is cheaper than that round trip
        // and leaves a register free.
        if (Bmi2.X64.IsSupported)
        {
            low = a * b;
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }
        return PortableBigMul(a, b, out low);
    }

    /// <summary>The high word of a·b (no low word to pass back, so no stack slot under BMI2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulHigh(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported) return Bmi2.X64.MultiplyNoFlags(a, b);
        return PortableBigMul(a, b, out _);
    }

    /// <summary>The portable 64×64→128 product from four 32×32→64 products.</summary>
    public static ulong PortableBigMul(ulong a, ulong b, out ulong low)
    {
        ulong aLo = (uint)a, aHi = a >> 32, bLo = (uint)b, bHi = b >> 32;
        ulong ll = aLo * bLo, lh = aLo * bHi, hl = aHi * bLo, hh = aHi * bHi;
        ulong mid = (ll >> 32) + (uint)lh + (uint)hl;
        low = (mid << 32) | (uint)ll;
        return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    }

    /// <summary>Returns the low word of a·b + t + carry and sets carry to the high word (it cannot overflow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong t, ref ulong carry)
    {
        ulong hi = BigMul(a, b, out ulong lo);
        lo += t;
        hi += lo < t ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    /// <summary>Returns a + b + carry (carry is 0 or 1) and sets carry to the carry out.</summary>
    // The carry out is the majority of the top bits of a, b and not-sum (Hacker's Delight 2–13): five
    // flag-free operations, against two compare/setb/movzx triples and an or for the two-step form
    // (.NET has no add-with-carry, so every carry costs instructions).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong t = a + b + carry;
        carry = ((a & b) | ((a | b) & ~t)) >> 63;
        return t;
    }

    /// <summary>Returns a − b − borrow (borrow is 0 or 1) and sets borrow to the borrow out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong t = a - b - borrow;
        borrow = ((~a & b) | (~(a ^ b) & t)) >> 63;
        return t;
    }

    public static void WriteBigEndian(Span<byte> d, ulong c0, ulong c1, ulong c2, ulong c3)
    {
        BinaryPrimitives.WriteUInt64BigEndian(d, c3);
        BinaryPrimitives.WriteUInt64BigEndian(d[8..], c2);
        BinaryPrimitives.WriteUInt64BigEndian(d[16..], c1);
        BinaryPrimitives.WriteUInt64BigEndian(d[24..], c0);
    }

    public static void ReadBigEndian(ReadOnlySpan<byte> s, out ulong c0, out ulong c1, out ulong c2, out ulong c3)
    {
        if (s.Length < 32) throw new ArgumentException("a field element needs 32 bytes", nameof(s));
        c3 = BinaryPrimitives.ReadUInt64BigEndian(s);
        c2 = BinaryPrimitives.ReadUInt64BigEndian(s[8..]);
        c1 = BinaryPrimitives.ReadUInt64BigEndian(s[16..]);
        c0 = BinaryPrimitives.ReadUInt64BigEndian(s[24..]);
    }

    public static void WriteLittleEndian(Span<byte> d, ulong c0, ulong c1, ulong c2, ulong c3)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(d, c0);
        BinaryPrimitives.WriteUInt64LittleEndian(d[8..], c1);
        BinaryPrimitives.WriteUInt64LittleEndian(d[16..], c2);
        BinaryPrimitives.WriteUInt64LittleEndian(d[24..], c3);
    }

    public static void ReadLittleEndian(ReadOnlySpan<byte> s, out ulong c0, out ulong c1, out ulong c2, out ulong c3)
    {
        if (s.Length < 32) throw new ArgumentException("a field element needs 32 bytes", nameof(s));
        c0 = BinaryPrimitives.ReadUInt64LittleEndian(s);
        c1 = BinaryPrimitives.ReadUInt64LittleEndian(s[8..]);
        c2 = BinaryPrimitives.ReadUInt64LittleEndian(s[16..]);
        c3 = BinaryPrimitives.ReadUInt64LittleEndian(s[24..]);
    }
}
