using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>
/// Eight independent Fp2 computations side by side: an operand is 16 consecutive Fp, the eight real parts
/// then the eight imaginary parts (<see cref="FpColumns"/> layout for each). The building block of the
/// column paths of the Miller loop: the line steps of eight G2 points at once and eight Fp12 accumulators.
/// Outputs may alias inputs. Callers check <see cref="Internal.Lanes8.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp2Columns
{
    /// <summary>Fp per column operand.</summary>
    public const int Size = 16;

    /// <summary>r = a + b.</summary>
    public static void Add(Fp* a, Fp* b, Fp* r)
    {
        FpColumns.Add(a, b, r);
        FpColumns.Add(a + 8, b + 8, r + 8);
    }

    /// <summary>r = a − b.</summary>
    public static void Sub(Fp* a, Fp* b, Fp* r)
    {
        FpColumns.Sub(a, b, r);
        FpColumns.Sub(a + 8, b + 8, r + 8);
    }

    /// <summary>r = 2a.</summary>
    public static void Double(Fp* a, Fp* r)
    {
        FpColumns.Double(a, r);
        FpColumns.Double(a + 8, r + 8);
    }

    /// <summary>r = −a.</summary>
    public static void Neg(Fp* a, Fp* r)
    {
        FpColumns.Neg(a, r);
        FpColumns.Neg(a + 8, r + 8);
    }

    /// <summary>r = a·b by Karatsuba: three Mul8 calls.</summary>
    public static void Mul(Fp* a, Fp* b, Fp* r)
    {
        Fp* t = stackalloc Fp[32];
        Fp* v0 = t, v1 = t + 8, sa = t + 16, sb = t + 24;
        FpColumns.Add(a, a + 8, sa);
        FpColumns.Add(b, b + 8, sb);
        Fp.Mul8(a, b, v0);
        Fp.Mul8(a + 8, b + 8, v1);
        Fp.Mul8(sa, sb, sa);
        FpColumns.Sub(sa, v0, sa);
        FpColumns.Sub(sa, v1, r + 8); // (a0 + a1)(b0 + b1) − a0b0 − a1b1
        FpColumns.Sub(v0, v1, r);
    }

    /// <summary>r = a²: (a0 + a1)(a0 − a1) + 2·a0·a1·u, two Mul8 calls.</summary>
    public static void Square(Fp* a, Fp* r)
    {
        Fp* t = stackalloc Fp[24];
        Fp* s = t, d = t + 8, m = t + 16;
        FpColumns.Add(a, a + 8, s);
        FpColumns.Sub(a, a + 8, d);
        Fp.Mul8(a, a + 8, m);
        Fp.Mul8(s, d, r);
        FpColumns.Double(m, r + 8);
    }

    /// <summary>r = a·s with s eight Fp columns: two Mul8 calls.</summary>
    public static void MulByFp(Fp* a, Fp* s, Fp* r)
    {
        Fp.Mul8(a, s, r);
        Fp.Mul8(a + 8, s, r + 8);
    }

    /// <summary>r = a·ξ = (9a0 − a1) + (a0 + 9a1)·u.</summary>
    public static void MulByNonResidue(Fp* a, Fp* r)
    {
        Fp* t = stackalloc Fp[16];
        FpColumns.TimesNine(a, t);
        FpColumns.TimesNine(a + 8, t + 8);
        FpColumns.Sub(t, a + 8, t);   // real part kept aside: r may alias a
        FpColumns.Add(a, t + 8, r + 8);
        Unsafe.CopyBlock(r, t, 8 * (uint)sizeof(Fp));
    }

    /// <summary>Reads column k of a (its k-th Fp2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Get(Fp* a, int k) => new(a[k], a[8 + k]);

    /// <summary>Sets column k of a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Fp* a, int k, in Fp2 v)
    {
        a[k] = v.A0;
        a[8 + k] = v.A1;
    }

    /// <summary>Sets every column of a to v.</summary>
    public static void Broadcast(Fp* a, in Fp2 v)
    {
        for (int k = 0; k < 8; k++) Set(a, k, v);
    }
}
