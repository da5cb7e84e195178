using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary><c>zkinfer groth16 prove|verify</c> and <c>zkinfer zkey export …</c> through the real program, checked against snarkjs.</summary>
public sealed class Groth16CommandTests
{
    private static string Fx(string fixture, string file) => RepoPaths.Fixture(fixture, file);

    [Theory]
    [InlineData("multiplier")]
    [InlineData("poseidon")]
    public void ProveWithDefaultNamesThenVerifyWithBothTools(string fixture)
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            File.Copy(Fx(fixture, "circuit_final.zkey"), Path.Combine(dir, "circuit_final.zkey"));
            File.Copy(Fx(fixture, "witness.wtns"), Path.Combine(dir, "witness.wtns"));
            File.Copy(Fx(fixture, "verification_key.json"), Path.Combine(dir, "verification_key.json"));
            ProcessResult prove = Zkinfer.Run(["groth16", "prove"], workingDirectory: dir);
            Assert.True(prove.ExitCode == 0, prove.StdOut + prove.StdErr);
            Assert.Equal("", prove.StdOut);
            Assert.Equal(File.ReadAllText(Fx(fixture, "public.json")), File.ReadAllText(Path.Combine(dir, "public.json")));

            ProcessResult verify = Zkinfer.Run(["groth16", "verify"], workingDirectory: dir);
            Assert.Equal(0, verify.ExitCode);
            Assert.Equal("OK", verify.StdOut.Trim());
            ProcessResult sj = NodeTools.Snarkjs("groth16", "verify", Path.Combine(dir, "verification_key.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json"));
            Assert.True(sj.ExitCode == 0, sj.StdOut + sj.StdErr);
            Assert.Equal(new[] { "circuit_final.zkey", "proof.json", "public.json", "verification_key.json", "witness.wtns" },
                Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("proof.json", "public.json", 0, "OK")]
    [InlineData("proof_bad.json", "public.json", 1, "Invalid proof")]
    [InlineData("proof_bad_offcurve.json", "public.json", 1, "Proof commitments are not valid")]
    [InlineData("proof.json", "public_bad.json", 1, "Invalid proof")]
    [InlineData("proof.json", "public_bad_overflow.json", 1, "Public inputs are not valid")]
    public void VerifyGivesSnarkjsVerdicts(string proof, string pub, int exit, string message)
    {
        ProcessResult r = Zkinfer.Run(["groth16", "verify", Fx("scale_2e12", "verification_key.json"), Fx("scale_2e12", pub), Fx("scale_2e12", proof)]);
        Assert.Equal(exit, r.ExitCode);
        Assert.StartsWith(message, r.StdOut.Trim());
    }

    [Fact]
    public void ExportVerificationKeyAndCalldataMatchSnarkjs()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            string vk = Path.Combine(dir, "vk.json");
            ProcessResult r = Zkinfer.Run(["zkey", "export", "verificationkey", Fx("poseidon", "circuit_final.zkey"), vk]);
            Assert.True(r.ExitCode == 0, r.StdErr);
            Assert.Equal(File.ReadAllText(Fx("poseidon", "verification_key.json")), File.ReadAllText(vk));

            r = Zkinfer.Run(["zkey", "export", "soliditycalldata", Fx("poseidon", "public.json"), Fx("poseidon", "proof.json")]);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(File.ReadAllText(Fx("poseidon", "calldata.txt")), r.StdOut);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void BadInputsExitOneWithAMessageAndLeaveNoFiles()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            string truncated = Path.Combine(dir, "t.zkey");
            byte[] zkey = File.ReadAllBytes(Fx("multiplier", "circuit_final.zkey"));
            File.WriteAllBytes(truncated, zkey[..(zkey.Length - 10)]);
            string proof = Path.Combine(dir, "p.json"), pub = Path.Combine(dir, "pub.json");

            ProcessResult r = Zkinfer.Run(["groth16", "prove", truncated, Fx("multiplier", "witness.wtns"), proof, pub]);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("t.zkey", r.StdErr);
            Assert.DoesNotContain("   at ", r.StdErr);

            // Witness of another circuit.
            r = Zkinfer.Run(["groth16", "prove", Fx("multiplier", "circuit_final.zkey"), Fx("poseidon", "witness.wtns"), proof, pub]);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("witness", r.StdErr);

            string malformed = Path.Combine(dir, "bad.json");
            File.WriteAllText(malformed, "{\"pi_a\": [1, 2");
            r = Zkinfer.Run(["groth16", "verify", Fx("multiplier", "verification_key.json"), Fx("multiplier", "public.json"), malformed]);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("not valid JSON", r.StdErr);

            r = Zkinfer.Run(["zkey", "export", "verificationkey", Path.Combine(dir, "missing.zkey"), Path.Combine(dir, "vk.json")]);
            Assert.Equal(1, r.ExitCode);

            Assert.Equal(new[] { "bad.json", "t.zkey" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
