using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using ZkInference.Market.Ipfs;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>Round trips of the text and varint encodings, and agreement with simple reference definitions.</summary>
public sealed class EncodingProperties
{
    private static Arbitrary<byte[]> BytesWithLeadingZeros() =>
        Gen.Choose(0, 4).SelectMany(zeros => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().Select(tail => new byte[zeros].Concat(tail).ToArray())).ToArbitrary();

    [Fact]
    public void Base58RoundTrips() =>
        Prop.ForAll(BytesWithLeadingZeros(), bytes => Base58.Decode(Base58.Encode(bytes)).SequenceEqual(bytes)).QuickCheckThrowOnFailure();

    [Fact]
    public void Base58IsTheBigEndianNumberInBase58() =>
        // Reference: the bytes as one big-endian number written in base 58, one '1' per leading zero byte.
        Prop.ForAll(BytesWithLeadingZeros(), bytes =>
        {
            const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
            var n = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            string digits = "";
            while (n > 0) { digits = alphabet[(int)(n % 58)] + digits; n /= 58; }
            return Base58.Encode(bytes) == new string('1', bytes.TakeWhile(b => b == 0).Count()) + digits;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Base32RoundTrips() =>
        Prop.ForAll(BytesWithLeadingZeros(), bytes =>
        {
            string text = Base32.Encode(bytes);
            return Base32.Decode(text).SequenceEqual(bytes) && Base32.Decode(text.ToUpperInvariant()).SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Base32IsFiveBitGroups() =>
        // Reference: the bit string, zero-padded to a multiple of 5, read 5 bits at a time (RFC 4648 without '=').
        Prop.ForAll(BytesWithLeadingZeros(), bytes =>
        {
            string bits = string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
            bits = bits.PadRight((bits.Length + 4) / 5 * 5, '0');
            string expected = string.Concat(Enumerable.Range(0, bits.Length / 5).Select(i => "abcdefghijklmnopqrstuvwxyz234567"[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
            return Base32.Encode(bytes) == expected;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void RfcVectors()
    {
        // RFC 4648 §10, lowercase and without padding.
        string[] expected = ["", "my", "mzxq", "mzxw6", "mzxw6yq", "mzxw6ytb", "mzxw6ytboi"];
        for (int i = 0; i < expected.Length; i++)
        {
            byte[] input = System.Text.Encoding.ASCII.GetBytes("foobar"[..i]);
            Assert.Equal(expected[i], Base32.Encode(input));
            Assert.Equal(input, Base32.Decode(expected[i]));
        }
        Assert.Equal("StV1DL6CwTryKyV", Base58.Encode("hello world"u8));
        Assert.Equal("11", Base58.Encode([0, 0]));
    }

    [Fact]
    public void VarintsRoundTrip() =>
        Prop.ForAll(Gen.Choose(0, 63).SelectMany(shift => Gen.Choose(0, int.MaxValue).Select(x => ((ulong)x * 0x9E3779B97F4A7C15UL) >> shift)).ToArbitrary(), value =>
        {
            var bytes = new List<byte>();
            Varint.Write(bytes, value);
            int offset = 0;
            ulong read = Varint.Read(bytes.ToArray(), ref offset, "test");
            return read == value && offset == bytes.Count && bytes.Count == Varint.Size(value) && bytes[^1] < 0x80;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void VarintLimits()
    {
        var bytes = new List<byte>();
        Varint.Write(bytes, ulong.MaxValue);
        Assert.Equal(10, bytes.Count);
        int offset = 0;
        Assert.Equal(ulong.MaxValue, Varint.Read(bytes.ToArray(), ref offset, "test"));
        bytes[^1] = 2; // an 11th significant bit past 64
        offset = 0;
        Assert.Contains("exceeds 64 bits", Assert.Throws<IpfsException>(() => Varint.Read(bytes.ToArray(), ref offset, "test")).Message);
    }

    [Fact]
    public void CidsRoundTripThroughTextAndBytes() =>
        Prop.ForAll(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(32).SelectMany(d => Gen.Elements(0, 1, 2).Select(kind => (d, kind))).ToArbitrary(), t =>
        {
            Cid cid = t.kind switch { 0 => Cid.V0(t.d), 1 => Cid.V1(Cid.Raw, t.d), _ => Cid.V1(Cid.DagPb, t.d) };
            string text = cid.ToString();
            return Cid.Parse(text).Equals(cid) && Cid.FromBytes(cid.ToBytes()).Equals(cid)
                && (t.kind == 0 ? text.StartsWith("Qm") && text.Length == 46 : text.StartsWith(t.kind == 1 ? "bafkrei" : "bafybei"));
        }).QuickCheckThrowOnFailure();
}
