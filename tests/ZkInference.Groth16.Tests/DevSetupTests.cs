using FsCheck.Xunit;
using Xunit;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16.Json;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

public sealed class DevSetupTests
{
    [Property(MaxTest = 12)]
    public bool CompletenessOnRandomCircuits(int seed)
    {
        (CompiledCircuit circuit, Fr[] witness) = RandomCircuits.Create(seed);
        ProvingKey pk = DevSetup.Create(circuit.System);
        ProofWithPublicSignals p = Prover.Prove(pk, circuit.System, witness);
        return Verifier.Verify(pk.ToVerifyingKey(), p.PublicSignals, p.Proof).IsValid;
    }

    [Property(MaxTest = 8)]
    public bool AnySingleMutationIsRejected(int seed, byte which)
    {
        (CompiledCircuit circuit, Fr[] witness) = RandomCircuits.Create(seed);
        ProvingKey pk = DevSetup.Create(circuit.System);
        var pvk = new PreparedVerifyingKey(pk.ToVerifyingKey());
        ProofWithPublicSignals p = Prover.Prove(pk, witness);
        Proof proof = p.Proof;
        Fr[] pub = (Fr[])p.PublicSignals.Clone();
        G1Jacobian g1 = G1Jacobian.Generator;
        switch (which % 4)
        {
            case 0: proof = proof with { A = (G1Jacobian.FromAffine(proof.A) + g1).ToAffine() }; break;
            case 1: proof = proof with { B = (G2Jacobian.FromAffine(proof.B) + G2Jacobian.Generator).ToAffine() }; break;
            case 2: proof = proof with { C = (G1Jacobian.FromAffine(proof.C) + g1).ToAffine() }; break;
            default: pub[which % pub.Length] += Fr.One; break;
        }
        return !Verifier.Verify(pvk, pub, proof).IsValid;
    }

    [Fact]
    public void ZkeyRoundTripsAndSnarkjsProvesWithOurDevKey()
    {
        (CompiledCircuit circuit, Fr[] witness) = RandomCircuits.Create(7);
        ProvingKey pk = DevSetup.Create(circuit.System);
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            string zkey = Path.Combine(dir, "dev.zkey"), wtns = Path.Combine(dir, "w.wtns");
            ZkeyFile.Write(pk, zkey);
            WtnsFile.Write(witness, wtns);
            ProvingKey back = ZkeyFile.Read(zkey);
            Assert.Equal(pk.H, back.H);
            Assert.Equal(pk.Coefficients, back.Coefficients);

            string proof = Path.Combine(dir, "proof.json"), pub = Path.Combine(dir, "public.json"), vk = Path.Combine(dir, "vk.json");
            ProcessResult r = NodeTools.Snarkjs("groth16", "prove", zkey, wtns, proof, pub);
            Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
            var pvk = new PreparedVerifyingKey(pk.ToVerifyingKey());
            Assert.True(Verifier.Verify(pvk, PublicSignalsJson.Read(pub), ProofJson.Read(proof)).IsValid);

            r = NodeTools.Snarkjs("zkey", "export", "verificationkey", zkey, vk);
            Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
            Assert.Equal(VerificationKeyJson.Format(pk.ToVerifyingKey()), File.ReadAllText(vk));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
