using ZkInference.Circuit;
using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// The Groth16 prover, producing exactly what <c>snarkjs groth16 prove</c> produces from the same zkey and
/// witness (up to the fresh randomness r, s): the circom QAP reduction (odd coset of the 2n domain), five
/// multi-scalar multiplications and the blinding terms. Every proof is checked against the verification
/// key before it is returned, so an unsatisfying witness is refused instead of yielding an invalid proof.
/// </summary>
public static class Prover
{
    /// <summary>
    /// Proves with a zkey alone: checks the witness length and w[0] = 1, proves, and self-verifies.
    /// </summary>
    /// <param name="key">The proving key (from <see cref="ZkeyFile.Read(string)"/>).</param>
    /// <param name="witness">All nVars wire values (w[0] = 1, outputs, public inputs, private inputs, internals).</param>
    /// <exception cref="Groth16Exception">The witness has the wrong length or does not satisfy the circuit.</exception>
    public static ProofWithPublicSignals Prove(ProvingKey key, ReadOnlySpan<Fr> witness)
    {
        CheckWitnessShape(key, witness);
        ProofWithPublicSignals result = ProveUnchecked(key, witness, ProofRandomness.NextScalar(), ProofRandomness.NextScalar());
        SelfCheck(key, result);
        return result;
    }

    /// <summary>
    /// Proves straight from a .zkey file, streaming its sections instead of loading the whole key (much lower
    /// peak memory for large circuits); validation, checks and self-check as <see cref="Prove(ProvingKey, ReadOnlySpan{Fr})"/>.
    /// </summary>
    /// <exception cref="Groth16Exception">The zkey is invalid, or the witness has the wrong length or does not satisfy the circuit.</exception>
    public static ProofWithPublicSignals Prove(string zkeyPath, ReadOnlySpan<Fr> witness) => StreamingProver.Prove(zkeyPath, witness);

    /// <summary>Verifies a fresh proof under the key's own verification key; throws if it fails.</summary>
    internal static void SelfCheck(ProvingKey key, ProofWithPublicSignals result)
    {
        var pvk = new PreparedVerifyingKey(key.ToVerifyingKey());
        VerificationResult check = Verifier.Verify(pvk, result.PublicSignals, result.Proof);
        if (!check.IsValid) throw new Groth16Exception("the witness does not satisfy the circuit of this proving key (the proof failed its self-check; no proof was produced)");
    }

    /// <summary>
    /// Proves after checking the witness against the constraint system, refusing an unsatisfying witness with
    /// the first failing constraint named.
    /// </summary>
    /// <exception cref="Groth16Exception">The constraint system does not match the key, or the witness does not satisfy it.</exception>
    public static ProofWithPublicSignals Prove(ProvingKey key, ConstraintSystem constraints, ReadOnlySpan<Fr> witness)
    {
        if (constraints.WireCount != key.VariableCount || constraints.PublicCount != key.PublicCount)
            throw new Groth16Exception($"the constraint system ({constraints.WireCount} wires, {constraints.PublicCount} public) does not match the proving key ({key.VariableCount} variables, {key.PublicCount} public)");
        CheckWitnessShape(key, witness);
        SatisfactionResult sat = constraints.Check(witness);
        if (!sat.IsSatisfied) throw new Groth16Exception($"the witness does not satisfy the circuit: {sat.Message}");
        return Prove(key, witness);
    }

    internal static void CheckWitnessShape(ProvingKey key, ReadOnlySpan<Fr> witness)
    {
        if (witness.Length != key.VariableCount)
            throw new Groth16Exception($"the witness has {witness.Length} values but the proving key's circuit has {key.VariableCount} variables (different circuits?)");
        if (!witness[0].IsOne) throw new Groth16Exception($"witness value 0 (the constant wire) is {witness[0]}, not 1");
    }

    /// <summary>The proof with given blinding scalars r, s; no checks (tests and benchmarks).</summary>
    internal static ProofWithPublicSignals ProveUnchecked(ProvingKey key, ReadOnlySpan<Fr> witness, Fr r, Fr s)
    {
        Fr[] p = QapEvaluator.OddCosetQuotient(key, witness);
        G1Jacobian a = MultiExp.G1(key.A, witness);
        G1Jacobian b1 = MultiExp.G1(key.B1, witness);
        G2Jacobian b2 = MultiExp.G2(key.B2, witness);
        G1Jacobian c = MultiExp.G1(key.C, witness[(key.PublicCount + 1)..]);
        G1Jacobian h = MultiExp.G1(key.H, p);
        return Assemble(key, witness, a, b1, b2, c, h, r, s);
    }

    /// <summary>Adds the blinding terms to the five MSM results and normalises the proof.</summary>
    internal static ProofWithPublicSignals Assemble(ProvingKey key, ReadOnlySpan<Fr> witness, G1Jacobian a, G1Jacobian b1, G2Jacobian b2, G1Jacobian c, G1Jacobian h, Fr r, Fr s)
    {
        G1Jacobian delta1 = G1Jacobian.FromAffine(key.Delta1);
        G1Jacobian piA = a + key.Alpha1 + G1Jacobian.Multiply(delta1, r);
        G2Jacobian piB = b2 + key.Beta2 + G2Jacobian.Multiply(G2Jacobian.FromAffine(key.Delta2), s);
        G1Jacobian piB1 = b1 + key.Beta1 + G1Jacobian.Multiply(delta1, s);
        G1Jacobian piC = c + h + G1Jacobian.Multiply(piA, s) + G1Jacobian.Multiply(piB1, r) - G1Jacobian.Multiply(delta1, r * s);

        return new ProofWithPublicSignals(new Proof(piA.ToAffine(), piB.ToAffine(), piC.ToAffine()), witness[1..(key.PublicCount + 1)].ToArray());
    }
}
