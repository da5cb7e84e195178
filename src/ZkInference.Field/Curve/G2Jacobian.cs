using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// A point of G2 (on the twist) in Jacobian coordinates (X : Y : Z), x = X/Z², y = Y/Z³: additions without inversions.
/// Z = 0 is the identity, so <c>default</c> is the identity. Equality is projective (same affine point).
/// </summary>
/// <remarks>The static methods with <c>in</c>/<c>out</c> parameters are the allocation-free core; the output may alias an input.</remarks>
[StructLayout(LayoutKind.Sequential)]
[SkipLocalsInit]
public readonly partial struct G2Jacobian : IEquatable<G2Jacobian>
{
    /// <summary>The X coordinate.</summary>
    public readonly Fp2 X;

    /// <summary>The Y coordinate.</summary>
    public readonly Fp2 Y;

    /// <summary>The Z coordinate (zero for the identity).</summary>
    public readonly Fp2 Z;

    /// <summary>Creates (X : Y : Z) without checking that it is on the curve.</summary>
    public G2Jacobian(in Fp2 x, in Fp2 y, in Fp2 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The identity (1 : 1 : 0).</summary>
    public static G2Jacobian Infinity => new(Fp2.One, Fp2.One, Fp2.Zero);

    /// <summary>The generator of G2.</summary>
    public static G2Jacobian Generator => FromAffine(G2Affine.Generator);

    /// <summary>Whether this is the identity.</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>Whether the point satisfies Y² = X³ + b′Z⁶ (the identity counts).</summary>
    public bool IsOnCurve => JacobianPoint<Fp2>.IsOnCurve(Core(this), G2Affine.B);

    /// <summary>Lifts an affine point (Z = 1; the affine identity maps to the identity).</summary>
    public static G2Jacobian FromAffine(in G2Affine p)
    {
        JacobianPoint<Fp2>.FromAffine(p.X, p.Y, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }

    /// <summary>
    /// The butterflies of a group FFT: (a[i], b[i]) ← (a[i] + b[i], a[i] − b[i]) for every i, eight pairs at a
    /// time in AVX-512 lanes where available (a sum and a difference share most of their products), one by one
    /// otherwise; every special case (identities, a[i] = ±b[i]) gives the exact result.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void AddSubtractMany(Span<G2Jacobian> a, Span<G2Jacobian> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"{a.Length} and {b.Length} points: the lengths must match");
        PointButterflies.G2(a, b);
    }

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in G2Jacobian a, in G2Jacobian b, out G2Jacobian r)
    {
        Unsafe.SkipInit(out r);
        JacobianPoint<Fp2>.Add(Core(a), Core(b), out CoreOut(ref r));
    }

    /// <summary>r = a + b for an affine b (mixed addition, cheaper than <see cref="Add(in G2Jacobian, in G2Jacobian, out G2Jacobian)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddMixed(in G2Jacobian a, in G2Affine b, out G2Jacobian r)
    {
        Unsafe.SkipInit(out r);
        JacobianPoint<Fp2>.AddMixed(Core(a), b.X, b.Y, out CoreOut(ref r));
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in G2Jacobian a, out G2Jacobian r)
    {
        Unsafe.SkipInit(out r);
        JacobianPoint<Fp2>.Double(Core(a), out CoreOut(ref r));
    }

    /// <summary>r = −a.</summary>
    public static void Negate(in G2Jacobian a, out G2Jacobian r)
    {
        Fp2.Neg(a.Y, out Fp2 y);
        r = new G2Jacobian(a.X, y, a.Z);
    }

    /// <summary>The affine form (one inversion); the identity maps to (0, 0).</summary>
    public G2Affine ToAffine()
    {
        JacobianPoint<Fp2>.ToAffine(Core(this), out Fp2 x, out Fp2 y);
        return new G2Affine(x, y);
    }

    /// <summary>Converts many points to affine with a single shared inversion.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="points"/>.</exception>
    public static void BatchToAffine(ReadOnlySpan<G2Jacobian> points, Span<G2Affine> destination)
    {
        if (destination.Length < points.Length) throw new ArgumentException("destination is shorter than points", nameof(destination));
        int n = points.Length;
        Fp2[] zs = System.Buffers.ArrayPool<Fp2>.Shared.Rent(2 * n);
        try
        {
            for (int i = 0; i < n; i++) zs[i] = points[i].Z;
            BatchInversion.InvertInPlace(zs.AsSpan(0, n), zs.AsSpan(n, n));
            for (int i = 0; i < n; i++)
            {
                if (points[i].IsInfinity) { destination[i] = G2Affine.Infinity; continue; }
                JacobianPoint<Fp2>.FromInverseZ(Core(points[i]), zs[i], out Fp2 x, out Fp2 y);
                destination[i] = new G2Affine(x, y);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<Fp2>.Shared.Return(zs);
        }
    }

    /// <summary>Sum.</summary>
    public static G2Jacobian operator +(in G2Jacobian a, in G2Jacobian b) { Add(a, b, out G2Jacobian r); return r; }

    /// <summary>Sum with an affine point.</summary>
    public static G2Jacobian operator +(in G2Jacobian a, in G2Affine b) { AddMixed(a, b, out G2Jacobian r); return r; }

    /// <summary>Difference.</summary>
    public static G2Jacobian operator -(in G2Jacobian a, in G2Jacobian b) { Negate(b, out G2Jacobian nb); Add(a, nb, out G2Jacobian r); return r; }

    /// <summary>Negation.</summary>
    public static G2Jacobian operator -(in G2Jacobian a) { Negate(a, out G2Jacobian r); return r; }

    /// <summary>Scalar multiplication k·P.</summary>
    public static G2Jacobian operator *(in Fr k, in G2Jacobian p) => Multiply(p, k);

    /// <summary>Scalar multiplication P·k.</summary>
    public static G2Jacobian operator *(in G2Jacobian p, in Fr k) => Multiply(p, k);

    /// <summary>Projective equality.</summary>
    public static bool operator ==(in G2Jacobian a, in G2Jacobian b) => a.Equals(b);

    /// <summary>Projective inequality.</summary>
    public static bool operator !=(in G2Jacobian a, in G2Jacobian b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(G2Jacobian other) => JacobianPoint<Fp2>.AreEqual(Core(this), Core(other));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is G2Jacobian other && Equals(other);

    /// <summary>A hash of the affine form, consistent with projective equality.</summary>
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>The affine form in decimal, or "infinity".</summary>
    public override string ToString() => ToAffine().ToString();

    internal static ref readonly JacobianPoint<Fp2> Core(in G2Jacobian p) =>
        ref Unsafe.As<G2Jacobian, JacobianPoint<Fp2>>(ref Unsafe.AsRef(in p));

    internal static ref JacobianPoint<Fp2> CoreOut(ref G2Jacobian p) => ref Unsafe.As<G2Jacobian, JacobianPoint<Fp2>>(ref p);

    internal static G2Jacobian FromCore(in JacobianPoint<Fp2> p) => new(p.X, p.Y, p.Z);
}
