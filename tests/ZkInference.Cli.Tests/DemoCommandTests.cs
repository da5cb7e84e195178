using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary><c>zkinfer demo</c> end to end, and its files accepted by the real snarkjs.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void DemoProvesAndSnarkjsAgrees()
    {
        string dir = RepoPaths.NewTempDirectory("demo");
        var result = Zkinfer.Run(["demo", "circuit", "--dir", dir]);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("outputs match: yes", result.StdOut);
        Assert.EndsWith("OK", result.StdOut.TrimEnd());
        foreach (string f in new[] { "circuit.r1cs", "pot_final.ptau", "circuit_final.zkey", "verification_key.json", "witness.wtns", "proof.json", "public.json" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f + " missing");

        // The files are the ones a circom user would have: snarkjs checks the witness and verifies the proof.
        var wtns = NodeTools.Snarkjs("wtns", "check", Path.Combine(dir, "circuit.r1cs"), Path.Combine(dir, "witness.wtns"));
        Assert.True(wtns.ExitCode == 0, wtns.StdOut + wtns.StdErr);
        var verify = NodeTools.Snarkjs("groth16", "verify", Path.Combine(dir, "verification_key.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json"));
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Contains("OK", verify.PlainOut);
    }
}
