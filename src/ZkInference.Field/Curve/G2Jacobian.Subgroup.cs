using ZkInference.Field.Internal;

namespace ZkInference.Field;

public readonly partial struct G2Jacobian
{
    /// <summary>Whether the point is on the twist and in G2 (see <see cref="G2Affine.IsInSubgroup"/>).</summary>
    public bool IsInSubgroup => IsOnCurve && G2Endomorphism.IsInSubgroup(Core(this));
}
