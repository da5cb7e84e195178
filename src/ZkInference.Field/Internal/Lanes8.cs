using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ZkInference.Field.Internal;

/// <summary>
/// The shared pieces of the eight-lane field products (<c>Fp.Mul8</c>, <c>Fr.Mul8</c>): moving eight
/// consecutive four-limb elements into four vectors of one limb each and back, and the 32×32→64-bit lane
/// product. Bulk loops (FFT butterflies, batch-affine bucket additions) use the lanes when
/// <see cref="IsSupported"/> and the scalar product otherwise; the test suite runs once with
/// <c>DOTNET_EnableHWIntrinsic=0</c> so both paths stay correct.
/// </summary>
internal static unsafe class Lanes8
{
    /// <summary>Whether the eight-lane products run in hardware (AVX-512F).</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    // Index vectors for vpermt2q: 0–7 pick from the first operand, 8–15 from the second.
    private static readonly Vector512<ulong> PairLow = Vector512.Create(0UL, 4, 8, 12, 1, 5, 9, 13);
    private static readonly Vector512<ulong> PairHigh = Vector512.Create(2UL, 6, 10, 14, 3, 7, 11, 15);
    private static readonly Vector512<ulong> HalfLow = Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11);
    private static readonly Vector512<ulong> HalfHigh = Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15);
    private static readonly Vector512<ulong> ZipLow = Vector512.Create(0UL, 8, 1, 9, 2, 10, 3, 11);
    private static readonly Vector512<ulong> ZipHigh = Vector512.Create(4UL, 12, 5, 13, 6, 14, 7, 15);
    private static readonly Vector512<ulong> QuadLow = Vector512.Create(0UL, 1, 8, 9, 2, 3, 10, 11);
    private static readonly Vector512<ulong> QuadHigh = Vector512.Create(4UL, 5, 12, 13, 6, 7, 14, 15);

    /// <summary>Reads eight elements of four limbs at p; limb k of element e lands in lane e of xk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ulong* p, out Vector512<ulong> x0, out Vector512<ulong> x1, out Vector512<ulong> x2, out Vector512<ulong> x3)
    {
        Vector512<ulong> v0 = Vector512.Load(p), v1 = Vector512.Load(p + 8), v2 = Vector512.Load(p + 16), v3 = Vector512.Load(p + 24);
        // v0 = [a0 a1 a2 a3 b0 b1 b2 b3] (elements a, b), v1 = [c.. d..], v2 = [e.. f..], v3 = [g.. h..].
        Vector512<ulong> u0 = Avx512F.PermuteVar8x64x2(v0, PairLow, v1);   // a0 b0 c0 d0 a1 b1 c1 d1
        Vector512<ulong> u1 = Avx512F.PermuteVar8x64x2(v0, PairHigh, v1);  // a2 b2 c2 d2 a3 b3 c3 d3
        Vector512<ulong> u2 = Avx512F.PermuteVar8x64x2(v2, PairLow, v3);   // e0 f0 g0 h0 e1 f1 g1 h1
        Vector512<ulong> u3 = Avx512F.PermuteVar8x64x2(v2, PairHigh, v3);
        x0 = Avx512F.PermuteVar8x64x2(u0, HalfLow, u2);
        x1 = Avx512F.PermuteVar8x64x2(u0, HalfHigh, u2);
        x2 = Avx512F.PermuteVar8x64x2(u1, HalfLow, u3);
        x3 = Avx512F.PermuteVar8x64x2(u1, HalfHigh, u3);
    }

    /// <summary>The inverse of <see cref="Load"/>: writes eight elements of four limbs at p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ulong* p, Vector512<ulong> x0, Vector512<ulong> x1, Vector512<ulong> x2, Vector512<ulong> x3)
    {
        Vector512<ulong> w0 = Avx512F.PermuteVar8x64x2(x0, ZipLow, x1);    // a0 a1 b0 b1 c0 c1 d0 d1
        Vector512<ulong> w1 = Avx512F.PermuteVar8x64x2(x0, ZipHigh, x1);   // e0 e1 f0 f1 g0 g1 h0 h1
        Vector512<ulong> w2 = Avx512F.PermuteVar8x64x2(x2, ZipLow, x3);    // a2 a3 b2 b3 c2 c3 d2 d3
        Vector512<ulong> w3 = Avx512F.PermuteVar8x64x2(x2, ZipHigh, x3);
        Avx512F.PermuteVar8x64x2(w0, QuadLow, w2).Store(p);
        Avx512F.PermuteVar8x64x2(w0, QuadHigh, w2).Store(p + 8);
        Avx512F.PermuteVar8x64x2(w1, QuadLow, w3).Store(p + 16);
        Avx512F.PermuteVar8x64x2(w1, QuadHigh, w3).Store(p + 24);
    }

    /// <summary>Lane-wise (x mod 2³²)·(y mod 2³²), the full 64-bit product (vpmuludq).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Mul(Vector512<ulong> x, Vector512<ulong> y) =>
        Avx512F.Multiply(x.AsUInt32(), y.AsUInt32());
}
