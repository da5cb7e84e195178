using Xunit;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;

namespace ZkInference.Circuit.Tests;

/// <summary>The shared iden3 container reader and writer (r1cs, wtns, zkey and ptau all go through them).</summary>
public sealed class BinFileTests
{
    private sealed class TestFormatException(string message) : Exception(message);

    private static byte[] TwoSections(Action<BinFileWriter, Stream>? second = null)
    {
        var stream = new MemoryStream();
        using (var w = new BinFileWriter(stream, "test", 3, 2, leaveOpen: true))
        {
            w.BeginSection(7, 8 + 4);
            w.WriteUInt64(0x0102030405060708);
            w.WriteUInt32(42);
            w.BeginSection(2, 32);
            if (second != null) second(w, stream);
            else w.WriteFr(Fr.FromUInt64(5));
            w.Complete();
        }
        return stream.ToArray();
    }

    [Fact]
    public void LayoutIsMagicVersionCountThenTypedSizedSections()
    {
        byte[] bytes = TwoSections();
        Assert.Equal("test"u8.ToArray(), bytes[..4]);
        Assert.Equal(new byte[] { 3, 0, 0, 0, 2, 0, 0, 0, 7, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0 }, bytes[4..24]);
        Assert.Equal(12 + 12 + 12 + 12 + 32, bytes.Length);
    }

    [Fact]
    public void CursorAndPositionedReadsDoNotDisturbEachOther()
    {
        using var r = new BinFileReader(new MemoryStream(TwoSections()), "t.bin", "test", 1, 3);
        Assert.Equal(3, r.Version);
        Assert.Equal(12, r.OpenSection(7, "first"));
        Assert.Equal(0x0102030405060708UL, r.ReadUInt64());
        var fr = new byte[32];
        r.ReadAt(2, 0, fr); // positioned, in another section
        Assert.Equal(5, fr[0]);
        Assert.Equal(42U, r.ReadUInt32()); // the cursor continues where it was
        r.EndSection(7, "first");
        r.OpenSection(2, "second", 32);
        Assert.Equal(Fr.FromUInt64(5), r.ReadFr("a value"));
        Assert.Equal(12, r.ReadSectionBytes(7, "first").Length);
    }

    [Fact]
    public void ErrorsUseTheFactoryAndNameTheFile()
    {
        byte[] bytes = TwoSections();
        var e = Assert.Throws<TestFormatException>(() => new BinFileReader(new MemoryStream(bytes), "t.bin", "zkey", 1, 1, (m, _) => new TestFormatException(m)));
        Assert.Equal("t.bin: is not a .zkey file (wrong magic 'test', expected 'zkey')", e.Message);
        var v = Assert.Throws<CircuitException>(() => new BinFileReader(new MemoryStream(bytes), "t.bin", "test", 1, 2));
        Assert.Equal("t.bin: has unsupported version 3 (expected 1..2)", v.Message);
        using var r = new BinFileReader(new MemoryStream(bytes), "t.bin", "test", 3, 3);
        Assert.Contains("has no section 9 (missing)", Assert.Throws<CircuitException>(() => r.OpenSection(9, "missing")).Message);
        r.OpenSection(7, "first");
        r.ReadUInt64();
        Assert.Contains("section 7 (first) has 4 unexpected trailing bytes", Assert.Throws<CircuitException>(() => r.EndSection(7, "first")).Message);
        Assert.Contains("shorter than its contents", Assert.Throws<CircuitException>(() => r.ReadUInt64()).Message);
    }

    [Fact]
    public void SectionDataMayGoStraightToTheStream()
    {
        byte[] viaStream = TwoSections((_, s) => s.Write(TwoSections()[^32..]));
        Assert.Equal(TwoSections(), viaStream);
    }

    [Fact]
    public void WriterChecksDeclaredSizesAndCounts()
    {
        Assert.Throws<InvalidOperationException>(() => TwoSections((w, _) => w.WriteUInt32(1))); // second section short
        var stream = new MemoryStream();
        var w = new BinFileWriter(stream, "test", 1, 1);
        w.BeginSection(1, 4);
        w.WriteUInt64(1); // four bytes too many
        Assert.Throws<InvalidOperationException>(() => w.BeginSection(2, 0));
        var few = new BinFileWriter(new MemoryStream(), "test", 1, 2);
        few.BeginSection(1, 0);
        Assert.Throws<InvalidOperationException>(few.Complete);
        Assert.Throws<ArgumentException>(() => new BinFileWriter(new MemoryStream(), "toolong", 1, 0));
    }
}
