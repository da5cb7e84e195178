using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>Eight Fp2 products at once on top of <see cref="Fp.Mul8"/> (Karatsuba: three lane products).</summary>
[SkipLocalsInit]
internal static unsafe class Fp2Lanes
{
    /// <summary>r[k] = a[k]·b[k] for k &lt; 8 (u² = −1); r may alias a or b.</summary>
    public static void Mul8(Fp2* a, Fp2* b, Fp2* r)
    {
        Fp* a0 = stackalloc Fp[8], a1 = stackalloc Fp[8], b0 = stackalloc Fp[8], b1 = stackalloc Fp[8];
        Fp* sa = stackalloc Fp[8], sb = stackalloc Fp[8];
        for (int k = 0; k < 8; k++)
        {
            a0[k] = a[k].A0; a1[k] = a[k].A1; b0[k] = b[k].A0; b1[k] = b[k].A1;
            Fp.Add(a0[k], a1[k], out sa[k]);
            Fp.Add(b0[k], b1[k], out sb[k]);
        }
        Fp.Mul8(a0, b0, a0);   // v0 = a0·b0
        Fp.Mul8(a1, b1, a1);   // v1 = a1·b1
        Fp.Mul8(sa, sb, sa);   // (a0 + a1)(b0 + b1)
        for (int k = 0; k < 8; k++)
        {
            Fp.Sub(a0[k], a1[k], out Fp re);
            Fp.Sub(sa[k], a0[k], out Fp im);
            Fp.Sub(im, a1[k], out im);
            r[k] = new Fp2(re, im);
        }
    }
}
