using ZkInference.Field;
using ZkInference.Field.Fft;

namespace ZkInference.Groth16.Ptau;

/// <summary>Group operations the point FFT needs, implemented for G1 and G2 Jacobian points.</summary>
internal interface IGroupOps<T> where T : struct
{
    static abstract void AddSubtractMany(Span<T> a, Span<T> b);
    static abstract void MultiplyMany(ReadOnlySpan<T> points, ReadOnlySpan<Fr> scalars, Span<T> results);
    static abstract void MultiplyMany(ReadOnlySpan<T> points, in Fr scalar, Span<T> results);
}

internal readonly struct G1Ops : IGroupOps<G1Jacobian>
{
    public static void AddSubtractMany(Span<G1Jacobian> a, Span<G1Jacobian> b) => G1Jacobian.AddSubtractMany(a, b);
    public static void MultiplyMany(ReadOnlySpan<G1Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results) => G1Jacobian.MultiplyMany(points, scalars, results);
    public static void MultiplyMany(ReadOnlySpan<G1Jacobian> points, in Fr scalar, Span<G1Jacobian> results) => G1Jacobian.MultiplyMany(points, scalar, results);
}

internal readonly struct G2Ops : IGroupOps<G2Jacobian>
{
    public static void AddSubtractMany(Span<G2Jacobian> a, Span<G2Jacobian> b) => G2Jacobian.AddSubtractMany(a, b);
    public static void MultiplyMany(ReadOnlySpan<G2Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results) => G2Jacobian.MultiplyMany(points, scalars, results);
    public static void MultiplyMany(ReadOnlySpan<G2Jacobian> points, in Fr scalar, Span<G2Jacobian> results) => G2Jacobian.MultiplyMany(points, scalar, results);
}

/// <summary>
/// The inverse FFT over curve points: yⱼ = (1/n)·Σᵢ ω^(−ij)·Pᵢ, which turns the powers τⁱ·G into the
/// Lagrange basis Lⱼ(τ)·G of the size-n domain (ω as in <see cref="EvaluationDomain"/>, which is the
/// root snarkjs uses). Radix-2 decimation in time; butterflies of a stage run in parallel, their scalar
/// multiplications batched (<see cref="G1Jacobian.MultiplyMany(ReadOnlySpan{G1Jacobian}, ReadOnlySpan{Fr}, Span{G1Jacobian})"/>) and their
/// sums and differences formed eight at a time (<see cref="G1Jacobian.AddSubtractMany"/>); twiddle 1 costs no multiplication.
/// </summary>
/// <remarks>
/// The 1/n costs only log₂n + 1 extra multiplications. Output j of the last stage is u + ω^(−k)·v, where u is
/// the transform of the first half of the (bit-reversed) array and v that of the second; (1/n)·(u + ω^(−k)·v)
/// needs u already scaled, while the v side just takes the twiddle ω^(−k)/n. The same holds one stage down
/// for the first half, so only group 0 of every stage (the butterflies whose u descends from element 0)
/// carries the scale: its twiddles are ω^(−k)/n, including k = 0, and element 0 itself is multiplied by 1/n in
/// the first stage. Folding 1/n into the last stage alone would cost n/2 multiplications.
/// <para>
/// A stage's butterflies are taken twiddle by twiddle (k-major), so the n/len groups of a stage that share
/// ω^(−k) sit side by side and go eight at a time through the one-scalar multiplication
/// (<see cref="G1Jacobian.MultiplyMany(ReadOnlySpan{G1Jacobian}, in Fr, Span{G1Jacobian})"/>), which is
/// cheaper than eight independent ones; that covers the early stages, where each twiddle serves many groups.
/// The rest (the last stages' distinct twiddles and group 0's scaled ones) go through the independent batch.
/// </para>
/// </remarks>
internal static class GroupFft
{
    private const int ParallelBlock = 64;

    public static void Inverse<T, TOps>(Span<T> values) where T : struct where TOps : IGroupOps<T>
    {
        int n = values.Length;
        if (n <= 1) return;
        int log = System.Numerics.BitOperations.Log2((uint)n);
        EvaluationDomain domain = EvaluationDomain.ForLogSize(log);
        BitReverse(values, log);
        // twiddles[k] = ω^(−k), k < n/2
        var twiddles = new Fr[n / 2];
        Fr w = Fr.One;
        for (int k = 0; k < n / 2; k++) { twiddles[k] = w; Fr.Mul(w, domain.GeneratorInverse, out w); }
        Fr nInv = domain.SizeInverse;
        T[] a = values.ToArray();
        for (int len = 2; len <= n; len <<= 1)
        {
            int half = len >> 1, groups = n / len;
            int butterflies = n / 2;
            int blocks = (butterflies + ParallelBlock - 1) / ParallelBlock;
            Parallel.For(0, blocks, Parallelism.Cores, b => Block<T, TOps>(a, twiddles, nInv, b * ParallelBlock, Math.Min(butterflies, (b + 1) * ParallelBlock), half, len, groups));
        }
        a.CopyTo(values);
    }

