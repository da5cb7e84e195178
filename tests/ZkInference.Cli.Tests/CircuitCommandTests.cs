using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

[Collection("console")]
public sealed class CircuitCommandTests
{
    [Fact]
    public void R1csInfoPrintsSnarkjsFigures()
    {
        var (code, output, _) = CliRunner.Run("r1cs", "info", RepoPaths.Fixture("poseidon", "circuit.r1cs"));
        Assert.Equal(0, code);
        // The same figures as snarkjs's own output, without its log prefix.
        string[] expected = File.ReadAllLines(RepoPaths.Fixture("poseidon", "r1cs_info.txt"))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\u001b\\[[0-9;]*m", ""))
            .Select(l => l[(l.IndexOf("snarkJS: ", StringComparison.Ordinal) + 9)..]).ToArray();
        Assert.Equal(expected, output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void R1csExportJsonWritesSnarkjsJson()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            string json = Path.Combine(dir, "out.json");
            var (code, _, err) = CliRunner.Run("r1cs", "export", "json", RepoPaths.Fixture("multiplier", "circuit.r1cs"), json);
            Assert.True(code == 0, err);
            Assert.Equal(File.ReadAllText(RepoPaths.Fixture("multiplier", "r1cs.json")), File.ReadAllText(json));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void WtnsCheckExitCodes()
    {
        string r1cs = RepoPaths.Fixture("multiplier", "circuit.r1cs");
        Assert.Equal(0, CliRunner.Run("wtns", "check", r1cs, RepoPaths.Fixture("multiplier", "witness.wtns")).ExitCode);
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            byte[] bytes = File.ReadAllBytes(RepoPaths.Fixture("multiplier", "witness.wtns"));
            bytes[^32] ^= 1; // the last wire (b) changes: constraints using it fail
            string bad = Path.Combine(dir, "bad.wtns");
            File.WriteAllBytes(bad, bytes);
            var (code, _, err) = CliRunner.Run("wtns", "check", r1cs, bad);
            Assert.Equal(1, code);
            Assert.Contains("constraint #0", err);
            var (code2, _, err2) = CliRunner.Run("wtns", "check", r1cs, Path.Combine(dir, "missing.wtns"));
            Assert.Equal(1, code2);
            Assert.Contains("missing.wtns", err2);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void CorruptR1csIsAOneLineError()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            string bad = Path.Combine(dir, "bad.r1cs");
            File.WriteAllBytes(bad, File.ReadAllBytes(RepoPaths.Fixture("multiplier", "circuit.r1cs"))[..100]);
            var (code, _, err) = CliRunner.Run("r1cs", "info", bad);
            Assert.Equal(1, code);
            Assert.StartsWith("error: ", err);
            Assert.Contains("bad.r1cs", err);
        }
        finally { Directory.Delete(dir, true); }
    }
}
