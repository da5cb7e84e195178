using System.Buffers.Binary;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field;
using ZkInference.Groth16.Json;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>Malformed zkeys and JSON give <see cref="Groth16Exception"/> (or a verdict), never another exception.</summary>
public sealed class BadInputTests
{
    private static readonly byte[] Zkey = File.ReadAllBytes(RepoPaths.Fixture("multiplier", "circuit_final.zkey"));

    private static ProvingKey ReadBytes(byte[] bytes) => ZkeyFile.Read(new MemoryStream(bytes), "bad.zkey");

    [Fact]
    public void EveryTruncationIsRejectedNamingTheFile()
    {
        for (int length = 0; length < Zkey.Length; length += 7)
        {
            var e = Assert.Throws<Groth16Exception>(() => ReadBytes(Zkey[..length]));
            Assert.StartsWith("bad.zkey: ", e.Message);
        }
    }

    [Property(MaxTest = 300)]
    public bool FlippedByteIsRejectedOrHarmless(int position, byte mask)
    {
        byte[] bytes = (byte[])Zkey.Clone();
        int p = (int)((uint)position % (uint)bytes.Length);
        bytes[p] ^= mask == 0 ? (byte)1 : mask;
        try { ReadBytes(bytes); return true; }
        catch (Groth16Exception) { return true; }
    }

    [Theory]
    [InlineData(0, "magic")]
    [InlineData(4, "version")]
    public void HeaderProblemsAreNamed(int offset, string expected)
    {
        byte[] bytes = (byte[])Zkey.Clone();
        bytes[offset] ^= 0x40;
        Assert.Contains(expected, Assert.Throws<Groth16Exception>(() => ReadBytes(bytes)).Message);
    }

    [Fact]
    public void WrongProtocolSectionSizeAndOffCurvePointAreRejected()
    {
        // Section 1 payload (protocol) at 12 + 12.
        byte[] plonk = (byte[])Zkey.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(plonk.AsSpan(24), 2);
        Assert.Contains("PLONK", Assert.Throws<Groth16Exception>(() => ReadBytes(plonk)).Message);

        // Section 3 (IC) header follows sections 1 and 2: shrink its size by one point and move the bytes.
        int ic = 12 + 12 + 4 + 12 + 660;
        byte[] sizes = (byte[])Zkey.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(sizes.AsSpan(ic + 4), 256 - 64);
        Assert.Throws<Groth16Exception>(() => ReadBytes(sizes));

        // The first IC point's y + 1 (Montgomery bytes changed): off the curve.
        byte[] offCurve = (byte[])Zkey.Clone();
        offCurve[ic + 12 + 32] ^= 1;
        Assert.Contains("IC", Assert.Throws<Groth16Exception>(() => ReadBytes(offCurve)).Message);

        // α₁.x replaced by q (not canonical).
        byte[] big = (byte[])Zkey.Clone();
        Fp.Modulus.TryWriteBytes(big.AsSpan(24 + 4 + 12 + 84, 32), out _, isUnsigned: true);
        Assert.Throws<Groth16Exception>(() => ReadBytes(big));
    }

    [Fact]
    public void MissingFileIsAGroth16Exception() =>
        Assert.Throws<Groth16Exception>(() => ZkeyFile.Read("/nonexistent/x.zkey"));

    [Theory]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("{}")]
    [InlineData("{\"pi_a\": [\"1\", \"2\"], \"pi_b\": [], \"pi_c\": []}")]
    [InlineData("{\"pi_a\": [1, 2, 1], \"pi_b\": [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]], \"pi_c\": [\"0\",\"1\",\"0\"]}")]
    [InlineData("{\"pi_a\": [\"-1\", \"2\", \"1\"], \"pi_b\": [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]], \"pi_c\": [\"0\",\"1\",\"0\"]}")]
    [InlineData("{\"pi_a\": [\"21888242871839275222246405745257275088696311157297823662689037894645226208584\", \"2\", \"1\"], \"pi_b\": [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]], \"pi_c\": [\"0\",\"1\",\"0\"]}")]
    [InlineData("{\"pi_a\": [\"1\", \"2\", \"2\"], \"pi_b\": [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]], \"pi_c\": [\"0\",\"1\",\"0\"]}")]
    [InlineData("{\"pi_a\": [\"1\", \"2\", \"1\"], \"pi_b\": [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]], \"pi_c\": [\"0\",\"1\",\"0\"], \"protocol\": \"plonk\"}")]
    public void MalformedProofJsonIsRejected(string json) =>
        Assert.Throws<Groth16Exception>(() => ProofJson.Parse(json));

    [Theory]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[\"0x10\"]")]
    [InlineData("[\"12a\"]")]
    [InlineData("[[\"1\"]]")]
    public void MalformedPublicJsonIsRejected(string json) =>
        Assert.Throws<Groth16Exception>(() => PublicSignalsJson.Parse(json));

    [Fact]
    public void PublicSignalAtLeastRIsNotReduced()
    {
        string r = Fr.Modulus.ToString();
        Assert.Equal([r], PublicSignalsJson.Parse($"[\"{r}\"]"));
        Assert.Throws<Groth16Exception>(() => PublicSignalsJson.ParseFieldElements($"[\"{r}\"]"));
        Assert.False(Verifier.TryParseSignal(r, out _));
    }

    [Fact]
    public void MalformedVerificationKeysAreRejected()
    {
        string good = File.ReadAllText(RepoPaths.Fixture("multiplier", "verification_key.json"));
        Assert.Throws<Groth16Exception>(() => VerificationKeyJson.Parse(good.Replace("\"groth16\"", "\"plonk\"")));
        Assert.Throws<Groth16Exception>(() => VerificationKeyJson.Parse(good.Replace("\"nPublic\": 3", "\"nPublic\": 2")));
        Assert.Throws<Groth16Exception>(() => VerificationKeyJson.Parse(good[..^5]));
        // A key point moved off the curve is caught when the key is prepared.
        VerifyingKey vk = VerificationKeyJson.Parse(good);
        var moved = vk with { IC = [new G1Affine(vk.IC[0].X + Fp.One, vk.IC[0].Y), .. vk.IC[1..]] };
        Assert.Throws<Groth16Exception>(() => new PreparedVerifyingKey(moved));
    }
}
