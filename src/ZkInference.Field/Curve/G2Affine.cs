using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// A point of G2 on the D-type sextic twist y² = x³ + 3/(9 + u) over Fp2, in affine coordinates.
/// The point at infinity is (0, 0), so <c>default</c> is the identity. Unlike G1, the twist has a
/// large cofactor: being on the curve does not imply being in G2 (see the subgroup check).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G2Affine : IEquatable<G2Affine>
{
    /// <summary>The x coordinate.</summary>
    public readonly Fp2 X;

    /// <summary>The y coordinate.</summary>
    public readonly Fp2 Y;

    /// <summary>Creates a point from coordinates without checking that it is on the curve.</summary>
    public G2Affine(in Fp2 x, in Fp2 y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The identity.</summary>
    public static G2Affine Infinity => default;

    /// <summary>The generator used by EIP-197, snarkjs and every BN254 library.</summary>
    public static G2Affine Generator { get; } = new(
        new Fp2(
            Fp.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            Fp.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
        new Fp2(
            Fp.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            Fp.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

    /// <summary>The twist constant b' = 3/(9 + u).</summary>
    public static Fp2 B { get; } = new Fp2(Fp.FromUInt64(3), Fp.Zero) * InverseOf(Fp2.NonResidue);

    private static Fp2 InverseOf(in Fp2 a)
    {
        Fp2.Inverse(a, out Fp2 r);
        return r;
    }

    /// <summary>Whether this is the identity.</summary>
    public bool IsInfinity => X.IsZero && Y.IsZero;

    /// <summary>Whether the point satisfies the twist equation (the identity counts). Says nothing about the subgroup.</summary>
    public bool IsOnCurve => IsInfinity || Y * Y == X * X * X + B;

    /// <summary>−P.</summary>
    public G2Affine Negate() => IsInfinity ? this : new G2Affine(X, -Y);

    /// <inheritdoc/>
    public bool Equals(G2Affine other) => X == other.X && Y == other.Y;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is G2Affine other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(X, Y);

    /// <summary>Equality.</summary>
    public static bool operator ==(in G2Affine a, in G2Affine b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(in G2Affine a, in G2Affine b) => !a.Equals(b);

    /// <summary>"(x, y)" in decimal, or "infinity".</summary>
    public override string ToString() => IsInfinity ? "infinity" : $"({X}, {Y})";
}
