using System.Runtime.CompilerServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// Eight Fp2 products at once on top of <see cref="Fp.Mul8"/> (callers check <see cref="Lanes8.IsSupported"/>):
/// Karatsuba, three eight-lane Fp products per eight Fp2 products, the additions scalar. Any of a, b, r may be
/// the same array.
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp2Lanes8
{
    /// <summary>r[k] = a[k]·b[k] for k &lt; 8: a0b0 − a1b1 + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul8(Fp2* a, Fp2* b, Fp2* r)
    {
        // Read as 16 Fp, eight Fp2 are (a0, a1) pairs, so two lane products over them give a0b0 and a1b1
        // interleaved with no gathering; only the sums need scratch.
        Fp* products = stackalloc Fp[16];
        Fp* sa = stackalloc Fp[8];
        Fp* sb = stackalloc Fp[8];
        for (int k = 0; k < 8; k++)
        {
            Fp.Add(a[k].A0, a[k].A1, out sa[k]);
            Fp.Add(b[k].A0, b[k].A1, out sb[k]);
        }
        Fp.Mul8((Fp*)a, (Fp*)b, products);
        Fp.Mul8((Fp*)a + 8, (Fp*)b + 8, products + 8);
        Fp.Mul8(sa, sb, sa);
        for (int k = 0; k < 8; k++)
        {
            Fp v0 = products[2 * k], v1 = products[2 * k + 1];
            Fp.Sub(v0, v1, out Fp real);
            Fp.Add(v0, v1, out Fp both);
            Fp.Sub(sa[k], both, out Fp imag);
            r[k] = new Fp2(real, imag);
        }
    }

    /// <summary>r[k] = a[k]² for k &lt; 8: (a0 + a1)(a0 − a1) + 2a0a1·u, two eight-lane Fp products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square8(Fp2* a, Fp2* r)
    {
        Fp* sum = stackalloc Fp[8];
        Fp* diff = stackalloc Fp[8];
        Fp* x0 = stackalloc Fp[8];
        Fp* x1 = stackalloc Fp[8];
        for (int k = 0; k < 8; k++)
        {
            Fp.Add(a[k].A0, a[k].A1, out sum[k]);
            Fp.Sub(a[k].A0, a[k].A1, out diff[k]);
            x0[k] = a[k].A0;
            x1[k] = a[k].A1;
        }
        Fp.Mul8(sum, diff, sum);
        Fp.Mul8(x0, x1, x0);
        for (int k = 0; k < 8; k++)
        {
            Fp.Double(x0[k], out Fp imag);
            r[k] = new Fp2(sum[k], imag);
        }
    }
}
