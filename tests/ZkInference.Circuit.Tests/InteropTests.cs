using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.TestSupport;

namespace ZkInference.Circuit.Tests;

/// <summary>Files we write are read by the real snarkjs 0.7.6 (pinned in tests/interop).</summary>
public sealed class InteropTests
{
    [Fact]
    public void SnarkjsReadsOurR1csAndAcceptsOurWitness()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            CompiledCircuit c = SampleCircuits.Mixed();
            Fr[] w = SampleCircuits.MixedWitness(c, 9, 200);
            Assert.True(c.System.IsSatisfied(w));
            string r1cs = Path.Combine(dir, "circuit.r1cs"), wtns = Path.Combine(dir, "witness.wtns"), json = Path.Combine(dir, "circuit.json");
            R1csFile.Write(c.System, r1cs);
            WtnsFile.Write(w, wtns);

            ProcessResult info = NodeTools.Snarkjs("r1cs", "info", r1cs);
            Assert.True(info.ExitCode == 0, info.StdErr + info.StdOut);
            Assert.Contains($"# of Wires: {c.System.WireCount}", info.PlainOut);
            Assert.Contains($"# of Constraints: {c.System.ConstraintCount}", info.PlainOut);
            Assert.Contains("# of Private Inputs: 1", info.PlainOut);
            Assert.Contains("# of Public Inputs: 1", info.PlainOut);
            Assert.Contains("# of Outputs: 1", info.PlainOut);

            ProcessResult export = NodeTools.Snarkjs("r1cs", "export", "json", r1cs, json);
            Assert.True(export.ExitCode == 0, export.StdErr + export.StdOut);
            var ours = new StringWriter();
            R1csJson.Write(c.System, ours);
            Assert.Equal(File.ReadAllText(json), ours.ToString());

            ProcessResult check = NodeTools.Snarkjs("wtns", "check", r1cs, wtns);
            Assert.True(check.ExitCode == 0, check.StdErr + check.StdOut);
            Assert.Contains("WITNESS IS CORRECT", check.PlainOut);

            w[^1] += Fr.One;
            WtnsFile.Write(w, wtns);
            ProcessResult bad = NodeTools.Snarkjs("wtns", "check", r1cs, wtns);
            Assert.DoesNotContain("WITNESS IS CORRECT", bad.PlainOut);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void SnarkjsAcceptsASimplifiedCircomCircuit()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            ConstraintSystem cs = R1csFile.Read(RepoPaths.Fixture("poseidon", "circuit.r1cs"));
            Fr[] w = WtnsFile.Read(RepoPaths.Fixture("poseidon", "witness.wtns"));
            ConstraintSystem simple = cs.SimplifyLinear(out int[] kept);
            string r1cs = Path.Combine(dir, "simple.r1cs"), wtns = Path.Combine(dir, "simple.wtns");
            R1csFile.Write(simple, r1cs);
            WtnsFile.Write(kept.Select(i => w[i]).ToArray(), wtns);
            ProcessResult check = NodeTools.Snarkjs("wtns", "check", r1cs, wtns);
            Assert.True(check.ExitCode == 0, check.StdErr + check.StdOut);
            Assert.Contains("WITNESS IS CORRECT", check.PlainOut);
            Assert.Contains($"# of Constraints: {simple.ConstraintCount}", NodeTools.Snarkjs("r1cs", "info", r1cs).PlainOut);
        }
        finally { Directory.Delete(dir, true); }
    }
}