    // Butterflies [from, to) of one stage, butterfly t being twiddle k = t / groups of group t % groups. Their
    // scalar multiplications are gathered first: runs of one twiddle through the one-scalar multiplication,
    // eight at a time, everything else through the independent batch; then the sums and differences are formed.
    // Group 0 carries the 1/n scale (see the remarks above).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Block<T, TOps>(T[] a, Fr[] twiddles, Fr nInv, int from, int to, int half, int len, int groups)
        where T : struct where TOps : IGroupOps<T>
    {
        const int Capacity = ParallelBlock + 1;
        T[] points = System.Buffers.ArrayPool<T>.Shared.Rent(2 * Capacity);
        Fr[] scalars = System.Buffers.ArrayPool<Fr>.Shared.Rent(2 * Capacity);
        int[] keys = System.Buffers.ArrayPool<int>.Shared.Rent(2 * Capacity);
        int m = 0;
        for (int t = from; t < to; t++)
        {
            int k = t / groups, group = t % groups;
            int j = group * len + k + half;
            if (group == 0)
            {
                if (len == 2) { points[m] = a[0]; keys[m] = -1; scalars[m++] = nInv; }
                points[m] = a[j]; keys[m] = -1; Fr.Mul(twiddles[k * groups], nInv, out scalars[m++]);
            }
            else if (k != 0)
            {
                points[m] = a[j]; keys[m] = k; scalars[m++] = twiddles[k * groups];
            }
        }
        Multiply<T, TOps>(points, scalars, keys, m, Capacity);
        // The butterflies' u and v side by side, combined eight at a time, and written back.
        int count = to - from, next = 0;
        T[] us = System.Buffers.ArrayPool<T>.Shared.Rent(count), vs = System.Buffers.ArrayPool<T>.Shared.Rent(count);
        for (int t = from; t < to; t++)
        {
            int k = t / groups, group = t % groups;
            int i = group * len + k, j = i + half;
            us[t - from] = group == 0 && len == 2 ? points[next++] : a[i];
            vs[t - from] = group == 0 || k != 0 ? points[next++] : a[j];
        }
        TOps.AddSubtractMany(us.AsSpan(0, count), vs.AsSpan(0, count));
        for (int t = from; t < to; t++)
        {
            int k = t / groups, group = t % groups;
            int i = group * len + k;
            a[i] = us[t - from];
            a[i + half] = vs[t - from];
        }
        System.Buffers.ArrayPool<T>.Shared.Return(us);
        System.Buffers.ArrayPool<T>.Shared.Return(vs);
        System.Buffers.ArrayPool<T>.Shared.Return(points);
        System.Buffers.ArrayPool<Fr>.Shared.Return(scalars);
        System.Buffers.ArrayPool<int>.Shared.Return(keys);
    }

    // points[i] ← scalars[i]·points[i] for i < m. Entries with the same key ≥ 0 are consecutive and share their
    // scalar; whole eights of such a run use the one-scalar multiplication, and the remaining entries are
    // gathered at [spare, spare + count) for one independent batch and scattered back.
    private static void Multiply<T, TOps>(T[] points, Fr[] scalars, int[] keys, int m, int spare)
        where T : struct where TOps : IGroupOps<T>
    {
        int[] rest = System.Buffers.ArrayPool<int>.Shared.Rent(m);
        int count = 0;
        for (int s = 0; s < m;)
        {
            int e = s + 1;
            if (keys[s] >= 0)
                while (e < m && keys[e] == keys[s]) e++;
            int shared = keys[s] >= 0 ? (e - s) & ~7 : 0;
            if (shared > 0) TOps.MultiplyMany(points.AsSpan(s, shared), scalars[s], points.AsSpan(s, shared));
            for (int i = s + shared; i < e; i++) rest[count++] = i;
            s = e;
        }
        for (int c = 0; c < count; c++) { points[spare + c] = points[rest[c]]; scalars[spare + c] = scalars[rest[c]]; }
        TOps.MultiplyMany(points.AsSpan(spare, count), scalars.AsSpan(spare, count), points.AsSpan(spare, count));
        for (int c = 0; c < count; c++) points[rest[c]] = points[spare + c];
        System.Buffers.ArrayPool<int>.Shared.Return(rest);
    }

    private static void BitReverse<T>(Span<T> a, int log)
    {
        int n = a.Length;
        for (int i = 0; i < n; i++)
        {
            int j = (int)(ReverseBits((uint)i) >> (32 - log));
            if (j > i) (a[i], a[j]) = (a[j], a[i]);
        }
    }

    private static uint ReverseBits(uint x)
    {
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
        x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
        return (x >> 16) | (x << 16);
    }
}
