using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Field.Evm;
using ZkInference.Groth16.Evm;
using ZkInference.Groth16.Json;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>Prove and verify against the snarkjs fixtures, with our verifier and with snarkjs.</summary>
public sealed class FixtureProofTests
{
    public static TheoryData<string> Fixtures => new() { "multiplier", "poseidon", "scale_2e12" };

    private static PreparedVerifyingKey Vk(string fixture) => new(VerificationKeyJson.Read(RepoPaths.Fixture(fixture, "verification_key.json")));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void OurProofVerifiesWithOursAndSnarkjs(string fixture)
    {
        ProvingKey pk = ZkeyFile.Read(RepoPaths.Fixture(fixture, "circuit_final.zkey"));
        Fr[] witness = WtnsFile.Read(RepoPaths.Fixture(fixture, "witness.wtns"));
        ProofWithPublicSignals result = Prover.Prove(pk, witness);

        string[] expectedPublic = PublicSignalsJson.Read(RepoPaths.Fixture(fixture, "public.json"));
        Assert.Equal(expectedPublic, result.PublicSignals.Select(s => s.ToString()).ToArray());
        Assert.True(Verifier.Verify(Vk(fixture), result.PublicSignals, result.Proof).IsValid);

        string dir = RepoPaths.NewTempDirectory();
        try
        {
            ProofJson.Write(Path.Combine(dir, "proof.json"), result.Proof);
            PublicSignalsJson.Write(Path.Combine(dir, "public.json"), result.PublicSignals);
            ProcessResult sj = NodeTools.Snarkjs("groth16", "verify", RepoPaths.Fixture(fixture, "verification_key.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json"));
            Assert.True(sj.ExitCode == 0, sj.StdOut + sj.StdErr);

            // A tampered public signal: both tools reject.
            Fr[] tampered = (Fr[])result.PublicSignals.Clone();
            tampered[0] += Fr.One;
            PublicSignalsJson.Write(Path.Combine(dir, "public.json"), tampered);
            Assert.Equal(VerificationFailure.PairingCheckFailed, Verifier.Verify(Vk(fixture), tampered, result.Proof).Failure);
            sj = NodeTools.Snarkjs("groth16", "verify", RepoPaths.Fixture(fixture, "verification_key.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json"));
            Assert.NotEqual(0, sj.ExitCode);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SnarkjsProofAndNegativeCases(string fixture)
    {
        PreparedVerifyingKey vk = Vk(fixture);
        string[] pub = PublicSignalsJson.Read(RepoPaths.Fixture(fixture, "public.json"));
        Proof proof = ProofJson.Read(RepoPaths.Fixture(fixture, "proof.json"));
        Assert.Equal(VerificationResult.Valid, Verifier.Verify(vk, pub, proof));

        Proof bad = ProofJson.Read(RepoPaths.Fixture(fixture, "proof_bad.json"));
        Assert.Equal(VerificationFailure.PairingCheckFailed, Verifier.Verify(vk, pub, bad).Failure);
        Proof offCurve = ProofJson.Read(RepoPaths.Fixture(fixture, "proof_bad_offcurve.json"));
        Assert.Equal(VerificationFailure.InvalidProofPoint, Verifier.Verify(vk, pub, offCurve).Failure);
        string[] badPub = PublicSignalsJson.Read(RepoPaths.Fixture(fixture, "public_bad.json"));
        Assert.Equal(VerificationFailure.PairingCheckFailed, Verifier.Verify(vk, badPub, proof).Failure);
        string[] overflow = PublicSignalsJson.Read(RepoPaths.Fixture(fixture, "public_bad_overflow.json"));
        Assert.Equal(VerificationFailure.PublicInputOutOfRange, Verifier.Verify(vk, overflow, proof).Failure);
        Assert.Equal(VerificationFailure.PublicInputCount, Verifier.Verify(vk, pub[1..], proof).Failure);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void JsonOutputIsByteIdenticalToSnarkjs(string fixture)
    {
        string vkText = File.ReadAllText(RepoPaths.Fixture(fixture, "verification_key.json"));
        VerifyingKey fromZkey = ZkeyFile.ReadVerifyingKey(RepoPaths.Fixture(fixture, "circuit_final.zkey"));
        Assert.Equal(vkText, VerificationKeyJson.Format(fromZkey));

        string proofText = File.ReadAllText(RepoPaths.Fixture(fixture, "proof.json"));
        Assert.Equal(proofText, ProofJson.Format(ProofJson.Parse(proofText)));
        string pubText = File.ReadAllText(RepoPaths.Fixture(fixture, "public.json"));
        Assert.Equal(pubText, PublicSignalsJson.Format(PublicSignalsJson.ParseFieldElements(pubText)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CalldataAndPairingInputMatchTheChain(string fixture)
    {
        Proof proof = ProofJson.Read(RepoPaths.Fixture(fixture, "proof.json"));
        string[] pub = PublicSignalsJson.Read(RepoPaths.Fixture(fixture, "public.json"));
        Assert.Equal(File.ReadAllText(RepoPaths.Fixture(fixture, "calldata.txt")), SolidityCalldata.Format(proof, pub) + "\n");

        VerifyingKey vk = VerificationKeyJson.Read(RepoPaths.Fixture(fixture, "verification_key.json"));
        Fr[] x = pub.Select(Fr.Parse).ToArray();
        var output = new byte[32];
        Assert.True(EvmPrecompiles.TryEcPairing(SolidityCalldata.PairingInput(vk, x, proof), output, out _));
        Assert.Equal(1, output[31]);
        x[0] += Fr.One;
        Assert.True(EvmPrecompiles.TryEcPairing(SolidityCalldata.PairingInput(vk, x, proof), output, out _));
        Assert.Equal(0, output[31]);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void StreamingProverFromFileGivesValidProofs(string fixture)
    {
        Fr[] witness = WtnsFile.Read(RepoPaths.Fixture(fixture, "witness.wtns"));
        ProofWithPublicSignals result = Prover.Prove(RepoPaths.Fixture(fixture, "circuit_final.zkey"), witness);
        Assert.True(Verifier.Verify(Vk(fixture), result.PublicSignals, result.Proof).IsValid);
    }

    [Theory]
    [InlineData("poseidon", 1)]
    [InlineData("poseidon", 7)]
    [InlineData("scale_2e12", 1000)]
    public void StreamingProverInManySmallChunksGivesValidProofs(string fixture, int maxChunk)
    {
        // Every section, H included, goes through several MSM chunks whose sums must add up to the whole MSM.
        Fr[] witness = WtnsFile.Read(RepoPaths.Fixture(fixture, "witness.wtns"));
        ProofWithPublicSignals result = StreamingProver.Prove(RepoPaths.Fixture(fixture, "circuit_final.zkey"), witness, maxChunk);
        Assert.True(Verifier.Verify(Vk(fixture), result.PublicSignals, result.Proof).IsValid);
    }

    [Theory]
    [InlineData(10, 10, new[] { 0, 10 })]
    [InlineData(10, 3, new[] { 0, 3, 3, 3, 6, 3, 9, 1 })]
    [InlineData(9, 4, new[] { 0, 3, 3, 3, 6, 3 })]
    [InlineData(0, 4, new int[0])]
    public void ChunksCoverTheRangeInEqualPieces(int count, int capacity, int[] expected)
    {
        int[] actual = StreamingProver.Chunks(count, capacity).SelectMany(c => new[] { c.Start, c.Length }).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void StreamingProverRejectsBadFilesAndWitnesses()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            byte[] zkey = File.ReadAllBytes(RepoPaths.Fixture("poseidon", "circuit_final.zkey"));
            Fr[] witness = WtnsFile.Read(RepoPaths.Fixture("poseidon", "witness.wtns"));
            string path = Path.Combine(dir, "bad.zkey");
            File.WriteAllBytes(path, zkey[..^100]);
            Assert.Throws<Groth16Exception>(() => Prover.Prove(path, witness));
            byte[] flipped = (byte[])zkey.Clone();
            flipped[zkey.Length / 2] ^= 0x55; // inside a point section
            File.WriteAllBytes(path, flipped);
            Assert.Throws<Groth16Exception>(() => Prover.Prove(path, witness));
            Fr[] wrong = (Fr[])witness.Clone();
            wrong[^1] += Fr.One;
            Assert.Throws<Groth16Exception>(() => Prover.Prove(RepoPaths.Fixture("poseidon", "circuit_final.zkey"), wrong));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void WrongWitnessLengthAndUnsatisfyingWitnessAreRefused()
    {
        ProvingKey pk = ZkeyFile.Read(RepoPaths.Fixture("multiplier", "circuit_final.zkey"));
        Fr[] witness = WtnsFile.Read(RepoPaths.Fixture("multiplier", "witness.wtns"));
        Assert.Throws<Groth16Exception>(() => Prover.Prove(pk, witness[1..]));
        Fr[] poseidonWitness = WtnsFile.Read(RepoPaths.Fixture("poseidon", "witness.wtns"));
        Assert.Throws<Groth16Exception>(() => Prover.Prove(pk, poseidonWitness));
        Fr[] wrong = (Fr[])witness.Clone();
        wrong[^1] += Fr.One;
        var e = Assert.Throws<Groth16Exception>(() => Prover.Prove(pk, wrong));
        Assert.Contains("does not satisfy", e.Message);
        var cs = R1csFile.Read(RepoPaths.Fixture("multiplier", "circuit.r1cs"));
        e = Assert.Throws<Groth16Exception>(() => Prover.Prove(pk, cs, wrong));
        Assert.Contains("constraint", e.Message);
        Assert.True(Verifier.Verify(pk.ToVerifyingKey(), Prover.Prove(pk, cs, witness).PublicSignals, Prover.Prove(pk, witness).Proof).IsValid);
    }
}
