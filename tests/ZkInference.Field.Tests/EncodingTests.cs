using System.Numerics;
using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

public sealed class EncodingTests
{
    [Property(Arbitrary = [typeof(Generators)])]
    public bool BigEndianRoundTrip(Fp a)
    {
        Span<byte> b = stackalloc byte[32];
        a.WriteBigEndian(b);
        return Fp.TryReadBigEndian(b, out Fp back) && back == a
            && new BigInteger(b, isUnsigned: true, isBigEndian: true) == a.ToBigInteger();
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool LittleEndianAndMontgomeryRoundTrip(Fr a)
    {
        Span<byte> b = stackalloc byte[32];
        a.WriteLittleEndian(b);
        bool plain = Fr.TryReadLittleEndian(b, out Fr back) && back == a
            && new BigInteger(b, isUnsigned: true) == a.ToBigInteger();
        a.WriteMontgomeryLittleEndian(b);
        BigInteger mont = new BigInteger(b, isUnsigned: true);
        bool montgomery = Fr.TryReadMontgomeryLittleEndian(b, out Fr back2) && back2 == a
            && mont == a.ToBigInteger() * (BigInteger.One << 256) % Fr.Modulus;
        return plain && montgomery;
    }

    [Fact]
    public void ValuesAtOrAboveTheModulusAreRejected()
    {
        Span<byte> b = stackalloc byte[32];
        Fp.Modulus.TryWriteBytes(b, out _, isUnsigned: true, isBigEndian: true);
        Assert.False(Fp.TryReadBigEndian(b, out _));
        b.Fill(0xff);
        Assert.False(Fp.TryReadBigEndian(b, out _));
        Assert.False(Fr.TryParse(Fr.Modulus.ToString(), out _));
        Assert.False(Fr.TryParse("-1", out _));
        Assert.False(Fr.TryParse("12a", out _));
        Assert.False(Fr.TryParse("0x", out _));
        Assert.Throws<FormatException>(() => Fr.Parse("abc"));
    }

    [Fact]
    public void ParsesDecimalAndHex()
    {
        Assert.Equal(Fr.FromUInt64(255), Fr.Parse("255"));
        Assert.Equal(Fr.FromUInt64(255), Fr.Parse("0xff"));
        Assert.Equal("255", Fr.FromUInt64(255).ToString());
        Assert.Equal("0x" + new string('0', 62) + "ff", Fr.FromUInt64(255).ToHexString());
        Assert.Equal(Fr.Modulus - 5, Fr.FromInt64(-5).ToBigInteger());
        Assert.Equal(Fr.Modulus - long.MaxValue - 1, Fr.FromInt64(long.MinValue).ToBigInteger());
    }
}
