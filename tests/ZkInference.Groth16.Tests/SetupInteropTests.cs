using Xunit;
using ZkInference.Groth16.Setup;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>groth16 setup: our initial zkey equals snarkjs's section by section, snarkjs verifies it and proves with it.</summary>
public sealed class SetupInteropTests
{
    [Theory]
    [InlineData("multiplier")]
    [InlineData("poseidon")]
    public void InitialZkeyMatchesSnarkjsAndVerifies(string fixture)
    {
        string r1cs = RepoPaths.Fixture(fixture, "circuit.r1cs"), ptau = RepoPaths.Fixture(fixture, "pot_final.ptau");
        string dir = RepoPaths.NewTempDirectory("setup");
        string ours = Path.Combine(dir, "ours.zkey"), theirs = Path.Combine(dir, "theirs.zkey");
        byte[] hash = ZkeySetup.Run(r1cs, ptau, ours);
        Check(NodeTools.Snarkjs("zkey", "new", r1cs, ptau, theirs));
        for (int s = 1; s <= 10; s++)
            Assert.True(ZkeySections.Read(ours, s).AsSpan().SequenceEqual(ZkeySections.Read(theirs, s)), $"section {s} differs");
        Assert.Equal(ZkeySections.Read(theirs, 10)[..64], hash);
        Check(NodeTools.Snarkjs("zkey", "verify", r1cs, ptau, ours));
    }

    [Fact]
    public void SnarkjsProvesWithOurZkey()
    {
        string f = "multiplier";
        string dir = RepoPaths.NewTempDirectory("setup");
        string zkey = Path.Combine(dir, "circuit_0000.zkey"), vk = Path.Combine(dir, "vk.json"), proof = Path.Combine(dir, "proof.json"), pub = Path.Combine(dir, "public.json");
        ZkeySetup.Run(RepoPaths.Fixture(f, "circuit.r1cs"), RepoPaths.Fixture(f, "pot_final.ptau"), zkey);
        Check(NodeTools.Snarkjs("groth16", "prove", zkey, RepoPaths.Fixture(f, "witness.wtns"), proof, pub));
        Check(NodeTools.Snarkjs("zkey", "export", "verificationkey", zkey, vk));
        ProcessResult r = NodeTools.Snarkjs("groth16", "verify", vk, pub, proof);
        Check(r);
        Assert.Contains("OK", r.PlainOut);
    }

    internal static void Check(ProcessResult r) => Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
}

/// <summary>Reads raw sections of a binfile for byte comparisons in tests.</summary>
internal static class ZkeySections
{
    public static byte[] Read(string path, int section)
    {
        byte[] all = File.ReadAllBytes(path);
        long pos = 12;
        while (pos < all.Length)
        {
            int type = BitConverter.ToInt32(all, (int)pos);
            long size = BitConverter.ToInt64(all, (int)pos + 4);
            if (type == section) return all.AsSpan((int)pos + 12, (int)size).ToArray();
            pos += 12 + size;
        }
        throw new InvalidOperationException($"{path} has no section {section}");
    }
}
