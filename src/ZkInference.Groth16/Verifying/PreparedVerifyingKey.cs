using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// A verification key prepared for many verifications: e(α, β) precomputed in GT and the Miller-loop lines
/// of −γ and −δ precomputed. Immutable and thread-safe.
/// </summary>
public sealed class PreparedVerifyingKey
{
    /// <summary>Checks the key's points (on the curve, G2 points in G2) and precomputes.</summary>
    /// <exception cref="Groth16Exception">A key point is invalid or there are no IC points.</exception>
    public PreparedVerifyingKey(VerifyingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.IC is null || key.IC.Length == 0) throw new Groth16Exception("verification key: has no IC points");
        if (!key.Alpha1.IsOnCurve) throw new Groth16Exception("verification key: vk_alpha_1 is not on the curve");
        if (!key.Beta2.IsOnCurve || !key.Beta2.IsInSubgroup) throw new Groth16Exception("verification key: vk_beta_2 is not in G2");
        if (!key.Gamma2.IsOnCurve || !key.Gamma2.IsInSubgroup) throw new Groth16Exception("verification key: vk_gamma_2 is not in G2");
        if (!key.Delta2.IsOnCurve || !key.Delta2.IsInSubgroup) throw new Groth16Exception("verification key: vk_delta_2 is not in G2");
        for (int i = 0; i < key.IC.Length; i++)
            if (!key.IC[i].IsOnCurve) throw new Groth16Exception($"verification key: IC[{i}] is not on the curve");
        Key = key;
        AlphaBeta = Pairing.Pair(key.Alpha1, key.Beta2);
        NegGamma = new G2Prepared(key.Gamma2.Negate());
        NegDelta = new G2Prepared(key.Delta2.Negate());
    }

    /// <summary>The key this was prepared from.</summary>
    public VerifyingKey Key { get; }

    /// <summary>e(α, β).</summary>
    public Gt AlphaBeta { get; }

    /// <summary>−γ with precomputed lines.</summary>
    public G2Prepared NegGamma { get; }

    /// <summary>−δ with precomputed lines.</summary>
    public G2Prepared NegDelta { get; }

    /// <summary>Number of public signals.</summary>
    public int PublicCount => Key.PublicCount;
}
