using Xunit;
using ZkInference.Groth16.Ceremony;
using ZkInference.Groth16.Setup;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>zkey contribute/beacon/verify against snarkjs in both directions.</summary>
public sealed class ContributionInteropTests
{
    private const string Beacon = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    private static (string R1cs, string Ptau) Multiplier => (RepoPaths.Fixture("multiplier", "circuit.r1cs"), RepoPaths.Fixture("multiplier", "pot_final.ptau"));

    [Fact]
    public void OurChainPassesSnarkjsAndOurVerify()
    {
        var (r1cs, ptau) = Multiplier;
        string dir = RepoPaths.NewTempDirectory("zkc");
        string z0 = Path.Combine(dir, "c0.zkey"), z1 = Path.Combine(dir, "c1.zkey"), z2 = Path.Combine(dir, "c2.zkey"), zf = Path.Combine(dir, "final.zkey");
        ZkeySetup.Run(r1cs, ptau, z0);
        ZkeyCeremony.Contribute(z0, z1, "alice", "entropy one");
        ZkeyCeremony.Contribute(z1, z2, "bob", "entropy two");
        ZkeyCeremony.Beacon(z2, zf, "beacon", Convert.FromHexString(Beacon), 10);
        IReadOnlyList<ZkeyContribution> cs = ZkeyCeremony.Verify(r1cs, ptau, zf);
        Assert.Equal(3, cs.Count);
        SetupInteropTests.Check(NodeTools.Snarkjs("zkey", "verify", r1cs, ptau, zf));
        // snarkjs proves with the final key and the proof verifies
        string proof = Path.Combine(dir, "proof.json"), pub = Path.Combine(dir, "public.json"), vk = Path.Combine(dir, "vk.json");
        SetupInteropTests.Check(NodeTools.Snarkjs("groth16", "prove", zf, RepoPaths.Fixture("multiplier", "witness.wtns"), proof, pub));
        SetupInteropTests.Check(NodeTools.Snarkjs("zkey", "export", "verificationkey", zf, vk));
        SetupInteropTests.Check(NodeTools.Snarkjs("groth16", "verify", vk, pub, proof));
    }

    [Fact]
    public void SnarkjsChainPassesOurVerify()
    {
        var (r1cs, ptau) = Multiplier;
        string dir = RepoPaths.NewTempDirectory("zkc");
        string z0 = Path.Combine(dir, "c0.zkey"), z1 = Path.Combine(dir, "c1.zkey"), z2 = Path.Combine(dir, "c2.zkey"), z3 = Path.Combine(dir, "c3.zkey");
        SetupInteropTests.Check(NodeTools.Snarkjs("zkey", "new", r1cs, ptau, z0));
        SetupInteropTests.Check(NodeTools.Snarkjs("zkey", "contribute", z0, z1, "--name=snarkjs", "-e=abc"));
        SetupInteropTests.Check(NodeTools.Snarkjs("zkey", "beacon", z1, z2, Beacon, "10", "-n=beacon"));
        Assert.Equal(2, ZkeyCeremony.Verify(r1cs, ptau, z2).Count);
        // we contribute after snarkjs's beacon; snarkjs accepts the result
        ZkeyCeremony.Contribute(z2, z3, "ours", "x");
        SetupInteropTests.Check(NodeTools.Snarkjs("zkey", "verify", r1cs, ptau, z3));
        // the fixture's final key (made by snarkjs) verifies too
        ZkeyCeremony.Verify(r1cs, ptau, RepoPaths.Fixture("multiplier", "circuit_final.zkey"));
    }

    [Fact]
    public void TamperedKeyIsRejected()
    {
        var (r1cs, ptau) = Multiplier;
        string dir = RepoPaths.NewTempDirectory("zkc");
        string z0 = Path.Combine(dir, "c0.zkey"), z1 = Path.Combine(dir, "c1.zkey");
        ZkeySetup.Run(r1cs, ptau, z0);
        ZkeyCeremony.Contribute(z0, z1, "alice", "e");
        // flip the transcript hash of the contribution (last 64+8+len(name params) bytes region)
        byte[] sec = ZkeySections.Read(z1, 10);
        byte[] all = File.ReadAllBytes(z1);
        int at = all.AsSpan().IndexOf(sec) + 68 + 64 * 3 + 128;
        all[at] ^= 1;
        File.WriteAllBytes(z1, all);
        var e = Assert.Throws<Groth16Exception>(() => ZkeyCeremony.Verify(r1cs, ptau, z1));
        Assert.Contains("transcript", e.Message);
        Assert.NotEqual(0, NodeTools.Snarkjs("zkey", "verify", r1cs, ptau, z1).ExitCode);
    }
}
