using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// An element a0 + a1·u of Fp2 = Fp[u]/(u² + 1), the field of G2's coordinates.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct Fp2 : IField<Fp2>
{
    /// <summary>The real part a0.</summary>
    public readonly Fp A0;

    /// <summary>The imaginary part a1 (coefficient of u).</summary>
    public readonly Fp A1;

    /// <summary>Creates a0 + a1·u.</summary>
    public Fp2(in Fp a0, in Fp a1)
    {
        A0 = a0;
        A1 = a1;
    }

    /// <summary>Zero.</summary>
    public static Fp2 Zero => default;

    /// <summary>One.</summary>
    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>ξ = 9 + u, the non-residue defining Fp6 = Fp2[v]/(v³ − ξ) and the twist.</summary>
    public static Fp2 NonResidue => new(Fp.FromUInt64(9), Fp.One);

    /// <inheritdoc/>
    public bool IsZero => A0.IsZero && A1.IsZero;

    /// <inheritdoc/>
    public bool IsOne => A0.IsOne && A1.IsZero;

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Add(a.A0, b.A0, out Fp r0);
        Fp.Add(a.A1, b.A1, out Fp r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Sub(a.A0, b.A0, out Fp r0);
        Fp.Sub(a.A1, b.A1, out Fp r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp2 a, out Fp2 r)
    {
        Fp.Double(a.A0, out Fp r0);
        Fp.Double(a.A1, out Fp r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp2 a, out Fp2 r)
    {
        Fp.Neg(a.A0, out Fp r0);
        Fp.Neg(a.A1, out Fp r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>r = a·b = (a0·b0 − a1·b1) + (a0·b1 + a1·b0)·u (see <see cref="Fp2Ops.Mul"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fp2 a, in Fp2 b, out Fp2 r) => Fp2Ops.Mul(a, b, out r);

    /// <summary>r = a² = (a0 + a1)(a0 − a1) + 2·a0·a1·u: two Fp multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fp2 a, out Fp2 r) => Fp2Ops.Square(a, out r);

    /// <summary>r = a·s for s in Fp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFp(in Fp2 a, in Fp s, out Fp2 r)
    {
        Fp.Mul(a.A0, s, out Fp r0);
        Fp.Mul(a.A1, s, out Fp r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>r = a·ξ = (9a0 − a1) + (a0 + 9a1)·u, with additions only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByNonResidue(in Fp2 a, out Fp2 r)
    {
        r = new Fp2(TimesNine(a.A0) - a.A1, a.A0 + TimesNine(a.A1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp TimesNine(in Fp x)
    {
        Fp.Double(x, out Fp x2);
        Fp.Double(x2, out Fp x4);
        Fp.Double(x4, out Fp x8);
        Fp.Add(x8, x, out Fp x9);
        return x9;
    }

    /// <summary>r = a0 − a1·u: the conjugate, which is also the p-power Frobenius map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fp2 a, out Fp2 r)
    {
        Fp.Neg(a.A1, out Fp r1);
        r = new Fp2(a.A0, r1);
    }

    /// <summary>r = a⁻¹ = conj(a) / (a0² + a1²), zero for zero.</summary>
    public static void Inverse(in Fp2 a, out Fp2 r)
    {
        Fp.Square(a.A0, out Fp n0);
        Fp.Square(a.A1, out Fp n1);
        Fp.Add(n0, n1, out Fp norm);
        Fp.Inverse(norm, out Fp inv);
        Fp.Mul(a.A0, inv, out Fp r0);
        Fp.Mul(a.A1, inv, out Fp r1);
        Fp.Neg(r1, out r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>A uniformly random element.</summary>
    public static Fp2 Random(Random rng) => new(Fp.Random(rng), Fp.Random(rng));

    /// <summary>Sum.</summary>
    public static Fp2 operator +(in Fp2 a, in Fp2 b) { Add(a, b, out Fp2 r); return r; }

    /// <summary>Difference.</summary>
    public static Fp2 operator -(in Fp2 a, in Fp2 b) { Sub(a, b, out Fp2 r); return r; }

    /// <summary>Negation.</summary>
    public static Fp2 operator -(in Fp2 a) { Neg(a, out Fp2 r); return r; }

    /// <summary>Product.</summary>
    public static Fp2 operator *(in Fp2 a, in Fp2 b) { Mul(a, b, out Fp2 r); return r; }

    /// <summary>Equality.</summary>
    public static bool operator ==(in Fp2 a, in Fp2 b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(in Fp2 a, in Fp2 b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(Fp2 other) => A0.Equals(other.A0) && A1.Equals(other.A1);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Fp2 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(A0, A1);

    /// <summary>"a0 + a1*u" in decimal.</summary>
    public override string ToString() => $"{A0} + {A1}*u";
}
