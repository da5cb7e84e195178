using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>
/// Fp6 products split for the lane paths: each writes the Fp2 operand pairs of its products (after the
/// scalar pre-additions) into x, y, and the matching Combine turns the products (in place of x, after
/// <see cref="Fp2Lanes.Mul"/>) into the result. Callers put several of these side by side in one batch so
/// the Mul8 calls run full.
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp6Lanes
{
    /// <summary>Products of <see cref="MulOperands"/>.</summary>
    public const int MulCount = 6;

    /// <summary>Products of <see cref="MulBy01Operands"/>.</summary>
    public const int MulBy01Count = 5;

    /// <summary>Karatsuba for a·b: a0b0, a1b1, a2b2, (a1 + a2)(b1 + b2), (a0 + a1)(b0 + b1), (a0 + a2)(b0 + b2).</summary>
    public static void MulOperands(in Fp6 a, in Fp6 b, Fp2* x, Fp2* y)
    {
        x[0] = a.C0; y[0] = b.C0;
        x[1] = a.C1; y[1] = b.C1;
        x[2] = a.C2; y[2] = b.C2;
        Fp2Ops.Add(a.C1, a.C2, out x[3]); Fp2Ops.Add(b.C1, b.C2, out y[3]);
        Fp2Ops.Add(a.C0, a.C1, out x[4]); Fp2Ops.Add(b.C0, b.C1, out y[4]);
        Fp2Ops.Add(a.C0, a.C2, out x[5]); Fp2Ops.Add(b.C0, b.C2, out y[5]);
    }

    /// <summary>c0 = v0 + ξ(v3 − v1 − v2), c1 = v4 − v0 − v1 + ξ·v2, c2 = v5 − v0 − v2 + v1.</summary>
    public static void MulCombine(Fp2* v, out Fp6 r)
    {
        Fp2Ops.Sub(v[3], v[1], out Fp2 c0);
        Fp2Ops.Sub(c0, v[2], out c0);
        Fp2Ops.MulByNonResidue(c0, out c0);
        Fp2Ops.Add(c0, v[0], out c0);

        Fp2Ops.Sub(v[4], v[0], out Fp2 c1);
        Fp2Ops.Sub(c1, v[1], out c1);
        Fp2Ops.MulByNonResidue(v[2], out Fp2 xv2);
        Fp2Ops.Add(c1, xv2, out c1);

        Fp2Ops.Sub(v[5], v[0], out Fp2 c2);
        Fp2Ops.Sub(c2, v[2], out c2);
        Fp2Ops.Add(c2, v[1], out c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>a·(b0 + b1·v): a0b0, a1b1, a2b1, (a0 + a1)(b0 + b1), a2b0.</summary>
    public static void MulBy01Operands(in Fp6 a, in Fp2 b0, in Fp2 b1, Fp2* x, Fp2* y)
    {
        x[0] = a.C0; y[0] = b0;
        x[1] = a.C1; y[1] = b1;
        x[2] = a.C2; y[2] = b1;
        Fp2Ops.Add(a.C0, a.C1, out x[3]); Fp2Ops.Add(b0, b1, out y[3]);
        x[4] = a.C2; y[4] = b0;
    }

    /// <summary>c0 = v0 + ξ·v2, c1 = v3 − v0 − v1, c2 = v4 + v1.</summary>
    public static void MulBy01Combine(Fp2* v, out Fp6 r)
    {
        Fp2Ops.MulByNonResidue(v[2], out Fp2 c0);
        Fp2Ops.Add(c0, v[0], out c0);
        Fp2Ops.Sub(v[3], v[0], out Fp2 c1);
        Fp2Ops.Sub(c1, v[1], out c1);
        Fp2Ops.Add(v[4], v[1], out Fp2 c2);
        r = new Fp6(c0, c1, c2);
    }
}
