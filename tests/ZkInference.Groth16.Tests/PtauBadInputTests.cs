using Xunit;
using ZkInference.Field;
using ZkInference.Groth16.Ptau;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>Tampered, truncated and malformed ptau files are rejected by our verify (and by snarkjs) with clear messages.</summary>
public sealed class PtauBadInputTests
{
    private static readonly Lazy<string> Good = new(() =>
    {
        string dir = RepoPaths.NewTempDirectory("ptaubad");
        string p0 = Path.Combine(dir, "p0.ptau"), p1 = Path.Combine(dir, "p1.ptau");
        PowersOfTau.New(3, p0);
        PowersOfTau.Contribute(p0, p1, "c", "e");
        return p1;
    });

    private static string Copy(string tag)
    {
        string path = Path.Combine(RepoPaths.NewTempDirectory("ptaubad"), tag + ".ptau");
        File.Copy(Good.Value, path);
        return path;
    }

    // Offset of point `index` in section `section` (header 12 bytes, then sections of 12-byte headers).
    private static long Offset(string path, int section, long byteOffset)
    {
        using var fs = File.OpenRead(path);
        var b = new byte[12];
        fs.ReadExactly(b);
        long pos = 12;
        while (true)
        {
            fs.Position = pos;
            fs.ReadExactly(b);
            int type = BitConverter.ToInt32(b, 0);
            long size = BitConverter.ToInt64(b, 4);
            if (type == section) return pos + 12 + byteOffset;
            pos += 12 + size;
        }
    }

    [Fact]
    public void GoodFileVerifies() => PowersOfTau.Verify(Good.Value);

    [Fact]
    public void ReplacedPowerIsRejectedByBoth()
    {
        string path = Copy("swapped");
        var b = new byte[64];
        G1Jacobian.Multiply(G1Jacobian.Generator, Fr.FromUInt64(12345)).ToAffine().WriteMontgomeryLittleEndian(b);
        long at = Offset(path, 2, 5 * 64);
        using (var fs = File.OpenWrite(path)) { fs.Position = at; fs.Write(b); }
        var e = Assert.Throws<Groth16Exception>(() => PowersOfTau.Verify(path));
        Assert.Contains("not consistent powers", e.Message);
        Assert.NotEqual(0, NodeTools.Snarkjs("powersoftau", "verify", path).ExitCode);
    }

    [Fact]
    public void WrongContributionHashIsRejectedByBoth()
    {
        string path = Copy("hash");
        // the next-challenge hash sits after 5 points, the public key and the 216-byte partial hash
        long at = Offset(path, 7, 4 + 64 * 3 + 128 * 2 + 6 * 64 + 3 * 128 + 216);
        using (var fs = File.OpenWrite(path)) { fs.Position = at; fs.WriteByte(0x5a); }
        var e = Assert.Throws<Groth16Exception>(() => PowersOfTau.Verify(path));
        Assert.Contains("next challenge", e.Message);
        Assert.NotEqual(0, NodeTools.Snarkjs("powersoftau", "verify", path).ExitCode);
    }

    [Fact]
    public void OffCurvePointIsNamed()
    {
        string path = Copy("offcurve");
        long at = Offset(path, 4, 64 + 3);
        using (var fs = File.OpenWrite(path)) { fs.Position = at; fs.WriteByte(0x77); }
        var e = Assert.Throws<Groth16Exception>(() => PowersOfTau.Verify(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not on the curve", e.Message);
    }

    [Fact]
    public void TruncatedFileIsRejected()
    {
        string path = Copy("trunc");
        using (var fs = new FileStream(path, FileMode.Open)) fs.SetLength(fs.Length - 100);
        var e = Assert.Throws<Groth16Exception>(() => PtauFile.Open(path));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void WrongMagicAndMissingFileAreRejected()
    {
        string path = Copy("magic");
        using (var fs = File.OpenWrite(path)) fs.WriteByte((byte)'z');
        Assert.Contains("not a .ptau file", Assert.Throws<Groth16Exception>(() => PtauFile.Open(path)).Message);
        Assert.Contains("cannot be opened", Assert.Throws<Groth16Exception>(() => PtauFile.Open(path + ".missing")).Message);
    }

    [Fact]
    public void FailedContributionLeavesNoFile()
    {
        string path = Copy("nofile");
        long at = Offset(path, 2, 64 * 3 + 5);
        using (var fs = File.OpenWrite(path)) { fs.Position = at; fs.WriteByte(0x33); }
        string output = Path.Combine(Path.GetDirectoryName(path)!, "out.ptau");
        Assert.Throws<Groth16Exception>(() => PowersOfTau.Contribute(path, output, "x", "y"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void NewRejectsBadPower() =>
        Assert.Throws<Groth16Exception>(() => PowersOfTau.New(29, Path.Combine(RepoPaths.NewTempDirectory(), "x.ptau")));
}
