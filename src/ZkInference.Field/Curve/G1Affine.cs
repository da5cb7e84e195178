using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// A point of G1: y² = x³ + 3 over Fp, in affine coordinates. The point at infinity is (0, 0),
/// which is not on the curve, so <c>default</c> is the identity (as in the EVM encoding).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G1Affine : IEquatable<G1Affine>
{
    /// <summary>The x coordinate.</summary>
    public readonly Fp X;

    /// <summary>The y coordinate.</summary>
    public readonly Fp Y;

    /// <summary>Creates a point from coordinates without checking that it is on the curve.</summary>
    public G1Affine(in Fp x, in Fp y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The identity.</summary>
    public static G1Affine Infinity => default;

    /// <summary>The generator (1, 2).</summary>
    public static G1Affine Generator => new(Fp.One, Fp.FromUInt64(2));

    /// <summary>The curve constant b = 3.</summary>
    public static Fp B => Fp.FromUInt64(3);

    /// <summary>Whether this is the identity.</summary>
    public bool IsInfinity => X.IsZero && Y.IsZero;

    /// <summary>Whether the point satisfies the curve equation (the identity counts). Every such point is in G1 (cofactor 1).</summary>
    public bool IsOnCurve => IsInfinity || Y * Y == X * X * X + B;

    /// <summary>−P.</summary>
    public G1Affine Negate() => IsInfinity ? this : new G1Affine(X, -Y);

    /// <inheritdoc/>
    public bool Equals(G1Affine other) => X == other.X && Y == other.Y;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is G1Affine other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(X, Y);

    /// <summary>Equality.</summary>
    public static bool operator ==(in G1Affine a, in G1Affine b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(in G1Affine a, in G1Affine b) => !a.Equals(b);

    /// <summary>"(x, y)" in decimal, or "infinity".</summary>
    public override string ToString() => IsInfinity ? "infinity" : $"({X}, {Y})";
}
