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

    /// <summary>
    /// inG2[i] = points[i].<see cref="IsInSubgroup"/> for every i: the same test, run eight points at a time
    /// on AVX-512 (a batch verifier checks every proof's π_B this way).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="inG2"/> is shorter than <paramref name="points"/>.</exception>
    public static void AreInSubgroup(ReadOnlySpan<G2Affine> points, Span<bool> inG2)
    {
        if (inG2.Length < points.Length) throw new ArgumentException("The result span is shorter than the point span.", nameof(inG2));
        G2SubgroupColumns.Check(points, inG2);
    }
}
