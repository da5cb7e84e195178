using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>
/// Eight independent Fp12 accumulators side by side for the Miller loop of many pairs: an Fp12 column
/// operand is six <see cref="Fp2Columns"/> operands (96 Fp) in the order c0.c0, c0.c1, c0.c2, c1.c0, c1.c1,
/// c1.c2, an Fp6 column operand is three (48 Fp). Squaring and the sparse line product use the same
/// formulas as <see cref="Fp12.Square"/> and <see cref="Fp12.MulBy034"/>, so every column gets exactly
/// the scalar result. Outputs may alias inputs. Callers check <see cref="Internal.Lanes8.IsSupported"/>.
/// </summary>
[SkipLocalsInit]
internal static unsafe class Fp12Columns
{
    /// <summary>Fp per Fp12 column operand.</summary>
    public const int Size = 96;

    private const int S = Fp2Columns.Size;
    private const int S6 = 3 * S;

    /// <summary>r = a² (complex squaring: t = c0·c1, (c0 + c1)(c0 + v·c1) − t − v·t, 2t).</summary>
    public static void Square(Fp* a, Fp* r)
    {
        Fp* w = stackalloc Fp[4 * S6];
        Fp* t = w, s = w + S6, s2 = w + 2 * S6, vt = w + 3 * S6;
        Fp6Mul(a, a + S6, t);
        Fp6Add(a, a + S6, s);
        Fp6MulByV(a + S6, s2);
        Fp6Add(a, s2, s2);
        Fp6Mul(s, s2, s);
        Fp6Sub(s, t, s);
        Fp6MulByV(t, vt);
        Fp6Sub(s, vt, r);
        Fp6Add(t, t, r + S6);
    }

    /// <summary>r = a·(l0 + l3·w + l4·w³), the lines given as three Fp2 column operands.</summary>
    public static void MulBy034(Fp* a, Fp* l0, Fp* l3, Fp* l4, Fp* r)
    {
        Fp* w = stackalloc Fp[3 * S6 + S];
        Fp* t0 = w, t1 = w + S6, s = w + 2 * S6, d0 = w + 3 * S6;
        Fp2Columns.Mul(a, l0, t0);
        Fp2Columns.Mul(a + S, l0, t0 + S);
        Fp2Columns.Mul(a + 2 * S, l0, t0 + 2 * S);
        Fp6MulBy01(a + S6, l3, l4, t1);
        Fp6Add(a, a + S6, s);
        Fp2Columns.Add(l0, l3, d0);
        Fp6MulBy01(s, d0, l4, s);
        Fp6Sub(s, t0, s);
        Fp6Sub(s, t1, r + S6);
        Fp6MulByV(t1, t1);
        Fp6Add(t0, t1, r);
    }

    /// <summary>Reads column k as an Fp12.</summary>
    public static Fp12 Get(Fp* a, int k) => new(
        new Fp6(Fp2Columns.Get(a, k), Fp2Columns.Get(a + S, k), Fp2Columns.Get(a + 2 * S, k)),
        new Fp6(Fp2Columns.Get(a + 3 * S, k), Fp2Columns.Get(a + 4 * S, k), Fp2Columns.Get(a + 5 * S, k)));

    /// <summary>Sets every column to one.</summary>
    public static void SetOne(Fp* a)
    {
        Unsafe.InitBlock(a, 0, Size * (uint)sizeof(Fp));
        Fp2Columns.Broadcast(a, Fp2.One);
    }

    private static void Fp6Add(Fp* a, Fp* b, Fp* r)
    {
        Fp2Columns.Add(a, b, r);
        Fp2Columns.Add(a + S, b + S, r + S);
        Fp2Columns.Add(a + 2 * S, b + 2 * S, r + 2 * S);
    }

    private static void Fp6Sub(Fp* a, Fp* b, Fp* r)
    {
        Fp2Columns.Sub(a, b, r);
        Fp2Columns.Sub(a + S, b + S, r + S);
        Fp2Columns.Sub(a + 2 * S, b + 2 * S, r + 2 * S);
    }

