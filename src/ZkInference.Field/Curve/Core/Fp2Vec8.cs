using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ZkInference.Field.Internal;

/// <summary>
/// Eight Fp2 elements in vector registers: the real and imaginary parts as two <see cref="FpVec8"/>.
/// Products by Karatsuba (three lane products), u² = −1.
/// </summary>
[SkipLocalsInit]
internal unsafe struct Fp2Vec8 : ILaneField<Fp2Vec8, Fp2>
{
    /// <summary>Real and imaginary parts.</summary>
    public FpVec8 C0, C1;

    // Eight Fp2 in memory are sixteen Fp: loading them as two FpVec8 interleaves real and imaginary parts
    // over the lanes ([e0.re, e0.im, e1.re, …]); these pick the even and odd lanes of the pair back apart.
    private static readonly Vector512<ulong> Evens = Vector512.Create(0UL, 2, 4, 6, 8, 10, 12, 14);
    private static readonly Vector512<ulong> Odds = Vector512.Create(1UL, 3, 5, 7, 9, 11, 13, 15);
    private static readonly Vector512<ulong> LowZip = Vector512.Create(0UL, 8, 1, 9, 2, 10, 3, 11);
    private static readonly Vector512<ulong> HighZip = Vector512.Create(4UL, 12, 5, 13, 6, 14, 7, 15);
    private static readonly Fp2Vec8 OneLanes = new() { C0 = FpVec8.One };

    public static Fp2Vec8 One => OneLanes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Load(Fp2* p, out Fp2Vec8 r)
    {
        FpVec8.Load((Fp*)p, out FpVec8 lo);
        FpVec8.Load((Fp*)p + 8, out FpVec8 hi);
        Unsafe.SkipInit(out r);
        for (int j = 0; j < 9; j++)
        {
            Vector512<ulong> a = Limb(lo, j), b = Limb(hi, j);
            LimbRef(ref r.C0, j) = Avx512F.PermuteVar8x64x2(a, Evens, b);
            LimbRef(ref r.C1, j) = Avx512F.PermuteVar8x64x2(a, Odds, b);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Store(in Fp2Vec8 v, Fp2* p)
    {
        FpVec8 lo, hi;
        Unsafe.SkipInit(out lo);
        Unsafe.SkipInit(out hi);
        for (int j = 0; j < 9; j++)
        {
            Vector512<ulong> re = Limb(v.C0, j), im = Limb(v.C1, j);
            LimbRef(ref lo, j) = Avx512F.PermuteVar8x64x2(re, LowZip, im);
            LimbRef(ref hi, j) = Avx512F.PermuteVar8x64x2(re, HighZip, im);
        }
        lo.Store((Fp*)p);
        hi.Store((Fp*)p + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in Fp2Vec8 a, in Fp2Vec8 b, out Fp2Vec8 r)
    {
        FpVec8.Mul(a.C0, b.C0, out FpVec8 v0);
        FpVec8.Mul(a.C1, b.C1, out FpVec8 v1);
        FpVec8.Add(a.C0, a.C1, out FpVec8 sa);
        FpVec8.Add(b.C0, b.C1, out FpVec8 sb);
        FpVec8.Mul(sa, sb, out FpVec8 v2);
        Unsafe.SkipInit(out r);
        FpVec8.Sub(v0, v1, out r.C0);
        FpVec8.Sub(v2, v0, out v2);
        FpVec8.Sub(v2, v1, out r.C1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(in Fp2Vec8 a, out Fp2Vec8 r)
    {
        // (a0 + a1 u)² = (a0 + a1)(a0 − a1) + 2·a0·a1·u
        FpVec8.Add(a.C0, a.C1, out FpVec8 s);
        FpVec8.Sub(a.C0, a.C1, out FpVec8 d);
        FpVec8.Mul(a.C0, a.C1, out FpVec8 m);
        Unsafe.SkipInit(out r);
        FpVec8.Mul(s, d, out r.C0);
        FpVec8.Double(m, out r.C1);
    }

    public static void Add(in Fp2Vec8 a, in Fp2Vec8 b, out Fp2Vec8 r)
    {
        Unsafe.SkipInit(out r);
        FpVec8.Add(a.C0, b.C0, out r.C0);
        FpVec8.Add(a.C1, b.C1, out r.C1);
    }

    public static void Sub(in Fp2Vec8 a, in Fp2Vec8 b, out Fp2Vec8 r)
    {
        Unsafe.SkipInit(out r);
        FpVec8.Sub(a.C0, b.C0, out r.C0);
        FpVec8.Sub(a.C1, b.C1, out r.C1);
    }

    public static void Double(in Fp2Vec8 a, out Fp2Vec8 r) => Add(a, a, out r);

    public static void Select(Vector512<ulong> keep, in Fp2Vec8 a, in Fp2Vec8 b, out Fp2Vec8 r)
    {
        Unsafe.SkipInit(out r);
        FpVec8.Select(keep, a.C0, b.C0, out r.C0);
        FpVec8.Select(keep, a.C1, b.C1, out r.C1);
    }

    public static Vector512<ulong> ZeroLanes(in Fp2Vec8 a) => FpVec8.ZeroLanes(a.C0) & FpVec8.ZeroLanes(a.C1);

    private static ref Vector512<ulong> LimbRef(ref FpVec8 v, int j) => ref Unsafe.Add(ref v.L0, j);

    private static Vector512<ulong> Limb(in FpVec8 v, int j) => Unsafe.Add(ref Unsafe.AsRef(in v.L0), j);
}
