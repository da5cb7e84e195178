using Xunit;
using ZkInference.Groth16.Ptau;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>Our powers of tau checked by the real snarkjs, and snarkjs's checked by ours.</summary>
public sealed class PtauInteropTests
{
    [Fact]
    public void OurContributionsPassSnarkjsVerify()
    {
        string dir = RepoPaths.NewTempDirectory("ptau");
        string p0 = Path.Combine(dir, "pot_0000.ptau"), p1 = Path.Combine(dir, "pot_0001.ptau"), p2 = Path.Combine(dir, "pot_0002.ptau");
        PowersOfTau.New(4, p0);
        PowersOfTau.Contribute(p0, p1, "first", "some entropy");
        PowersOfTau.Contribute(p1, p2, "second", "more entropy");
        ProcessResult r = NodeTools.Snarkjs("powersoftau", "verify", p2);
        Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
        Assert.Contains("Powers of Tau Ok!", r.PlainOut + r.StdErr);
    }
}
