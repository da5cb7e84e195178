using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// Eight independent Fp computations side by side ("columns"): an operand is eight consecutive Fp, the
/// layout <see cref="Fp.Mul8"/> takes, so products are one Mul8 and the additions here are AVX-512 carry
/// chains over the transposed limbs (one vector op does eight additions; the scalar Fp.Add would cost as
/// much as a lane product eight times over). Fully reduced in and out; outputs may alias inputs.
/// Callers check <see cref="Lanes8.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class FpColumns
{
    /// <summary>r = a + b, column-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(Fp* a, Fp* b, Fp* r)
    {
        Lanes8.Load((ulong*)a, out Vector512<ulong> a0, out Vector512<ulong> a1, out Vector512<ulong> a2, out Vector512<ulong> a3);
        Lanes8.Load((ulong*)b, out Vector512<ulong> b0, out Vector512<ulong> b1, out Vector512<ulong> b2, out Vector512<ulong> b3);
        AddCore(a0, a1, a2, a3, b0, b1, b2, b3, out a0, out a1, out a2, out a3);
        Lanes8.Store((ulong*)r, a0, a1, a2, a3);
    }

    /// <summary>r = 2a, column-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(Fp* a, Fp* r)
    {
        Lanes8.Load((ulong*)a, out Vector512<ulong> a0, out Vector512<ulong> a1, out Vector512<ulong> a2, out Vector512<ulong> a3);
        AddCore(a0, a1, a2, a3, a0, a1, a2, a3, out a0, out a1, out a2, out a3);
        Lanes8.Store((ulong*)r, a0, a1, a2, a3);
    }

    /// <summary>r = 9a, column-wise (8a + a: four reduced additions in registers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TimesNine(Fp* a, Fp* r)
    {
        Lanes8.Load((ulong*)a, out Vector512<ulong> a0, out Vector512<ulong> a1, out Vector512<ulong> a2, out Vector512<ulong> a3);
        AddCore(a0, a1, a2, a3, a0, a1, a2, a3, out Vector512<ulong> d0, out Vector512<ulong> d1, out Vector512<ulong> d2, out Vector512<ulong> d3);
        AddCore(d0, d1, d2, d3, d0, d1, d2, d3, out d0, out d1, out d2, out d3);
        AddCore(d0, d1, d2, d3, d0, d1, d2, d3, out d0, out d1, out d2, out d3);
        AddCore(d0, d1, d2, d3, a0, a1, a2, a3, out d0, out d1, out d2, out d3);
        Lanes8.Store((ulong*)r, d0, d1, d2, d3);
    }

    /// <summary>r = a − b, column-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sub(Fp* a, Fp* b, Fp* r)
    {
        Lanes8.Load((ulong*)a, out Vector512<ulong> a0, out Vector512<ulong> a1, out Vector512<ulong> a2, out Vector512<ulong> a3);
        Lanes8.Load((ulong*)b, out Vector512<ulong> b0, out Vector512<ulong> b1, out Vector512<ulong> b2, out Vector512<ulong> b3);
        SubCore(a0, a1, a2, a3, b0, b1, b2, b3, out a0, out a1, out a2, out a3);
        Lanes8.Store((ulong*)r, a0, a1, a2, a3);
    }

    /// <summary>r = −a, column-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Neg(Fp* a, Fp* r)
    {
        Lanes8.Load((ulong*)a, out Vector512<ulong> a0, out Vector512<ulong> a1, out Vector512<ulong> a2, out Vector512<ulong> a3);
        Vector512<ulong> z = Vector512<ulong>.Zero;
        SubCore(z, z, z, z, a0, a1, a2, a3, out a0, out a1, out a2, out a3);
        Lanes8.Store((ulong*)r, a0, a1, a2, a3);
    }

    /// <summary>r = a·b, column-wise (one <see cref="Fp.Mul8"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(Fp* a, Fp* b, Fp* r) => Fp.Mul8(a, b, r);

    // Carries and borrows by the majority formulas of the scalar Fp.Add/Sub, lane-wise.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Carry(Vector512<ulong> a, Vector512<ulong> b, Vector512<ulong> s) =>
        ((a & b) | ((a | b) & ~s)) >>> 63;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Borrow(Vector512<ulong> a, Vector512<ulong> b, Vector512<ulong> d) =>
        ((~a & b) | (~(a ^ b) & d)) >>> 63;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddCore(Vector512<ulong> a0, Vector512<ulong> a1, Vector512<ulong> a2, Vector512<ulong> a3,
        Vector512<ulong> b0, Vector512<ulong> b1, Vector512<ulong> b2, Vector512<ulong> b3,
        out Vector512<ulong> r0, out Vector512<ulong> r1, out Vector512<ulong> r2, out Vector512<ulong> r3)
    {
        Vector512<ulong> s0 = a0 + b0;
        Vector512<ulong> c = Carry(a0, b0, s0);
        Vector512<ulong> s1 = a1 + b1 + c;
        c = Carry(a1, b1, s1);
        Vector512<ulong> s2 = a2 + b2 + c;
        c = Carry(a2, b2, s2);
        Vector512<ulong> s3 = a3 + b3 + c; // a + b < 2q < 2²⁵⁵: no carry out
        // d = s − q; keep s where that borrows (s < q).
        Vector512<ulong> q0 = Vector512.Create(Fp.Q0), q1 = Vector512.Create(Fp.Q1), q2 = Vector512.Create(Fp.Q2), q3 = Vector512.Create(Fp.Q3);
        Vector512<ulong> d0 = s0 - q0;
        Vector512<ulong> br = Borrow(s0, q0, d0);
        Vector512<ulong> d1 = s1 - q1 - br;
        br = Borrow(s1, q1, d1);
        Vector512<ulong> d2 = s2 - q2 - br;
        br = Borrow(s2, q2, d2);
        Vector512<ulong> d3 = s3 - q3 - br;
        br = Borrow(s3, q3, d3);
        Vector512<ulong> keep = Vector512<ulong>.Zero - br;
        r0 = Vector512.ConditionalSelect(keep, s0, d0);
        r1 = Vector512.ConditionalSelect(keep, s1, d1);
        r2 = Vector512.ConditionalSelect(keep, s2, d2);
        r3 = Vector512.ConditionalSelect(keep, s3, d3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubCore(Vector512<ulong> a0, Vector512<ulong> a1, Vector512<ulong> a2, Vector512<ulong> a3,
        Vector512<ulong> b0, Vector512<ulong> b1, Vector512<ulong> b2, Vector512<ulong> b3,
        out Vector512<ulong> r0, out Vector512<ulong> r1, out Vector512<ulong> r2, out Vector512<ulong> r3)
    {
        Vector512<ulong> d0 = a0 - b0;
        Vector512<ulong> br = Borrow(a0, b0, d0);
        Vector512<ulong> d1 = a1 - b1 - br;
        br = Borrow(a1, b1, d1);
        Vector512<ulong> d2 = a2 - b2 - br;
        br = Borrow(a2, b2, d2);
        Vector512<ulong> d3 = a3 - b3 - br;
        br = Borrow(a3, b3, d3);
        // On borrow add q back (mod 2²⁵⁶).
        Vector512<ulong> m = Vector512<ulong>.Zero - br;
        Vector512<ulong> q0 = Vector512.Create(Fp.Q0) & m, q1 = Vector512.Create(Fp.Q1) & m;
        Vector512<ulong> q2 = Vector512.Create(Fp.Q2) & m, q3 = Vector512.Create(Fp.Q3) & m;
        Vector512<ulong> e0 = d0 + q0;
        Vector512<ulong> c = Carry(d0, q0, e0);
        Vector512<ulong> e1 = d1 + q1 + c;
        c = Carry(d1, q1, e1);
        Vector512<ulong> e2 = d2 + q2 + c;
        c = Carry(d2, q2, e2);
        r0 = e0;
        r1 = e1;
        r2 = e2;
        r3 = d3 + q3 + c;
    }
}
