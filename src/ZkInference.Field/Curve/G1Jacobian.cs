using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// A point of G1 in Jacobian coordinates (X : Y : Z), x = X/Z², y = Y/Z³: additions without inversions.
/// Z = 0 is the identity, so <c>default</c> is the identity. Equality is projective (same affine point).
/// </summary>
/// <remarks>The static methods with <c>in</c>/<c>out</c> parameters are the allocation-free core; the output may alias an input.</remarks>
[StructLayout(LayoutKind.Sequential)]
[SkipLocalsInit]
public readonly partial struct G1Jacobian : IEquatable<G1Jacobian>
{
    /// <summary>The X coordinate.</summary>
    public readonly Fp X;

    /// <summary>The Y coordinate.</summary>
    public readonly Fp Y;

    /// <summary>The Z coordinate (zero for the identity).</summary>
    public readonly Fp Z;

    /// <summary>Creates (X : Y : Z) without checking that it is on the curve.</summary>
    public G1Jacobian(in Fp x, in Fp y, in Fp z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The identity (1 : 1 : 0).</summary>
    public static G1Jacobian Infinity => new(Fp.One, Fp.One, Fp.Zero);

    /// <summary>The generator (1 : 2 : 1).</summary>
    public static G1Jacobian Generator => FromAffine(G1Affine.Generator);

    /// <summary>Whether this is the identity.</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>Whether the point satisfies Y² = X³ + 3Z⁶ (the identity counts).</summary>
    public bool IsOnCurve => JacobianPoint<Fp>.IsOnCurve(Core(this), G1Affine.B);

    /// <summary>Lifts an affine point (Z = 1; the affine identity maps to the identity).</summary>
    public static G1Jacobian FromAffine(in G1Affine p)
    {
        JacobianPoint<Fp>.FromAffine(p.X, p.Y, out JacobianPoint<Fp> r);
        return FromCore(r);
    }

    /// <summary>
    /// The butterflies of a group FFT: (a[i], b[i]) ← (a[i] + b[i], a[i] − b[i]) for every i, eight pairs at a
    /// time in AVX-512 lanes where available (a sum and a difference share most of their products), one by one
    /// otherwise; every special case (identities, a[i] = ±b[i]) gives the exact result.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void AddSubtractMany(Span<G1Jacobian> a, Span<G1Jacobian> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"{a.Length} and {b.Length} points: the lengths must match");
        PointButterflies.G1(a, b);
    }

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in G1Jacobian a, in G1Jacobian b, out G1Jacobian r)
    {
        Unsafe.SkipInit(out r);
        JacobianPoint<Fp>.Add(Core(a), Core(b), out CoreOut(ref r));
    }

    /// <summary>r = a + b for an affine b (mixed addition, cheaper than <see cref="Add(in G1Jacobian, in G1Jacobian, out G1Jacobian)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddMixed(in G1Jacobian a, in G1Affine b, out G1Jacobian r)
    {
        Unsafe.SkipInit(out r);
        JacobianPoint<Fp>.AddMixed(Core(a), b.X, b.Y, out CoreOut(ref r));
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in G1Jacobian a, out G1Jacobian r)
    {
        Unsafe.SkipInit(out r);
        JacobianPoint<Fp>.Double(Core(a), out CoreOut(ref r));
    }

    /// <summary>r = −a.</summary>
    public static void Negate(in G1Jacobian a, out G1Jacobian r)
    {
        Fp.Neg(a.Y, out Fp y);
        r = new G1Jacobian(a.X, y, a.Z);
    }

    /// <summary>The affine form (one inversion); the identity maps to (0, 0).</summary>
    public G1Affine ToAffine()
    {
        JacobianPoint<Fp>.ToAffine(Core(this), out Fp x, out Fp y);
        return new G1Affine(x, y);
    }

    /// <summary>Converts many points to affine with a single shared inversion.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="points"/>.</exception>
    public static void BatchToAffine(ReadOnlySpan<G1Jacobian> points, Span<G1Affine> destination)
    {
        if (destination.Length < points.Length) throw new ArgumentException("destination is shorter than points", nameof(destination));
        int n = points.Length;
        Fp[] zs = System.Buffers.ArrayPool<Fp>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++) zs[i] = points[i].Z;
            Fp.BatchInverse(zs.AsSpan(0, n), zs.AsSpan(0, n));
            for (int i = 0; i < n; i++)
            {
                if (points[i].IsInfinity) { destination[i] = G1Affine.Infinity; continue; }
                JacobianPoint<Fp>.FromInverseZ(Core(points[i]), zs[i], out Fp x, out Fp y);
                destination[i] = new G1Affine(x, y);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<Fp>.Shared.Return(zs);
        }
    }

    /// <summary>Sum.</summary>
    public static G1Jacobian operator +(in G1Jacobian a, in G1Jacobian b) { Add(a, b, out G1Jacobian r); return r; }

    /// <summary>Sum with an affine point.</summary>
    public static G1Jacobian operator +(in G1Jacobian a, in G1Affine b) { AddMixed(a, b, out G1Jacobian r); return r; }

    /// <summary>Difference.</summary>
    public static G1Jacobian operator -(in G1Jacobian a, in G1Jacobian b) { Negate(b, out G1Jacobian nb); Add(a, nb, out G1Jacobian r); return r; }

    /// <summary>Negation.</summary>
    public static G1Jacobian operator -(in G1Jacobian a) { Negate(a, out G1Jacobian r); return r; }

    /// <summary>Scalar multiplication k·P.</summary>
    public static G1Jacobian operator *(in Fr k, in G1Jacobian p) => Multiply(p, k);

    /// <summary>Scalar multiplication P·k.</summary>
    public static G1Jacobian operator *(in G1Jacobian p, in Fr k) => Multiply(p, k);

    /// <summary>Projective equality.</summary>
    public static bool operator ==(in G1Jacobian a, in G1Jacobian b) => a.Equals(b);

    /// <summary>Projective inequality.</summary>
    public static bool operator !=(in G1Jacobian a, in G1Jacobian b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(G1Jacobian other) => JacobianPoint<Fp>.AreEqual(Core(this), Core(other));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is G1Jacobian other && Equals(other);

    /// <summary>A hash of the affine form, consistent with projective equality.</summary>
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>The affine form in decimal, or "infinity".</summary>
    public override string ToString() => ToAffine().ToString();

    internal static ref readonly JacobianPoint<Fp> Core(in G1Jacobian p) =>
        ref Unsafe.As<G1Jacobian, JacobianPoint<Fp>>(ref Unsafe.AsRef(in p));

    internal static ref JacobianPoint<Fp> CoreOut(ref G1Jacobian p) => ref Unsafe.As<G1Jacobian, JacobianPoint<Fp>>(ref p);

    internal static G1Jacobian FromCore(in JacobianPoint<Fp> p) => new(p.X, p.Y, p.Z);
}
