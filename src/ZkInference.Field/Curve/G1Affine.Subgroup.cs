namespace ZkInference.Field;

public readonly partial struct G1Affine
{
    /// <summary>
    /// Whether the point is in G1. The curve y² = x³ + 3 over Fp has prime order r (cofactor 1), so
    /// this is exactly <see cref="IsOnCurve"/>: no further test exists or is needed.
    /// </summary>
    public bool IsInSubgroup => IsOnCurve;
}
