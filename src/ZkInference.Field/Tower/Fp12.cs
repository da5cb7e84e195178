using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkInference.Field.Internal;
using ZkInference.Field.Internal.X64;

namespace ZkInference.Field;

/// <summary>
/// An element c0 + c1·w of Fp12 = Fp6[w]/(w² − v), the target field of the pairing. Equivalently
/// Σ aᵢ·wⁱ over Fp2 with w⁶ = ξ, where c0 = (a0, a2, a4) and c1 = (a1, a3, a5).
/// The static core is allocation-free and its outputs may alias its inputs.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
[SkipLocalsInit]
internal readonly partial struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0, C1;

    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12 Zero => default;

    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero;

    public bool IsOne => C0.IsOne && C1.IsZero;

    public static void Add(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.Add(a.C0, b.C0, out Fp6 c0);
        Fp6.Add(a.C1, b.C1, out Fp6 c1);
        r = new Fp12(c0, c1);
    }

    public static void Sub(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.Sub(a.C0, b.C0, out Fp6 c0);
        Fp6.Sub(a.C1, b.C1, out Fp6 c1);
        r = new Fp12(c0, c1);
    }

    public static void Neg(in Fp12 a, out Fp12 r)
    {
        Fp6.Neg(a.C0, out Fp6 c0);
        Fp6.Neg(a.C1, out Fp6 c1);
        r = new Fp12(c0, c1);
    }

    /// <summary>r = c0 − c1·w = a^(p⁶). On the cyclotomic subgroup (every pairing value) it is the inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fp12 a, out Fp12 r)
    {
        Fp6.Neg(a.C1, out Fp6 c1);
        r = new Fp12(a.C0, c1);
    }

    /// <summary>
    /// Whether the Fp12 routines take their eight-lane paths: with AVX-512, unless the generated Fp2 kernels
    /// are in use, which make the scalar routines faster (Fp12 product 1.8 against 2.1 µs, cyclotomic
    /// square 1.0 against 1.1 µs, `quick tower`).
    /// </summary>
    internal static readonly bool UseLanes = Lanes8.IsSupported && !NativeKernels.Fp2Active;

    /// <summary>r = a·b with Karatsuba over Fp6: three Fp6 multiplications (18 Fp2); in lanes when available.</summary>
    public static unsafe void Mul(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        var kernel = TowerKernels.Mul;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp12* pr = &r, pa = &a, pb = &b) kernel(pr, pa, pb);
        }
        else if (UseLanes) Fp12Lanes.Mul(a, b, out r);
        else MulScalar(a, b, out r);
    }

    /// <summary>The scalar path of <see cref="Mul"/>.</summary>
    internal static void MulScalar(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.Mul(a.C0, b.C0, out Fp6 t0);
        Fp6.Mul(a.C1, b.C1, out Fp6 t1);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp6.Add(b.C0, b.C1, out Fp6 t);
        Fp6.Mul(s, t, out Fp6 c1);
        Fp6.Sub(c1, t0, out c1);
        Fp6.Sub(c1, t1, out c1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Add(t0, t1, out Fp6 c0);
        r = new Fp12(c0, c1);
    }

    /// <summary>r = a² by complex squaring: (c0 + c1)(c0 + v·c1) − t − v·t and 2t with t = c0·c1; two Fp6 multiplications; in lanes when available.</summary>
    public static unsafe void Square(in Fp12 a, out Fp12 r)
    {
        var kernel = TowerKernels.Square;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp12* pr = &r, pa = &a) kernel(pr, pa);
        }
        else if (UseLanes) Fp12Lanes.Square(a, out r);
        else SquareScalar(a, out r);
    }

    /// <summary>The scalar path of <see cref="Square"/>.</summary>
    internal static void SquareScalar(in Fp12 a, out Fp12 r)
    {
        Fp6.Mul(a.C0, a.C1, out Fp6 t);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp6.MulByNonResidue(a.C1, out Fp6 vc1);
        Fp6.Add(a.C0, vc1, out Fp6 s2);
        Fp6.Mul(s, s2, out Fp6 c0);
        Fp6.Sub(c0, t, out c0);
        Fp6.MulByNonResidue(t, out Fp6 vt);
        Fp6.Sub(c0, vt, out c0);
        Fp6.Double(t, out Fp6 c1);
        r = new Fp12(c0, c1);
    }

    /// <summary>r = a⁻¹ = (c0 − c1·w)/(c0² − v·c1²), zero for zero.</summary>
    public static void Inverse(in Fp12 a, out Fp12 r)
    {
        Fp6.Square(a.C0, out Fp6 n0);
        Fp6.Square(a.C1, out Fp6 n1);
        Fp6.MulByNonResidue(n1, out n1);
        Fp6.Sub(n0, n1, out Fp6 n);
        Fp6.Inverse(n, out n);
        Fp6.Mul(a.C0, n, out Fp6 c0);
        Fp6.Mul(a.C1, n, out Fp6 c1);
        Fp6.Neg(c1, out c1);
        r = new Fp12(c0, c1);
    }

    /// <summary>
    /// r = a·(c0 + c3·w + c4·w³): the sparse shape of a line evaluated at a G1 point on the D-type
    /// twist (coefficients at 1, w, w³). 13 Fp2 multiplications instead of 18; in lanes when available.
    /// </summary>
    public static unsafe void MulBy034(in Fp12 a, in Fp2 c0, in Fp2 c3, in Fp2 c4, out Fp12 r)
    {
        var kernel = TowerKernels.MulBy034;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp12* pr = &r, pa = &a)
            fixed (Fp2* p0 = &c0, p3 = &c3, p4 = &c4)
                kernel(pr, pa, p0, p3, p4);
        }
        else if (UseLanes) Fp12Lanes.MulBy034(a, c0, c3, c4, out r);
        else MulBy034Scalar(a, c0, c3, c4, out r);
    }

    /// <summary>The scalar path of <see cref="MulBy034"/>.</summary>
    internal static void MulBy034Scalar(in Fp12 a, in Fp2 c0, in Fp2 c3, in Fp2 c4, out Fp12 r)
    {
        // As (x0 + x1·w)(y0 + y1·w) with y0 = c0 and y1 = c3 + c4·v, Karatsuba on the two halves.
        Fp6.MulByFp2(a.C0, c0, out Fp6 t0);
        Fp6.MulBy01(a.C1, c3, c4, out Fp6 t1);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp2Ops.Add(c0, c3, out Fp2 d0);
        Fp6.MulBy01(s, d0, c4, out Fp6 r1);
        Fp6.Sub(r1, t0, out r1);
        Fp6.Sub(r1, t1, out r1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Add(t0, t1, out Fp6 r0);
        r = new Fp12(r0, r1);
    }

    /// <summary>r = a^p.</summary>
    public static void Frobenius(in Fp12 a, out Fp12 r)
    {
        Fp2Ops.Conjugate(a.C0.C0, out Fp2 a0);
        Fp2Ops.Conjugate(a.C0.C1, out Fp2 a2);
        Fp2Ops.Conjugate(a.C0.C2, out Fp2 a4);
        Fp2Ops.Conjugate(a.C1.C0, out Fp2 a1);
        Fp2Ops.Conjugate(a.C1.C1, out Fp2 a3);
        Fp2Ops.Conjugate(a.C1.C2, out Fp2 a5);
        Fp2Ops.Mul(a1, FrobeniusConstants.G11, out a1);
        Fp2Ops.Mul(a2, FrobeniusConstants.G12, out a2);
        Fp2Ops.Mul(a3, FrobeniusConstants.G13, out a3);
        Fp2Ops.Mul(a4, FrobeniusConstants.G14, out a4);
        Fp2Ops.Mul(a5, FrobeniusConstants.G15, out a5);
        r = new Fp12(new Fp6(a0, a2, a4), new Fp6(a1, a3, a5));
    }

    /// <summary>r = a^(p²): Fp2 coefficients are fixed and the constants lie in Fp.</summary>
    public static void Frobenius2(in Fp12 a, out Fp12 r)
    {
        Fp2Ops.MulByFp(a.C1.C0, FrobeniusConstants.G21, out Fp2 a1);
        Fp2Ops.MulByFp(a.C0.C1, FrobeniusConstants.G22, out Fp2 a2);
        Fp2Ops.MulByFp(a.C1.C1, FrobeniusConstants.G23, out Fp2 a3);
        Fp2Ops.MulByFp(a.C0.C2, FrobeniusConstants.G24, out Fp2 a4);
        Fp2Ops.MulByFp(a.C1.C2, FrobeniusConstants.G25, out Fp2 a5);
        r = new Fp12(new Fp6(a.C0.C0, a2, a4), new Fp6(a1, a3, a5));
    }

    /// <summary>r = a^(p³).</summary>
    public static void Frobenius3(in Fp12 a, out Fp12 r)
    {
        Fp2Ops.Conjugate(a.C0.C0, out Fp2 a0);
        Fp2Ops.Conjugate(a.C0.C1, out Fp2 a2);
        Fp2Ops.Conjugate(a.C0.C2, out Fp2 a4);
        Fp2Ops.Conjugate(a.C1.C0, out Fp2 a1);
        Fp2Ops.Conjugate(a.C1.C1, out Fp2 a3);
        Fp2Ops.Conjugate(a.C1.C2, out Fp2 a5);
        Fp2Ops.Mul(a1, FrobeniusConstants.G31, out a1);
        Fp2Ops.Mul(a2, FrobeniusConstants.G32, out a2);
        Fp2Ops.Mul(a3, FrobeniusConstants.G33, out a3);
        Fp2Ops.Mul(a4, FrobeniusConstants.G34, out a4);
        Fp2Ops.Mul(a5, FrobeniusConstants.G35, out a5);
        r = new Fp12(new Fp6(a0, a2, a4), new Fp6(a1, a3, a5));
    }

    /// <summary>a^e for e ≥ 0 by square-and-multiply with full squarings: valid for any element (tests, constants).</summary>
    public static Fp12 Pow(in Fp12 a, BigInteger e)
    {
        Fp12 acc = One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            Square(acc, out acc);
            if (!(e >> (int)i).IsEven) Mul(acc, a, out acc);
        }
        return acc;
    }

    public static Fp12 Random(Random rng) => new(Fp6.Random(rng), Fp6.Random(rng));

    public static Fp12 operator +(in Fp12 a, in Fp12 b) { Add(a, b, out Fp12 r); return r; }

    public static Fp12 operator -(in Fp12 a, in Fp12 b) { Sub(a, b, out Fp12 r); return r; }

    public static Fp12 operator -(in Fp12 a) { Neg(a, out Fp12 r); return r; }

    public static Fp12 operator *(in Fp12 a, in Fp12 b) { Mul(a, b, out Fp12 r); return r; }

    public static bool operator ==(in Fp12 a, in Fp12 b) => a.Equals(b);

    public static bool operator !=(in Fp12 a, in Fp12 b) => !a.Equals(b);

    public bool Equals(Fp12 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    public override bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"({C0}) + ({C1})*w";
}
