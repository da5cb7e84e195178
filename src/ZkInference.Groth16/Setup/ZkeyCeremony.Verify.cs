using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;
using ZkInference.Groth16.Ptau;

namespace ZkInference.Groth16.Setup;

public static partial class ZkeyCeremony
{
    /// <summary>
    /// snarkjs's <c>zkey verify</c>: recomputes the initial key from the circuit and the prepared ptau,
    /// checks that everything phase 2 must not change is unchanged, checks each contribution's proof of
    /// knowledge and δ chain (beacons recomputed), and that C and H equal the initial ones divided by δ
    /// (random linear combinations and one pairing check each). Returns the contributions.
    /// </summary>
    /// <exception cref="Groth16Exception">A file is malformed or the key does not verify; the message says what failed.</exception>
    public static IReadOnlyList<ZkeyContribution> Verify(string r1csPath, string ptauPath, string zkeyPath)
    {
        ConstraintSystem cs;
        try { cs = R1csFile.Read(r1csPath); }
        catch (CircuitException e) { throw new Groth16Exception(e.Message, e); }
        ProvingKey init;
        byte[] circuitHash;
        using (PtauFile ptau = PtauFile.Open(ptauPath)) init = ZkeySetup.NewKey(cs, ptau, out circuitHash);
        ProvingKey key = ZkeyFile.Read(zkeyPath);
        void Fail(string m) => throw new Groth16Exception($"{zkeyPath}: {m}");
        if (key.VariableCount != init.VariableCount || key.PublicCount != init.PublicCount || key.DomainSize != init.DomainSize)
            Fail("its sizes (variables, public signals, domain) do not match the circuit");
        if (key.Alpha1 != init.Alpha1 || key.Beta1 != init.Beta1 || key.Beta2 != init.Beta2 || key.Gamma2 != init.Gamma2)
            Fail("alpha, beta or gamma do not match the powers of tau");
        if (!key.IC.AsSpan().SequenceEqual(init.IC)) Fail("the IC points do not match the circuit");
        if (!key.Coefficients.AsSpan().SequenceEqual(init.Coefficients)) Fail("the coefficients do not match the circuit");
        if (!key.A.AsSpan().SequenceEqual(init.A)) Fail("the A points do not match the circuit");
        if (!key.B1.AsSpan().SequenceEqual(init.B1)) Fail("the B1 points do not match the circuit");
        if (!key.B2.AsSpan().SequenceEqual(init.B2)) Fail("the B2 points do not match the circuit");
        if (key.C.Length != init.C.Length || key.H.Length != init.H.Length) Fail("the C or H sections have the wrong size");
        if (key.Contributions is null) throw new Groth16Exception($"{zkeyPath}: has no contributions section");
        ZkeyTranscript t = ZkeyTranscript.Parse(key.Contributions, zkeyPath);
        if (!t.CircuitHash.AsSpan().SequenceEqual(circuitHash)) Fail("its circuit hash does not match the circuit and powers of tau");

        G1Affine delta = G1Affine.Generator;
        for (int i = 0; i < t.Contributions.Count; i++)
        {
            ZkeyContribution c = t.Contributions[i];
            string who = $"contribution #{i + 1}{(c.Name is null ? "" : $" ({c.Name})")}";
            if (c.Type == 1)
            {
                var prefix = new ZkeyTranscript { CircuitHash = t.CircuitHash, Contributions = t.Contributions.GetRange(0, i) };
                ZkeyContribution expected = NewContribution(prefix, SnarkjsRandom.FromBeacon(c.BeaconHash!, c.NumIterationsExp), c.Name, 1, c.BeaconHash, c.NumIterationsExp, out _);
                if (expected.G1S != c.G1S || expected.G1SX != c.G1SX || expected.G2SPX != c.G2SPX || expected.DeltaAfter != c.DeltaAfter)
                    Fail($"{who}: the beacon key is not the one the beacon parameters generate");
            }
            byte[] transcript = t.NextTranscript(c.G1S, c.G1SX, i);
            if (!transcript.AsSpan().SequenceEqual(c.Transcript)) Fail($"{who}: its transcript hash is wrong");
            G2Affine g2sp = SnarkjsRandom.HashToG2(transcript);
            if (!PowersOfTau.SameRatio(c.G1S, c.G1SX, g2sp, c.G2SPX)) Fail($"{who}: invalid proof of knowledge of its secret");
            if (!PowersOfTau.SameRatio(delta, c.DeltaAfter, g2sp, c.G2SPX)) Fail($"{who}: delta does not follow the previous contribution");
            delta = c.DeltaAfter;
        }
        if (key.Delta1 != delta) Fail("delta1 does not match the last contribution");
        if (!PowersOfTau.SameRatio(G1Affine.Generator, key.Delta1, G2Affine.Generator, key.Delta2)) Fail("delta1 and delta2 differ");
        if (!ScaledByDelta(init.C, key.C, key.Delta2)) Fail("the C points are not the circuit's divided by delta");
        if (!ScaledByDelta(init.H, key.H, key.Delta2)) Fail("the H points are not the circuit's divided by delta");
        return t.Contributions;
    }

    // e(Σ rᵢ·finalᵢ, δ₂) = e(Σ rᵢ·initialᵢ, G2) with random rᵢ.
    private static bool ScaledByDelta(G1Affine[] initial, G1Affine[] final, in G2Affine delta2)
    {
        if (initial.Length == 0) return true;
        var r = new Fr[initial.Length];
        for (int i = 0; i < r.Length; i++) r[i] = Fr.RandomSecure();
        G1Affine a = MultiExp.G1(final, r).ToAffine(), b = MultiExp.G1(initial, r).ToAffine();
        return Pairing.PairingCheck([a, b.Negate()], [delta2, G2Affine.Generator]);
    }
}
