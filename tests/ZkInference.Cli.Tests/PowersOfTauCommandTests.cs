using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary>The powersoftau commands through the real zkinfer program, checked by snarkjs.</summary>
public sealed class PowersOfTauCommandTests
{
    [Fact]
    public void CeremonyWithSnarkjsArgumentsAndAliases()
    {
        string dir = RepoPaths.NewTempDirectory("ptcli");
        Ok(Zkinfer.Run(["powersoftau", "new", "bn128", "3", "p0.ptau", "-v"], workingDirectory: dir));
        Ok(Zkinfer.Run(["ptc", "p0.ptau", "p1.ptau", "--name=first", "-e=some text"], workingDirectory: dir));
        Ok(Zkinfer.Run(["powersoftau", "beacon", "p1.ptau", "p2.ptau", "0102030405", "10", "-n=beacon"], workingDirectory: dir));
        Ok(Zkinfer.Run(["powersoftau", "prepare", "phase2", "p2.ptau", "final.ptau"], workingDirectory: dir));
        ProcessResult v = Zkinfer.Run(["powersoftau", "verify", "final.ptau"], workingDirectory: dir);
        Ok(v);
        Assert.Contains("Powers of Tau Ok!", v.StdOut);
        Assert.Contains("first", v.StdOut);
        ProcessResult s = NodeTools.Snarkjs("powersoftau", "verify", Path.Combine(dir, "final.ptau"));
        Assert.True(s.ExitCode == 0, s.StdOut + s.StdErr);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void NewUsesSnarkjsDefaultFileName()
    {
        string dir = RepoPaths.NewTempDirectory("ptcli");
        Ok(Zkinfer.Run(["ptn", "bn128", "1"], workingDirectory: dir));
        Assert.True(File.Exists(Path.Combine(dir, "powersoftau_0000.ptau")));
    }

    [Fact]
    public void ErrorsExitOneWithoutPartialFiles()
    {
        string dir = RepoPaths.NewTempDirectory("ptcli");
        File.WriteAllBytes(Path.Combine(dir, "bad.ptau"), [(byte)'p', (byte)'t', (byte)'a', (byte)'u', 1, 0, 0, 0, 5, 0, 0, 0]);
        ProcessResult r = Zkinfer.Run(["powersoftau", "contribute", "bad.ptau", "out.ptau", "-e=x"], workingDirectory: dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.ptau", r.StdErr);
        Assert.False(File.Exists(Path.Combine(dir, "out.ptau")));
        Assert.Single(Directory.GetFiles(dir));
        ProcessResult c = Zkinfer.Run(["powersoftau", "new", "secp256k1", "3", "x.ptau"], workingDirectory: dir);
        Assert.Equal(1, c.ExitCode);
        Assert.Contains("not supported", c.StdErr);
    }

    private static void Ok(ProcessResult r) => Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
}
