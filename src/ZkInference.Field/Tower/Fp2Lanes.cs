using System.Runtime.CompilerServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// Batches of independent Fp2 products on the eight-lane Montgomery product <see cref="Fp.Mul8"/>: the
/// building block of the tower's and the Miller loop's lane paths (callers check <see cref="Lanes8.IsSupported"/>).
/// A batch is cut into chunks of eight; within a small chunk of n the Fp operands are laid out
/// contiguously (3n for products, 2n for squarings) and padded to a multiple of eight, so n products cost
/// ⌈3n/8⌉ Mul8 calls; a fuller chunk puts them eight apart so its additions run as FpColumns vector ops. Outputs may alias inputs (everything is read before anything is written).
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp2Lanes
{
    /// <summary>r[k] = a[k]·b[k] for k &lt; n, by Karatsuba: a0b0, a1b1 and (a0 + a1)(b0 + b1), three Fp products each.</summary>
    public static void Mul(Fp2* a, Fp2* b, Fp2* r, int n)
    {
        for (; n > 8; n -= 8, a += 8, b += 8, r += 8) MulChunk(a, b, r, 8);
        if (n > 0) MulChunk(a, b, r, n);
    }

    /// <summary>r[k] = a[k]² for k &lt; n: (a0 + a1)(a0 − a1) and 2·a0·a1, two Fp products each.</summary>
    public static void Square(Fp2* a, Fp2* r, int n)
    {
        for (; n > 8; n -= 8, a += 8, r += 8) SquareChunk(a, r, 8);
        if (n > 0) SquareChunk(a, r, n);
    }

    /// <summary>r[k] = a[k]·s[k] for k &lt; n, s[k] in Fp: two Fp products each.</summary>
    public static void MulByFp(Fp2* a, Fp* s, Fp2* r, int n)
    {
        for (; n > 8; n -= 8, a += 8, s += 8, r += 8) MulByFpChunk(a, s, r, 8);
        if (n > 0) MulByFpChunk(a, s, r, n);
    }

    // From this many products (squarings) in a chunk on, the operands sit eight apart so the Karatsuba
    // additions run as FpColumns carry chains (one vector op for eight) at the price of padded Mul8 calls;
    // below it they are packed tight and added one by one.
    private const int ColumnMulFrom = 6, ColumnSquareFrom = 5;

    private static void MulChunk(Fp2* a, Fp2* b, Fp2* r, int n)
    {
        if (n >= ColumnMulFrom)
        {
            MulChunkColumns(a, b, r, n);
            return;
        }
        Fp* x = stackalloc Fp[24];
        Fp* y = stackalloc Fp[24];
        for (int k = 0; k < n; k++)
        {
            x[k] = a[k].A0;
            y[k] = b[k].A0;
            x[n + k] = a[k].A1;
            y[n + k] = b[k].A1;
            Fp.Add(a[k].A0, a[k].A1, out x[2 * n + k]);
            Fp.Add(b[k].A0, b[k].A1, out y[2 * n + k]);
        }
        Run(x, y, 3 * n);
        for (int k = 0; k < n; k++)
        {
            // real = a0b0 − a1b1, imaginary = (a0 + a1)(b0 + b1) − a0b0 − a1b1.
            Fp.Add(x[k], x[n + k], out Fp both);
            Fp.Sub(x[2 * n + k], both, out Fp imag);
            Fp.Sub(x[k], x[n + k], out Fp real);
            r[k] = new Fp2(real, imag);
        }
    }

    // x = (a0 | a1 | a0 + a1), y likewise, eight apart; the columns past n are zero.
    private static void MulChunkColumns(Fp2* a, Fp2* b, Fp2* r, int n)
    {
        Fp* x = stackalloc Fp[24];
        Fp* y = stackalloc Fp[24];
        Fp* t = stackalloc Fp[8];
        for (int k = 0; k < n; k++)
        {
            x[k] = a[k].A0;
            x[8 + k] = a[k].A1;
            y[k] = b[k].A0;
            y[8 + k] = b[k].A1;
        }
        for (int k = n; k < 8; k++) x[k] = x[8 + k] = y[k] = y[8 + k] = default;
        FpColumns.Add(x, x + 8, x + 16);
        FpColumns.Add(y, y + 8, y + 16);
        Fp.Mul8(x, y, x);
        Fp.Mul8(x + 8, y + 8, x + 8);
        Fp.Mul8(x + 16, y + 16, x + 16);
        FpColumns.Add(x, x + 8, t);
        FpColumns.Sub(x + 16, t, x + 16);   // imaginary
        FpColumns.Sub(x, x + 8, x);         // real
        for (int k = 0; k < n; k++) r[k] = new Fp2(x[k], x[16 + k]);
    }

    // x = (a0 + a1 | a0), y = (a0 − a1 | a1), eight apart.
    private static void SquareChunkColumns(Fp2* a, Fp2* r, int n)
    {
        Fp* x = stackalloc Fp[16];
        Fp* y = stackalloc Fp[16];
        for (int k = 0; k < n; k++)
        {
            x[8 + k] = a[k].A0;
            y[8 + k] = a[k].A1;
        }
        for (int k = n; k < 8; k++) x[8 + k] = y[8 + k] = default;
        FpColumns.Add(x + 8, y + 8, x);
        FpColumns.Sub(x + 8, y + 8, y);
        Fp.Mul8(x, y, x);
        Fp.Mul8(x + 8, y + 8, x + 8);
        FpColumns.Double(x + 8, x + 8);
        for (int k = 0; k < n; k++) r[k] = new Fp2(x[k], x[8 + k]);
    }

    private static void SquareChunk(Fp2* a, Fp2* r, int n)
    {
        if (n >= ColumnSquareFrom)
        {
            SquareChunkColumns(a, r, n);
            return;
        }
        Fp* x = stackalloc Fp[16];
        Fp* y = stackalloc Fp[16];
        for (int k = 0; k < n; k++)
        {
            Fp.Add(a[k].A0, a[k].A1, out x[k]);
            Fp.Sub(a[k].A0, a[k].A1, out y[k]);
            x[n + k] = a[k].A0;
            y[n + k] = a[k].A1;
        }
        Run(x, y, 2 * n);
        for (int k = 0; k < n; k++)
        {
            Fp.Double(x[n + k], out Fp imag);
            r[k] = new Fp2(x[k], imag);
        }
    }

    private static void MulByFpChunk(Fp2* a, Fp* s, Fp2* r, int n)
    {
        Fp* x = stackalloc Fp[16];
        Fp* y = stackalloc Fp[16];
        for (int k = 0; k < n; k++)
        {
            x[k] = a[k].A0;
            x[n + k] = a[k].A1;
            y[k] = s[k];
            y[n + k] = s[k];
        }
        Run(x, y, 2 * n);
        for (int k = 0; k < n; k++) r[k] = new Fp2(x[k], x[n + k]);
    }

    // x[i] = x[i]·y[i] for i < m; the lanes past m up to the next multiple of eight are zeroed first
    // (lanes are independent, but a defined input keeps the padding's work deterministic).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Run(Fp* x, Fp* y, int m)
    {
        int padded = (m + 7) & ~7;
        for (int i = m; i < padded; i++)
        {
            x[i] = default;
            y[i] = default;
        }
        for (int i = 0; i < padded; i += 8) Fp.Mul8(x + i, y + i, x + i);
    }
}
