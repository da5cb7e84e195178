using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary>groth16 setup and the zkey ceremony commands through the real zkinfer program, checked by snarkjs.</summary>
public sealed class SetupCommandTests
{
    [Fact]
    public void SetupContributeBeaconVerify()
    {
        string dir = RepoPaths.NewTempDirectory("setupcli");
        string r1cs = RepoPaths.Fixture("multiplier", "circuit.r1cs"), ptau = RepoPaths.Fixture("multiplier", "pot_final.ptau");
        Ok(Zkinfer.Run(["groth16", "setup", r1cs, ptau, "c0.zkey"], workingDirectory: dir));
        Ok(Zkinfer.Run(["zkey", "contribute", "c0.zkey", "c1.zkey", "--name=alice", "-e=abc"], workingDirectory: dir));
        Ok(Zkinfer.Run(["zkb", "c1.zkey", "circuit_final.zkey", "0a0b0c", "10", "-n=beacon"], workingDirectory: dir));
        ProcessResult v = Zkinfer.Run(["zkey", "verify", r1cs, ptau, "circuit_final.zkey"], workingDirectory: dir);
        Ok(v);
        Assert.Contains("ZKey Ok!", v.StdOut);
        ProcessResult s = NodeTools.Snarkjs("zkey", "verify", r1cs, ptau, Path.Combine(dir, "circuit_final.zkey"));
        Assert.True(s.ExitCode == 0, s.StdOut + s.StdErr);
    }

    [Fact]
    public void DevelopmentSetupProvesWithBothToolsAndRefusesAPtauAsOutput()
    {
        string dir = RepoPaths.NewTempDirectory("setupdev");
        string r1cs = RepoPaths.Fixture("multiplier", "circuit.r1cs"), wtns = RepoPaths.Fixture("multiplier", "witness.wtns");
        ProcessResult setup = Zkinfer.Run(["groth16", "setup", "--dev", r1cs, "dev.zkey"], workingDirectory: dir);
        Ok(setup);
        Assert.Contains("DEVELOPMENT", setup.StdOut);
        Ok(Zkinfer.Run(["zkey", "export", "verificationkey", "dev.zkey", "vk.json"], workingDirectory: dir));
        Ok(Zkinfer.Run(["groth16", "prove", "dev.zkey", wtns, "proof.json", "public.json"], workingDirectory: dir));
        ProcessResult s = NodeTools.Snarkjs("groth16", "verify", Path.Combine(dir, "vk.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json"));
        Assert.True(s.ExitCode == 0, s.StdOut + s.StdErr);
        ProcessResult p = NodeTools.Snarkjs("groth16", "prove", Path.Combine(dir, "dev.zkey"), wtns, Path.Combine(dir, "p2.json"), Path.Combine(dir, "pub2.json"));
        Assert.True(p.ExitCode == 0, p.StdOut + p.StdErr);
        Ok(Zkinfer.Run(["groth16", "verify", "vk.json", "pub2.json", "p2.json"], workingDirectory: dir));

        ProcessResult bad = Zkinfer.Run(["groth16", "setup", "--dev", r1cs, "pot.ptau"], workingDirectory: dir);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("no powers of tau", bad.StdErr);
        Assert.False(File.Exists(Path.Combine(dir, "pot.ptau")));

        File.WriteAllText(Path.Combine(dir, "broken.r1cs"), "garbage");
        ProcessResult broken = Zkinfer.Run(["groth16", "setup", "--dev", "broken.r1cs", "broken.zkey"], workingDirectory: dir);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("error: ", broken.StdErr);
        Assert.DoesNotContain("Unhandled", broken.StdErr);
        Assert.False(File.Exists(Path.Combine(dir, "broken.zkey")));
    }

    [Fact]
    public void UnpreparedOrTooSmallPtauFailsCleanly()
    {
        string dir = RepoPaths.NewTempDirectory("setupcli");
        Ok(Zkinfer.Run(["powersoftau", "new", "bn128", "3", "small.ptau"], workingDirectory: dir));
        Ok(Zkinfer.Run(["powersoftau", "contribute", "small.ptau", "small1.ptau", "-e=x"], workingDirectory: dir));
        string r1cs = RepoPaths.Fixture("multiplier", "circuit.r1cs");
        ProcessResult r = Zkinfer.Run(["groth16", "setup", r1cs, "small1.ptau", "out.zkey"], workingDirectory: dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not prepared", r.StdErr);
        string poseidon = RepoPaths.Fixture("poseidon", "circuit.r1cs");
        Ok(Zkinfer.Run(["pt2", "small1.ptau", "small2.ptau"], workingDirectory: dir));
        r = Zkinfer.Run(["groth16", "setup", poseidon, "small2.ptau", "out.zkey"], workingDirectory: dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("too small", r.StdErr);
        Assert.False(File.Exists(Path.Combine(dir, "out.zkey")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    private static void Ok(ProcessResult r) => Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
}
