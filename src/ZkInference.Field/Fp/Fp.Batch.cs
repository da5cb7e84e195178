using ZkInference.Field.Internal;

namespace ZkInference.Field;

public readonly partial struct Fp
{
    /// <summary>
    /// r[i] = a[i]·b[i] for every i: eight products at a time in AVX-512 lanes where present (several times
    /// the throughput of one-by-one <see cref="Mul(in Fp, in Fp, out Fp)"/>), one by one otherwise.
    /// <paramref name="r"/> may be <paramref name="a"/> or <paramref name="b"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static unsafe void MulMany(ReadOnlySpan<Fp> a, ReadOnlySpan<Fp> b, Span<Fp> r)
    {
        if (a.Length != b.Length || a.Length != r.Length)
            throw new ArgumentException($"{a.Length}, {b.Length} and {r.Length} elements: the lengths must match");
        int i = 0;
        fixed (Fp* pa = a, pb = b, pr = r)
        {
            if (Lanes8.IsSupported)
                for (; i + 8 <= a.Length; i += 8) Mul8(pa + i, pb + i, pr + i);
            for (; i < a.Length; i++) Mul(pa[i], pb[i], out pr[i]);
        }
    }
}
