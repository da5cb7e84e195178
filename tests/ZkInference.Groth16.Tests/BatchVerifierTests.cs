using Xunit;
using ZkInference.Circuit;
using ZkInference.Field;

namespace ZkInference.Groth16.Tests;

public sealed class BatchVerifierTests
{
    [Fact]
    public void AcceptsValidBatchAndPinpointsBadProofs()
    {
        (CompiledCircuit circuit, _) = RandomCircuits.Create(3);
        ProvingKey pk = DevSetup.Create(circuit.System);
        var pvk = new PreparedVerifyingKey(pk.ToVerifyingKey());
        var rng = new Random(5);
        var proofs = new List<Proof>();
        var publics = new List<Fr[]>();
        for (int i = 0; i < 10; i++)
        {
            Fr[] w = circuit.Solve(
                Enumerable.Range(0, circuit.System.PublicInputCount).Select(_ => Fr.Random(rng)).ToArray(),
                Enumerable.Range(0, circuit.System.PrivateInputCount).Select(_ => Fr.Random(rng)).ToArray());
            ProofWithPublicSignals p = Prover.Prove(pk, w);
            proofs.Add(p.Proof);
            publics.Add(p.PublicSignals);
        }
        BatchVerificationResult ok = BatchVerifier.Verify(pvk, publics, proofs);
        Assert.True(ok.IsValid);
        Assert.Empty(ok.InvalidIndices);

        // Swap two proofs' public signals (both valid points, wrong statements) and break a point of another.
        (publics[2], publics[6]) = (publics[6], publics[2]);
        proofs[8] = proofs[8] with { C = proofs[8].A };
        BatchVerificationResult bad = BatchVerifier.Verify(pvk, publics, proofs);
        Assert.False(bad.IsValid);
        Assert.Equal([2, 6, 8], bad.InvalidIndices);

        Assert.True(BatchVerifier.Verify(pvk, [], []).IsValid);
    }
}
