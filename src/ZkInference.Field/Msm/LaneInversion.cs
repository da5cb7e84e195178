using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Montgomery's batch inversion with eight-lane products (callers check <see cref="Lanes8.IsSupported"/>):
/// eight interleaved chains (lane k takes elements k, k + 8, …), so every step forward and back is one
/// <see cref="Fp.Mul8"/>, and the eight chain totals are inverted together (one inversion, 21 products).
/// Fp2 goes through Fp: 1/d = conj(d)/N(d) with the norm N(d) = d0² + d1² in Fp, so its chains cost a third
/// of Fp2 chains and only the final conj(d)·N⁻¹ touches both halves (two Fp products, no Fp2 arithmetic).
/// </summary>
[SkipLocalsInit]
internal static unsafe class LaneInversion
{
    /// <summary>values[j] ← 1/values[j] for j &lt; count (a multiple of 8, all non-zero); prefix holds count elements of scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(Fp* values, Fp* prefix, int count)
    {
        Fp* acc = stackalloc Fp[8];
        Fp* scratch = stackalloc Fp[8];
        for (int k = 0; k < 8; k++) acc[k] = Fp.One;
        for (int j = 0; j < count; j += 8)
        {
            Unsafe.CopyBlockUnaligned(prefix + j, acc, 8 * (uint)sizeof(Fp));
            Fp.Mul8(acc, values + j, acc);
        }
        InvertEight(acc, scratch);
        for (int j = count - 8; j >= 0; j -= 8)
        {
            // 1/v = (product of the chain's earlier values)·(product up to v)⁻¹; then drop v from the inverse.
            Fp.Mul8(prefix + j, acc, scratch);
            Fp.Mul8(acc, values + j, acc);
            Unsafe.CopyBlockUnaligned(values + j, scratch, 8 * (uint)sizeof(Fp));
        }
    }

    /// <summary>values[j] ← 1/values[j] for j &lt; count (a multiple of 8, all non-zero); scratch holds count elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(Fp2* values, Fp2* scratch, int count)
    {
        // Read as Fp, eight Fp2 are sixteen (d0, d1) halves: two lane products square them all in place.
        Fp* norms = (Fp*)scratch, prefix = norms + count;
        Fp* squares = stackalloc Fp[16];
        Fp* factor = stackalloc Fp[16];
        for (int j = 0; j < count; j += 8)
        {
            Fp* d = (Fp*)(values + j);
            Fp.Mul8(d, d, squares);
            Fp.Mul8(d + 8, d + 8, squares + 8);
            for (int k = 0; k < 8; k++) Fp.Add(squares[2 * k], squares[2 * k + 1], out norms[j + k]);
        }
        Invert(norms, prefix, count);
        for (int j = 0; j < count; j += 8)
        {
            Fp* d = (Fp*)(values + j);
            for (int k = 0; k < 8; k++) factor[2 * k] = factor[2 * k + 1] = norms[j + k];
            Fp.Mul8(d, factor, d);
            Fp.Mul8(d + 8, factor + 8, d + 8);
            for (int k = 0; k < 8; k++) Fp.Neg(d[2 * k + 1], out d[2 * k + 1]);
        }
    }

    /// <summary>values[k] ← 1/values[k] for eight non-zero values, by the scalar Montgomery trick (scratch: eight elements).</summary>
    public static void InvertEight<T>(T* values, T* scratch) where T : unmanaged, IField<T>
    {
        T acc = values[0];
        scratch[0] = acc;
        for (int k = 1; k < 8; k++)
        {
            FieldOps<T>.Mul(acc, values[k], out acc);
            scratch[k] = acc;
        }
        T.Inverse(acc, out T inv);
        for (int k = 7; k > 0; k--)
        {
            FieldOps<T>.Mul(inv, scratch[k - 1], out T inverse);
            FieldOps<T>.Mul(inv, values[k], out inv);
            values[k] = inverse;
        }
        values[0] = inv;
    }
}
