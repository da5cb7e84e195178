using System.Runtime.CompilerServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

internal readonly partial struct Fp12
{
    /// <summary>
    /// The product of two line values (a0 + a3·w + a4·w³)(b0 + b3·w + b4·w³) as x0 + (x1 + x3·v)·w,
    /// x0 in Fp6: six Fp2 multiplications. Multiplying f by two lines this way and then
    /// <see cref="MulBy01234"/> costs 23 Fp2 multiplications instead of 2 × 13. In lanes when available.
    /// </summary>
    public static void Mul034By034(in Fp2 a0, in Fp2 a3, in Fp2 a4, in Fp2 b0, in Fp2 b3, in Fp2 b4,
        out Fp6 x0, out Fp2 x1, out Fp2 x3)
    {
        if (UseLanes) Fp12Lanes.Mul034By034(a0, a3, a4, b0, b3, b4, out x0, out x1, out x3);
        else Mul034By034Scalar(a0, a3, a4, b0, b3, b4, out x0, out x1, out x3);
    }

    /// <summary>The scalar path of <see cref="Mul034By034"/>.</summary>
    internal static void Mul034By034Scalar(in Fp2 a0, in Fp2 a3, in Fp2 a4, in Fp2 b0, in Fp2 b3, in Fp2 b4,
        out Fp6 x0, out Fp2 x1, out Fp2 x3)
    {
        Fp2Ops.Mul(a0, b0, out Fp2 m00);
        Fp2Ops.Mul(a3, b3, out Fp2 m33);
        Fp2Ops.Mul(a4, b4, out Fp2 m44);

        // w¹: a0b3 + a3b0
        Fp2Ops.Add(a0, a3, out Fp2 s);
        Fp2Ops.Add(b0, b3, out Fp2 t);
        Fp2Ops.Mul(s, t, out x1);
        Fp2Ops.Sub(x1, m00, out x1);
        Fp2Ops.Sub(x1, m33, out x1);

        // w³: a0b4 + a4b0
        Fp2Ops.Add(a0, a4, out s);
        Fp2Ops.Add(b0, b4, out t);
        Fp2Ops.Mul(s, t, out x3);
        Fp2Ops.Sub(x3, m00, out x3);
        Fp2Ops.Sub(x3, m44, out x3);

        // w⁴: a3b4 + a4b3
        Fp2Ops.Add(a3, a4, out s);
        Fp2Ops.Add(b3, b4, out t);
        Fp2Ops.Mul(s, t, out Fp2 w4);
        Fp2Ops.Sub(w4, m33, out w4);
        Fp2Ops.Sub(w4, m44, out w4);

        // w⁰: a0b0 + ξ·a4b4 (w⁶ = ξ); w²: a3b3.
        Fp2Ops.MulByNonResidue(m44, out Fp2 w0);
        Fp2Ops.Add(w0, m00, out w0);
        x0 = new Fp6(w0, m33, w4);
    }

    /// <summary>r = a·(x0 + (x1 + x3·v)·w), the shape <see cref="Mul034By034"/> returns: 17 Fp2 multiplications; in lanes when available.</summary>
    public static unsafe void MulBy01234(in Fp12 a, in Fp6 x0, in Fp2 x1, in Fp2 x3, out Fp12 r)
    {
        var kernel = Internal.X64.TowerKernels.MulBy01234;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp12* pr = &r, pa = &a)
            fixed (Fp6* p0 = &x0)
            fixed (Fp2* p1 = &x1, p3 = &x3)
                kernel(pr, pa, p0, p1, p3);
        }
        else if (UseLanes) Fp12Lanes.MulBy01234(a, x0, x1, x3, out r);
        else MulBy01234Scalar(a, x0, x1, x3, out r);
    }

    /// <summary>The scalar path of <see cref="MulBy01234"/>.</summary>
    internal static void MulBy01234Scalar(in Fp12 a, in Fp6 x0, in Fp2 x1, in Fp2 x3, out Fp12 r)
    {
        Fp6.Mul(a.C0, x0, out Fp6 t0);
        Fp6.MulBy01(a.C1, x1, x3, out Fp6 t1);
        Fp6.Add(a.C0, a.C1, out Fp6 s);
        Fp2Ops.Add(x0.C0, x1, out Fp2 y0);
        Fp2Ops.Add(x0.C1, x3, out Fp2 y1);
        Fp6.Mul(s, new Fp6(y0, y1, x0.C2), out Fp6 r1);
        Fp6.Sub(r1, t0, out r1);
        Fp6.Sub(r1, t1, out r1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Add(t0, t1, out Fp6 r0);
        r = new Fp12(r0, r1);
    }
}
