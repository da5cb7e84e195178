using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.TestSupport;

namespace ZkInference.Circuit.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData("multiplier", 6, 3, 3, 0, 2, 6)]
    [InlineData("poseidon", 520, 517, 1, 0, 2, 771)]
    [InlineData("scale_2e12", 4095, 4093, 1, 1, 0, -1)]
    public void CircomFilesLoadAndTheirWitnessesSatisfy(string name, int wires, int constraints, int outputs, int pubIn, int prvIn, long labels)
    {
        ConstraintSystem cs = R1csFile.Read(RepoPaths.Fixture(name, "circuit.r1cs"));
        Assert.Equal((wires, constraints, outputs, pubIn, prvIn), (cs.WireCount, cs.ConstraintCount, cs.PublicOutputCount, cs.PublicInputCount, cs.PrivateInputCount));
        if (labels >= 0) Assert.Equal(labels, cs.LabelCount);
        Fr[] w = WtnsFile.Read(RepoPaths.Fixture(name, "witness.wtns"));
        Assert.True(cs.IsSatisfied(w), cs.Check(w).Message);
        w[^1] += Fr.One;
        Assert.False(cs.IsSatisfied(w));
    }

    [Theory]
    [InlineData("multiplier")]
    [InlineData("poseidon")]
    [InlineData("scale_2e12")]
    public void CircomFilesRoundTripByteForByte(string name)
    {
        string r1cs = RepoPaths.Fixture(name, "circuit.r1cs"), wtns = RepoPaths.Fixture(name, "witness.wtns");
        var r1csOut = new MemoryStream();
        R1csFile.Write(R1csFile.Read(r1cs), new NonClosing(r1csOut));
        Assert.Equal(File.ReadAllBytes(r1cs), r1csOut.ToArray());
        var wtnsOut = new MemoryStream();
        WtnsFile.Write(WtnsFile.Read(wtns), new NonClosing(wtnsOut));
        Assert.Equal(File.ReadAllBytes(wtns), wtnsOut.ToArray());
    }

    [Theory]
    [InlineData("multiplier")]
    [InlineData("poseidon")]
    public void JsonExportMatchesSnarkjsFixture(string name)
    {
        ConstraintSystem cs = R1csFile.Read(RepoPaths.Fixture(name, "circuit.r1cs"));
        var sw = new StringWriter();
        R1csJson.Write(cs, sw);
        Assert.Equal(File.ReadAllText(RepoPaths.Fixture(name, "r1cs.json")), sw.ToString());
    }

    [Fact]
    public void WitnessJsonMatchesWtns()
    {
        Fr[] w = WtnsFile.Read(RepoPaths.Fixture("poseidon", "witness.wtns"));
        string[] expected = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(RepoPaths.Fixture("poseidon", "witness.json")))!;
        Assert.Equal(expected, w.Select(x => x.ToString()));
    }

    [Fact]
    public void BuiltCircuitRoundTrips()
    {
        CompiledCircuit c = SampleCircuits.Multiplier();
        Fr[] w = c.Solve([], [Fr.FromUInt64(3), Fr.FromUInt64(11)]);
        var ms = new MemoryStream();
        R1csFile.Write(c.System, new NonClosing(ms));
        ms.Position = 0;
        ConstraintSystem back = R1csFile.Read(ms, "mem.r1cs");
        Assert.Equal(c.System.ConstraintCount, back.ConstraintCount);
        Assert.True(back.IsSatisfied(w));
        var ws = new MemoryStream();
        WtnsFile.Write(w, new NonClosing(ws));
        ws.Position = 0;
        Assert.Equal(w, WtnsFile.Read(ws, "mem.wtns"));
    }

    /// <summary>Keeps the MemoryStream readable after the writer disposes its stream.</summary>
    internal sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
