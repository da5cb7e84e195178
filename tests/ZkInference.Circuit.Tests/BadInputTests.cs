using System.Buffers.Binary;
using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.TestSupport;

namespace ZkInference.Circuit.Tests;

/// <summary>Corrupt files give a <see cref="CircuitException"/> naming the file and the problem, never anything else.</summary>
public sealed class BadInputTests
{
    private static readonly byte[] R1cs = File.ReadAllBytes(RepoPaths.Fixture("multiplier", "circuit.r1cs"));
    private static readonly byte[] Wtns = File.ReadAllBytes(RepoPaths.Fixture("multiplier", "witness.wtns"));

    private static ConstraintSystem ReadR1cs(byte[] bytes) => R1csFile.Read(new MemoryStream(bytes), "bad.r1cs");

    private static Fr[] ReadWtns(byte[] bytes) => WtnsFile.Read(new MemoryStream(bytes), "bad.wtns");

    private static string Fails(Action read)
    {
        CircuitException e = Assert.Throws<CircuitException>(read);
        Assert.Contains("bad.", e.Message);
        return e.Message;
    }

    [Fact]
    public void EveryTruncationIsReported()
    {
        for (int n = 0; n < R1cs.Length; n++) Fails(() => ReadR1cs(R1cs[..n]));
        for (int n = 0; n < Wtns.Length; n++) Fails(() => ReadWtns(Wtns[..n]));
    }

    [Fact]
    public void FlippedBytesAndWrongLengthsGiveOnlyCircuitExceptions()
    {
        var rng = new Random(7);
        foreach (byte[] original in new[] { R1cs, Wtns })
        {
            for (int i = 0; i < original.Length; i++)
            {
                foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF, (byte)rng.Next(1, 256) })
                {
                    byte[] bytes = (byte[])original.Clone();
                    bytes[i] ^= mask;
                    ReadAnything(bytes);
                }
            }
            ReadAnything([.. original, 0]);
            ReadAnything([.. original, .. original]);
        }
    }

    // Either parses (a flipped coefficient can still be a valid file) or throws CircuitException.
    private static void ReadAnything(byte[] bytes)
    {
        try
        {
            if (bytes.Length >= 4 && bytes[0] == (byte)'w') ReadWtns(bytes);
            else ReadR1cs(bytes);
        }
        catch (CircuitException) { }
    }

    [Fact]
    public void SpecificProblemsAreNamed()
    {
        byte[] magic = (byte[])R1cs.Clone(); magic[0] = (byte)'x';
        Assert.Contains("magic", Fails(() => ReadR1cs(magic)));
        byte[] version = (byte[])R1cs.Clone(); version[4] = 2;
        Assert.Contains("version", Fails(() => ReadR1cs(version)));
        Assert.Contains("magic", Fails(() => ReadR1cs(Wtns)));

        // Header (section 1) follows section 2 in circom's files: find it by walking the sections.
        int header = SectionOffset(R1cs, 1);
        byte[] prime = (byte[])R1cs.Clone(); prime[header + 4] ^= 2;
        Assert.Contains("prime", Fails(() => ReadR1cs(prime)));

        byte[] wires = (byte[])R1cs.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(wires.AsSpan(header + 36), 3);
        Assert.Contains("wire", Fails(() => ReadR1cs(wires)));

        byte[] missing = (byte[])R1cs.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(missing.AsSpan(8), 2);
        Fails(() => ReadR1cs(missing));
        byte[] renamed = (byte[])R1cs.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(renamed.AsSpan(SectionOffset(R1cs, 3) - 12), 7);
        Assert.Contains("no section 3", Fails(() => ReadR1cs(renamed)));
        byte[] duplicate = (byte[])R1cs.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(duplicate.AsSpan(SectionOffset(R1cs, 3) - 12), 1);
        Assert.Contains("duplicate", Fails(() => ReadR1cs(duplicate)));

        // The first term of the first row names a wire: point it past the end.
        int constraints = SectionOffset(R1cs, 2);
        byte[] outOfRange = (byte[])R1cs.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(outOfRange.AsSpan(constraints + 4), 6);
        Assert.Contains("wire 6", Fails(() => ReadR1cs(outOfRange)));
        byte[] coefficient = (byte[])R1cs.Clone(); coefficient.AsSpan(constraints + 8, 32).Fill(0xFF);
        Assert.Contains("modulus", Fails(() => ReadR1cs(coefficient)));

        byte[] count = (byte[])Wtns.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(count.AsSpan(SectionOffset(Wtns, 1) + 36), 5);
        Assert.Contains("declares 5 values", Fails(() => ReadWtns(count)));
    }

    [Fact]
    public void WitnessOfTheWrongLengthIsReported()
    {
        ConstraintSystem cs = ReadR1cs(R1cs);
        Fr[] w = ReadWtns(Wtns);
        WtnsFile.Check(cs, w, "ok.wtns");
        CircuitException e = Assert.Throws<CircuitException>(() => WtnsFile.Check(cs, w[..5], "short.wtns"));
        Assert.Contains("short.wtns", e.Message);
        Assert.Contains("5 values", e.Message);
        w[3] += Fr.One;
        Assert.Contains("constraint #2", Assert.Throws<CircuitException>(() => WtnsFile.Check(cs, w, "wrong.wtns")).Message);
    }

    [Fact]
    public void CustomGateSectionsAreTolerated()
    {
        byte[] bytes = [.. R1cs, .. Section(4, [0, 0, 0, 0]), .. Section(5, [0, 0, 0, 0])];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 5);
        ConstraintSystem cs = ReadR1cs(bytes);
        Assert.True(cs.UsesCustomGates);
        Assert.Equal(3, cs.ConstraintCount);
        Assert.True(cs.IsSatisfied(ReadWtns(Wtns)));
    }

    private static byte[] Section(uint type, byte[] data)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(header, type);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(4), (ulong)data.Length);
        return [.. header, .. data];
    }

    [Fact]
    public void MissingFilesAreCircuitExceptions()
    {
        Assert.Throws<CircuitException>(() => R1csFile.Read("/nonexistent/x.r1cs"));
        Assert.Throws<CircuitException>(() => WtnsFile.Read("/nonexistent/x.wtns"));
        Assert.Throws<CircuitException>(() => WtnsFile.Write([Fr.One], "/nonexistent/dir/x.wtns"));
    }

    private static int SectionOffset(byte[] file, int type)
    {
        int pos = 12;
        while (pos < file.Length)
        {
            uint t = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(pos));
            long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(pos + 4));
            if (t == type) return pos + 12;
            pos += 12 + (int)size;
        }
        throw new InvalidOperationException($"no section {type}");
    }
}