    // r = a·v = (ξ·a2, a0, a1).
    private static void Fp6MulByV(Fp* a, Fp* r)
    {
        Fp* x = stackalloc Fp[S];
        Fp2Columns.MulByNonResidue(a + 2 * S, x);
        Unsafe.CopyBlock(r + 2 * S, a + S, S * (uint)sizeof(Fp));
        Unsafe.CopyBlock(r + S, a, S * (uint)sizeof(Fp));
        Unsafe.CopyBlock(r, x, S * (uint)sizeof(Fp));
    }

    // Karatsuba, as Fp6.Mul; r may alias a or b.
    private static void Fp6Mul(Fp* a, Fp* b, Fp* r)
    {
        Fp* w = stackalloc Fp[8 * S];
        Fp* v0 = w, v1 = w + S, v2 = w + 2 * S, s = w + 3 * S, t = w + 4 * S;
        Fp* c0 = w + 5 * S, c1 = w + 6 * S, c2 = w + 7 * S;
        Fp* a0 = a, a1 = a + S, a2 = a + 2 * S, b0 = b, b1 = b + S, b2 = b + 2 * S;
        Fp2Columns.Mul(a0, b0, v0);
        Fp2Columns.Mul(a1, b1, v1);
        Fp2Columns.Mul(a2, b2, v2);

        Fp2Columns.Add(a1, a2, s);
        Fp2Columns.Add(b1, b2, t);
        Fp2Columns.Mul(s, t, c0);
        Fp2Columns.Sub(c0, v1, c0);
        Fp2Columns.Sub(c0, v2, c0);
        Fp2Columns.MulByNonResidue(c0, c0);
        Fp2Columns.Add(c0, v0, c0);

        Fp2Columns.Add(a0, a1, s);
        Fp2Columns.Add(b0, b1, t);
        Fp2Columns.Mul(s, t, c1);
        Fp2Columns.Sub(c1, v0, c1);
        Fp2Columns.Sub(c1, v1, c1);
        Fp2Columns.MulByNonResidue(v2, s);
        Fp2Columns.Add(c1, s, c1);

        Fp2Columns.Add(a0, a2, s);
        Fp2Columns.Add(b0, b2, t);
        Fp2Columns.Mul(s, t, c2);
        Fp2Columns.Sub(c2, v0, c2);
        Fp2Columns.Sub(c2, v2, c2);
        Fp2Columns.Add(c2, v1, c2);
        Unsafe.CopyBlock(r, c0, S6 * (uint)sizeof(Fp));
    }

    // a·(b0 + b1·v), as Fp6.MulBy01; r may alias a.
    private static void Fp6MulBy01(Fp* a, Fp* b0, Fp* b1, Fp* r)
    {
        Fp* w = stackalloc Fp[7 * S];
        Fp* v0 = w, v1 = w + S, s = w + 2 * S, t = w + 3 * S;
        Fp* c0 = w + 4 * S, c1 = w + 5 * S, c2 = w + 6 * S;
        Fp2Columns.Mul(a, b0, v0);
        Fp2Columns.Mul(a + S, b1, v1);
        Fp2Columns.Mul(a + 2 * S, b1, c0);
        Fp2Columns.MulByNonResidue(c0, c0);
        Fp2Columns.Add(c0, v0, c0);
        Fp2Columns.Add(a, a + S, s);
        Fp2Columns.Add(b0, b1, t);
        Fp2Columns.Mul(s, t, c1);
        Fp2Columns.Sub(c1, v0, c1);
        Fp2Columns.Sub(c1, v1, c1);
        Fp2Columns.Mul(a + 2 * S, b0, c2);
        Fp2Columns.Add(c2, v1, c2);
        Unsafe.CopyBlock(r, c0, S6 * (uint)sizeof(Fp));
    }
}
