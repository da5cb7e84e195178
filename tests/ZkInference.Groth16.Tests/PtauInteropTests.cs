using Xunit;
using ZkInference.Groth16.Ptau;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>Our powers of tau checked by the real snarkjs, and snarkjs's checked by ours.</summary>
public sealed class PtauInteropTests
{
    private static readonly byte[] BeaconHash = Convert.FromHexString("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");

    [Fact]
    public void OurCeremonyPassesSnarkjsAndOurVerify()
    {
        string dir = RepoPaths.NewTempDirectory("ptau");
        string p0 = Path.Combine(dir, "pot_0000.ptau"), p1 = Path.Combine(dir, "pot_0001.ptau"), p2 = Path.Combine(dir, "pot_0002.ptau");
        string beacon = Path.Combine(dir, "pot_beacon.ptau"), final = Path.Combine(dir, "pot_final.ptau");
        PowersOfTau.New(4, p0);
        PowersOfTau.Contribute(p0, p1, "first", "some entropy");
        PowersOfTau.Contribute(p1, p2, "second", "more entropy");
        PowersOfTau.Beacon(p2, beacon, "final beacon", BeaconHash, 10);
        PowersOfTau.PreparePhase2(beacon, final);
        PtauVerification v = PowersOfTau.Verify(final);
        Assert.True(v.Prepared);
        Assert.Equal(3, v.Contributions.Count);
        ProcessResult r = NodeTools.Snarkjs("powersoftau", "verify", final);
        Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
        Assert.Contains("Powers of Tau Ok!", r.PlainOut + r.StdErr);
        Assert.DoesNotContain(Directory.GetFiles(dir), f => f.EndsWith(".tmp"));
    }

    [Fact]
    public void SnarkjsCeremonyPassesOurVerify()
    {
        string dir = RepoPaths.NewTempDirectory("ptau");
        string p0 = Path.Combine(dir, "p0.ptau"), p1 = Path.Combine(dir, "p1.ptau"), p2 = Path.Combine(dir, "p2.ptau"), p3 = Path.Combine(dir, "p3.ptau");
        Check(NodeTools.Snarkjs("powersoftau", "new", "bn128", "3", p0));
        Check(NodeTools.Snarkjs("powersoftau", "contribute", p0, p1, "--name=snarkjs one", "-e=entropy"));
        Check(NodeTools.Snarkjs("powersoftau", "beacon", p1, p2, "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "10", "-n=beacon"));
        Check(NodeTools.Snarkjs("powersoftau", "prepare", "phase2", p2, p3));
        PtauVerification v = PowersOfTau.Verify(p3);
        Assert.Equal(2, v.Contributions.Count);
        Assert.Equal(1, v.Contributions[1].Type);
        // and we contribute on top of snarkjs's file; snarkjs accepts the result
        string p4 = Path.Combine(dir, "p4.ptau");
        PowersOfTau.Contribute(p2, p4, "ours after snarkjs", "x");
        Check(NodeTools.Snarkjs("powersoftau", "verify", p4));
    }

    [Fact]
    public void FixturePtauVerifies()
    {
        PtauVerification v = PowersOfTau.Verify(RepoPaths.Fixture("multiplier", "pot_final.ptau"));
        Assert.True(v.Prepared);
    }

    private static void Check(ProcessResult r) => Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
}
