using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// An element c0 + c1·v + c2·v² of Fp6 = Fp2[v]/(v³ − ξ), ξ = 9 + u. The middle floor of the tower;
/// the static core is allocation-free and its outputs may alias its inputs.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
[SkipLocalsInit]
internal readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 C0, C1, C2;

    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static Fp6 Zero => default;

    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2Ops.Add(a.C0, b.C0, out Fp2 c0);
        Fp2Ops.Add(a.C1, b.C1, out Fp2 c1);
        Fp2Ops.Add(a.C2, b.C2, out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2Ops.Sub(a.C0, b.C0, out Fp2 c0);
        Fp2Ops.Sub(a.C1, b.C1, out Fp2 c1);
        Fp2Ops.Sub(a.C2, b.C2, out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp6 a, out Fp6 r)
    {
        Fp2Ops.Double(a.C0, out Fp2 c0);
        Fp2Ops.Double(a.C1, out Fp2 c1);
        Fp2Ops.Double(a.C2, out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp6 a, out Fp6 r)
    {
        Fp2Ops.Neg(a.C0, out Fp2 c0);
        Fp2Ops.Neg(a.C1, out Fp2 c1);
        Fp2Ops.Neg(a.C2, out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>r = a·v = ξ·a2 + a0·v + a1·v²: a rotation and one multiplication by ξ (additions only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByNonResidue(in Fp6 a, out Fp6 r)
    {
        Fp2Ops.MulByNonResidue(a.C2, out Fp2 c0);
        r = new Fp6(c0, a.C0, a.C1);
    }

    /// <summary>r = a·b with Karatsuba interpolation: six Fp2 multiplications.</summary>
    public static void Mul(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2Ops.Mul(a.C0, b.C0, out Fp2 v0);
        Fp2Ops.Mul(a.C1, b.C1, out Fp2 v1);
        Fp2Ops.Mul(a.C2, b.C2, out Fp2 v2);

        // c0 = v0 + ξ·((a1 + a2)(b1 + b2) − v1 − v2)
        Fp2Ops.Add(a.C1, a.C2, out Fp2 s);
        Fp2Ops.Add(b.C1, b.C2, out Fp2 t);
        Fp2Ops.Mul(s, t, out Fp2 c0);
        Fp2Ops.Sub(c0, v1, out c0);
        Fp2Ops.Sub(c0, v2, out c0);
        Fp2Ops.MulByNonResidue(c0, out c0);
        Fp2Ops.Add(c0, v0, out c0);

        // c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξ·v2
        Fp2Ops.Add(a.C0, a.C1, out s);
        Fp2Ops.Add(b.C0, b.C1, out t);
        Fp2Ops.Mul(s, t, out Fp2 c1);
        Fp2Ops.Sub(c1, v0, out c1);
        Fp2Ops.Sub(c1, v1, out c1);
        Fp2Ops.MulByNonResidue(v2, out Fp2 xv2);
        Fp2Ops.Add(c1, xv2, out c1);

        // c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1
        Fp2Ops.Add(a.C0, a.C2, out s);
        Fp2Ops.Add(b.C0, b.C2, out t);
        Fp2Ops.Mul(s, t, out Fp2 c2);
        Fp2Ops.Sub(c2, v0, out c2);
        Fp2Ops.Sub(c2, v2, out c2);
        Fp2Ops.Add(c2, v1, out c2);

        r = new Fp6(c0, c1, c2);
    }

    /// <summary>r = a² by Chung–Hasan SQR2: two Fp2 multiplications and three squarings.</summary>
    public static void Square(in Fp6 a, out Fp6 r)
    {
        Fp2Ops.Square(a.C0, out Fp2 s0);
        Fp2Ops.Mul(a.C0, a.C1, out Fp2 s1);
        Fp2Ops.Double(s1, out s1);
        Fp2Ops.Sub(a.C0, a.C1, out Fp2 s2);
        Fp2Ops.Add(s2, a.C2, out s2);
        Fp2Ops.Square(s2, out s2);
        Fp2Ops.Mul(a.C1, a.C2, out Fp2 s3);
        Fp2Ops.Double(s3, out s3);
        Fp2Ops.Square(a.C2, out Fp2 s4);

        Fp2Ops.MulByNonResidue(s3, out Fp2 c0);
        Fp2Ops.Add(c0, s0, out c0);
        Fp2Ops.MulByNonResidue(s4, out Fp2 c1);
        Fp2Ops.Add(c1, s1, out c1);
        // c2 = s1 + s2 + s3 − s0 − s4
        Fp2Ops.Add(s1, s2, out Fp2 c2);
        Fp2Ops.Add(c2, s3, out c2);
        Fp2Ops.Sub(c2, s0, out c2);
        Fp2Ops.Sub(c2, s4, out c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>r = a·(b0 + b1·v), the sparse shape of line coefficients: five Fp2 multiplications.</summary>
    public static void MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1, out Fp6 r)
    {
        Fp2Ops.Mul(a.C0, b0, out Fp2 v0);
        Fp2Ops.Mul(a.C1, b1, out Fp2 v1);

        // c0 = v0 + ξ·a2·b1
        Fp2Ops.Mul(a.C2, b1, out Fp2 c0);
        Fp2Ops.MulByNonResidue(c0, out c0);
        Fp2Ops.Add(c0, v0, out c0);

        // c1 = (a0 + a1)(b0 + b1) − v0 − v1
        Fp2Ops.Add(a.C0, a.C1, out Fp2 s);
        Fp2Ops.Add(b0, b1, out Fp2 t);
        Fp2Ops.Mul(s, t, out Fp2 c1);
        Fp2Ops.Sub(c1, v0, out c1);
        Fp2Ops.Sub(c1, v1, out c1);

        // c2 = a2·b0 + v1
        Fp2Ops.Mul(a.C2, b0, out Fp2 c2);
        Fp2Ops.Add(c2, v1, out c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>r = a·b for b in Fp2: three Fp2 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFp2(in Fp6 a, in Fp2 b, out Fp6 r)
    {
        Fp2Ops.Mul(a.C0, b, out Fp2 c0);
        Fp2Ops.Mul(a.C1, b, out Fp2 c1);
        Fp2Ops.Mul(a.C2, b, out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>r = a⁻¹ (zero for zero) through the norm to Fp2: one Fp2 inversion.</summary>
    public static void Inverse(in Fp6 a, out Fp6 r)
    {
        // t0 = a0² − ξ·a1·a2, t1 = ξ·a2² − a0·a1, t2 = a1² − a0·a2; norm = a0·t0 + ξ·(a2·t1 + a1·t2).
        Fp2Ops.Square(a.C0, out Fp2 t0);
        Fp2Ops.Mul(a.C1, a.C2, out Fp2 m);
        Fp2Ops.MulByNonResidue(m, out m);
        Fp2Ops.Sub(t0, m, out t0);

        Fp2Ops.Square(a.C2, out Fp2 t1);
        Fp2Ops.MulByNonResidue(t1, out t1);
        Fp2Ops.Mul(a.C0, a.C1, out m);
        Fp2Ops.Sub(t1, m, out t1);

        Fp2Ops.Square(a.C1, out Fp2 t2);
        Fp2Ops.Mul(a.C0, a.C2, out m);
        Fp2Ops.Sub(t2, m, out t2);

        Fp2Ops.Mul(a.C2, t1, out Fp2 n);
        Fp2Ops.Mul(a.C1, t2, out m);
        Fp2Ops.Add(n, m, out n);
        Fp2Ops.MulByNonResidue(n, out n);
        Fp2Ops.Mul(a.C0, t0, out m);
        Fp2Ops.Add(n, m, out n);
        Fp2.Inverse(n, out n);

        Fp2Ops.Mul(t0, n, out Fp2 c0);
        Fp2Ops.Mul(t1, n, out Fp2 c1);
        Fp2Ops.Mul(t2, n, out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }

    public static Fp6 Random(Random rng) => new(Fp2.Random(rng), Fp2.Random(rng), Fp2.Random(rng));

    public static Fp6 operator +(in Fp6 a, in Fp6 b) { Add(a, b, out Fp6 r); return r; }

    public static Fp6 operator -(in Fp6 a, in Fp6 b) { Sub(a, b, out Fp6 r); return r; }

    public static Fp6 operator -(in Fp6 a) { Neg(a, out Fp6 r); return r; }

    public static Fp6 operator *(in Fp6 a, in Fp6 b) { Mul(a, b, out Fp6 r); return r; }

    public static bool operator ==(in Fp6 a, in Fp6 b) => a.Equals(b);

    public static bool operator !=(in Fp6 a, in Fp6 b) => !a.Equals(b);

    public bool Equals(Fp6 other) => C0.Equals(other.C0) && C1.Equals(other.C1) && C2.Equals(other.C2);

    public override bool Equals(object? obj) => obj is Fp6 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    public override string ToString() => $"({C0}) + ({C1})*v + ({C2})*v^2";
}
