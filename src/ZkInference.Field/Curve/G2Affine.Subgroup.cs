using ZkInference.Field.Internal;

namespace ZkInference.Field;

public readonly partial struct G2Affine
{
    /// <summary>
    /// Whether the point is on the twist and in G2, the subgroup of prime order r. The twist's cofactor
    /// is large, so on-curve points outside G2 exist and must be rejected from untrusted input. Uses the
    /// fast ψ-endomorphism criterion (see <c>G2Endomorphism.IsInSubgroup</c>), not a multiplication by r.
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (!IsOnCurve) return false;
            JacobianPoint<Fp2>.FromAffine(X, Y, out JacobianPoint<Fp2> p);
            return G2Endomorphism.IsInSubgroup(p);
        }
    }
}
