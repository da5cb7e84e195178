using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// Groth16 verification with snarkjs's semantics: the public signal count must match, every signal must be
/// below r, the proof points must be on the curve and in their subgroups, and then
/// e(π_A, π_B) · e(Σ xᵢ·ICᵢ, −γ) · e(π_C, −δ) = e(α, β) (one three-pair Miller loop, one final exponentiation).
/// </summary>
public static class Verifier
{
    /// <summary>Verifies a proof against field-element public signals.</summary>
    public static VerificationResult Verify(PreparedVerifyingKey key, ReadOnlySpan<Fr> publicSignals, in Proof proof)
    {
        if (publicSignals.Length != key.PublicCount)
            return VerificationResult.Fail(VerificationFailure.PublicInputCount, $"Invalid proof: {publicSignals.Length} public signals, but the verification key expects {key.PublicCount}");
        VerificationResult? points = CheckPoints(proof);
        if (points is not null) return points;
        G1Affine acc = PublicInputCombination(key.Key.IC, publicSignals);
        ReadOnlySpan<G1Affine> g1 = [proof.A];
        ReadOnlySpan<G2Affine> g2 = [proof.B];
        MillerLoopResult f = Pairing.MillerLoop(g1, g2, [acc, proof.C], [key.NegGamma, key.NegDelta]);
        return Pairing.FinalExponentiation(f) == key.AlphaBeta
            ? VerificationResult.Valid
            : VerificationResult.Fail(VerificationFailure.PairingCheckFailed, "Invalid proof");
    }

    /// <summary>
    /// Verifies a proof against public signals given as decimal strings (as in public.json): a value that is
    /// not a plain decimal number or is ≥ r is rejected (snarkjs: "Public inputs are not valid."), never reduced.
    /// </summary>
    public static VerificationResult Verify(PreparedVerifyingKey key, IReadOnlyList<string> publicSignals, in Proof proof)
    {
        if (publicSignals.Count != key.PublicCount)
            return VerificationResult.Fail(VerificationFailure.PublicInputCount, $"Invalid proof: {publicSignals.Count} public signals, but the verification key expects {key.PublicCount}");
        var values = new Fr[publicSignals.Count];
        for (int i = 0; i < values.Length; i++)
            if (!TryParseSignal(publicSignals[i], out values[i]))
                return VerificationResult.Fail(VerificationFailure.PublicInputOutOfRange, $"Public inputs are not valid: public signal {i} is not a decimal number below r");
        return Verify(key, values, proof);
    }

    /// <summary>Verifies with an unprepared key (prepares it each call; prefer <see cref="PreparedVerifyingKey"/>).</summary>
    public static VerificationResult Verify(VerifyingKey key, ReadOnlySpan<Fr> publicSignals, in Proof proof) =>
        Verify(new PreparedVerifyingKey(key), publicSignals, proof);

    /// <summary>Parses a canonical decimal field element: digits only, value below r.</summary>
    public static bool TryParseSignal(string? text, out Fr value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        foreach (char ch in text) if (ch is < '0' or > '9') return false;
        BigInteger v = BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return Fr.TryFromBigInteger(v, out value);
    }

    /// <summary>Null when the proof points are valid, else the failure naming the bad point.</summary>
    internal static VerificationResult? CheckPoints(in Proof proof)
    {
        string? bad = !proof.A.IsOnCurve ? "pi_a is not on the curve"
            : !proof.B.IsOnCurve ? "pi_b is not on the twist"
            : !proof.B.IsInSubgroup ? "pi_b is not in G2"
            : !proof.C.IsOnCurve ? "pi_c is not on the curve"
            : null;
        return bad is null ? null : VerificationResult.Fail(VerificationFailure.InvalidProofPoint, $"Proof commitments are not valid: {bad}");
    }

    /// <summary>IC₀ + Σ xᵢ·ICᵢ.</summary>
    internal static G1Affine PublicInputCombination(G1Affine[] ic, ReadOnlySpan<Fr> x)
    {
        G1Jacobian acc;
        if (x.Length > 16) acc = MultiExp.G1(ic.AsSpan(1), x, new MsmOptions { MaxDegreeOfParallelism = 1 });
        else
        {
            acc = G1Jacobian.Infinity;
            for (int i = 0; i < x.Length; i++)
                if (!x[i].IsZero) acc += G1Jacobian.Multiply(G1Jacobian.FromAffine(ic[i + 1]), x[i]);
        }
        acc += ic[0];
        return acc.ToAffine();
    }
}
