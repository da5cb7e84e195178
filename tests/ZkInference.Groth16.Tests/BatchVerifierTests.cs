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
        Proof valid8 = proofs[8];
        proofs[8] = proofs[8] with { C = proofs[8].A };
        BatchVerificationResult bad = BatchVerifier.Verify(pvk, publics, proofs);
        Assert.False(bad.IsValid);
        Assert.Equal([2, 6, 8], bad.InvalidIndices);

        Assert.True(BatchVerifier.Verify(pvk, [], []).IsValid);

        // A π_B on the twist but outside G2 (the batch tests every π_B together, eight at a time on AVX-512).
        (publics[2], publics[6]) = (publics[6], publics[2]);
        proofs[8] = valid8;
        Assert.True(BatchVerifier.Verify(pvk, publics, proofs).IsValid);
        G2Affine outside = TwistPointOutsideG2(rng);
        proofs[4] = proofs[4] with { B = outside };
        BatchVerificationResult notInG2 = BatchVerifier.Verify(pvk, publics, proofs);
        Assert.False(notInG2.IsValid);
        Assert.Equal([4], notInG2.InvalidIndices);
        Assert.Equal(VerificationFailure.InvalidProofPoint, notInG2.Results![4].Failure);
    }

    private static G2Affine TwistPointOutsideG2(Random rng)
    {
        while (true)
        {
            Fp2 x = Fp2.Random(rng);
            if (!Fp2.TrySqrt(x * x * x + G2Affine.B, out Fp2 y)) continue;
            var p = new G2Affine(x, y);
            if (!p.IsInSubgroup) return p;
        }
    }
}
