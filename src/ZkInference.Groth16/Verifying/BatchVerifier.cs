using System.Security.Cryptography;
using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>The verdict on a batch: valid, or the indices of the proofs that fail on their own.</summary>
/// <param name="IsValid">Whether every proof is valid.</param>
/// <param name="InvalidIndices">Indices of the invalid proofs (empty when valid).</param>
/// <param name="Results">Per-proof results when the batch failed (null when it passed).</param>
public sealed record BatchVerificationResult(bool IsValid, int[] InvalidIndices, VerificationResult[]? Results);

/// <summary>
/// Verifies many proofs under one key with a random linear combination. With random 128-bit weights ρᵢ it
/// checks ∏ e(ρᵢ·π_Aᵢ, π_Bᵢ) · e(Σ ρᵢ·accᵢ, −γ) · e(Σ ρᵢ·π_Cᵢ, −δ) = e(α, β)^(Σ ρᵢ), where accᵢ = IC₀ + Σⱼ xᵢⱼ·ICⱼ:
/// N + 2 Miller loops and one final exponentiation. A false batch is accepted with probability ≤ 2⁻¹²⁸.
/// When it fails, every proof is verified on its own to name the bad ones.
/// </summary>
public static class BatchVerifier
{
    /// <summary>Verifies the batch; inputs are checked (counts, ranges, points) per proof first.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static BatchVerificationResult Verify(PreparedVerifyingKey key, IReadOnlyList<Fr[]> publicSignals, IReadOnlyList<Proof> proofs)
    {
        if (publicSignals.Count != proofs.Count) throw new ArgumentException($"{publicSignals.Count} public signal lists but {proofs.Count} proofs", nameof(proofs));
        int n = proofs.Count;
        if (n == 0) return new BatchVerificationResult(true, [], null);
        // The same checks as Verifier.CheckPoints, with every π_B tested for G2 in one call (eight at a time on AVX-512).
        bool shapesOk = true;
        for (int i = 0; i < n && shapesOk; i++)
            shapesOk = publicSignals[i].Length == key.PublicCount && proofs[i].A.IsOnCurve && proofs[i].C.IsOnCurve;
        var bs = new G2Affine[n];
        for (int i = 0; i < n; i++) bs[i] = proofs[i].B;
        if (shapesOk)
        {
            var inG2 = new bool[n];
            G2Affine.AreInSubgroup(bs, inG2);
            shapesOk = Array.TrueForAll(inG2, ok => ok);
        }
        if (shapesOk && CombinedCheck(key, publicSignals, proofs, bs)) return new BatchVerificationResult(true, [], null);
        return Locate(key, publicSignals, proofs);
    }

    private static bool CombinedCheck(PreparedVerifyingKey key, IReadOnlyList<Fr[]> publicSignals, IReadOnlyList<Proof> proofs, G2Affine[] bs)
    {
        int n = proofs.Count, m = key.PublicCount;
        var rho = new Fr[n];
        Span<byte> bytes = stackalloc byte[16];
        for (int i = 0; i < n; i++)
        {
            RandomNumberGenerator.Fill(bytes);
            rho[i] = Fr.FromBigInteger(new System.Numerics.BigInteger(bytes, isUnsigned: true)) + Fr.One;
        }
        // Σ ρᵢ·accᵢ = (Σ ρᵢ)·IC₀ + Σⱼ (Σᵢ ρᵢ·xᵢⱼ)·ICⱼ.
        var icScalars = new Fr[m + 1];
        for (int i = 0; i < n; i++)
        {
            icScalars[0] += rho[i];
            Fr[] x = publicSignals[i];
            for (int j = 0; j < m; j++) icScalars[j + 1] += rho[i] * x[j];
        }
        G1Affine acc = MultiExp.G1(key.Key.IC, icScalars).ToAffine();
        var cs = new G1Affine[n];
        var a = new G1Jacobian[n];
        for (int i = 0; i < n; i++)
        {
            cs[i] = proofs[i].C;
            a[i] = G1Jacobian.FromAffine(proofs[i].A);
        }
        G1Jacobian.MultiplyMany(a, rho, a); // ρᵢ·π_Aᵢ, eight at a time in vector lanes
        G1Affine c = MultiExp.G1(cs, rho).ToAffine();
        var aAffine = new G1Affine[n];
        G1Jacobian.BatchToAffine(a, aAffine);
        MillerLoopResult f = Pairing.MillerLoop(aAffine, bs, [acc, c], [key.NegGamma, key.NegDelta]);
        Gt.Pow(key.AlphaBeta, icScalars[0], out Gt rhs);
        return Pairing.FinalExponentiation(f) == rhs;
    }

    private static BatchVerificationResult Locate(PreparedVerifyingKey key, IReadOnlyList<Fr[]> publicSignals, IReadOnlyList<Proof> proofs)
    {
        var results = new VerificationResult[proofs.Count];
        Parallel.For(0, proofs.Count, Parallelism.Cores, i => results[i] = Verifier.Verify(key, publicSignals[i], proofs[i]));
        int[] bad = Enumerable.Range(0, results.Length).Where(i => !results[i].IsValid).ToArray();
        return new BatchVerificationResult(bad.Length == 0, bad, results);
    }
}
