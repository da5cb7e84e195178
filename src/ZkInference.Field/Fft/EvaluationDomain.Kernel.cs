using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Fft;

// The radix-2 kernel: decimation in frequency (natural order in, bit-reversed out), then one
// bit-reversal pass. The first stages of a large transform split its butterflies across cores; after a
// stage the two halves are independent transforms of half the size, recursed into depth first, so
// once a half fits in cache (BlockSize) all its remaining stages run there.
public sealed partial class EvaluationDomain
{
    // 2^12 elements = 128 KiB: a block and its twiddles stay in L2 for all its stages.
    private const int BlockSize = 1 << 12;

    private unsafe void Transform(Fr* a, Fr[] twiddles, bool parallel)
    {
        if (Size == 1) return;
        int depth = parallel ? BitOperations.Log2((uint)Environment.ProcessorCount - 1) + 1 : 0;
        fixed (Fr* tw = twiddles) Dif(a, Size, tw, 1, depth);
        BitReverse(a, parallel);
    }

    // One DIF transform of size n over a[0..n), with ωₙ^j = tw[j·stride].
    private static unsafe void Dif(Fr* a, int n, Fr* tw, int stride, int depth)
    {
        if (n <= BlockSize)
        {
            DifIterative(a, n, tw, stride);
            return;
        }
        if (depth > 0)
        {
            DifParallel((nint)a, n, (nint)tw, stride, depth);
            return;
        }
        int half = n >> 1;
        Butterflies(a, half, tw, stride, 0, half);
        Dif(a, half, tw, stride << 1, 0);
        Dif(a + half, half, tw, stride << 1, 0);
    }

    // The parallel levels, apart so that the sequential path allocates no closure.
    private static unsafe void DifParallel(nint pa, int n, nint ptw, int stride, int depth)
    {
        int half = n >> 1;
        int chunks = Math.Min(half / 1024, 4 * Environment.ProcessorCount);
        int per = half / chunks;
        Parallel.For(0, chunks, c => Butterflies((Fr*)pa, half, (Fr*)ptw, stride, c * per, c == chunks - 1 ? half : (c + 1) * per));
        Parallel.Invoke(
            () => Dif((Fr*)pa, half, (Fr*)ptw, stride << 1, depth - 1),
            () => Dif((Fr*)pa + half, half, (Fr*)ptw, stride << 1, depth - 1));
    }

    // (a[j], a[j + half]) → (a[j] + a[j + half], (a[j] − a[j + half])·ω^j) for j in [from, to).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Butterflies(Fr* a, int half, Fr* tw, int stride, int from, int to)
    {
        if (Lanes8.IsSupported && to - from >= 8)
        {
            ButterfliesLanes(a, half, tw, stride, from, to);
            return;
        }
        Fr* b = a + half;
        int j = from;
        if (j == 0)
        {
            Fr x = a[0], y = b[0];
            Fr.Add(x, y, out a[0]);
            Fr.Sub(x, y, out b[0]);
            j = 1;
        }
        for (; j < to; j++)
        {
            Fr x = a[j], y = b[j];
            Fr.Add(x, y, out a[j]);
            Fr.Sub(x, y, out Fr d);
            Fr.Mul(d, tw[(long)j * stride], out b[j]);
        }
    }

    // The same butterflies eight at a time in vector registers (FrVec8): sums, differences and the products
    // by the twiddles all in lanes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static unsafe void ButterfliesLanes(Fr* a, int half, Fr* tw, int stride, int from, int to)
    {
        Fr* b = a + half;
        Fr* w = stackalloc Fr[8];
        int j = from;
        for (; j + 8 <= to; j += 8)
        {
            Fr* wj = tw + j;
            if (stride != 1)
            {
                for (int k = 0; k < 8; k++) w[k] = tw[(long)(j + k) * stride];
                wj = w;
            }
            FrVec8.Load(a + j, out FrVec8 x);
            FrVec8.Load(b + j, out FrVec8 y);
            FrVec8.Load(wj, out FrVec8 t);
            FrVec8.Add(x, y, out FrVec8 sum);
            sum.Store(a + j);
            FrVec8.Sub(x, y, out FrVec8 d);
            FrVec8.Mul(d, t, out d);
            d.Store(b + j);
        }
        for (; j < to; j++)
        {
            Fr x = a[j], y = b[j];
            Fr.Add(x, y, out a[j]);
            Fr.Sub(x, y, out Fr e);
            Fr.Mul(e, tw[(long)j * stride], out b[j]);
        }
    }

    // All stages of a transform of size n ≤ BlockSize, breadth first (it is in cache).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void DifIterative(Fr* a, int n, Fr* tw, int stride)
    {
        for (int half = n >> 1, s = stride; half >= 1; half >>= 1, s <<= 1)
        {
            if (half < 8 && Lanes8.IsSupported && n >= 16)
            {
                SmallStageLanes(a, n, half, tw, s);
                continue;
            }
            for (Fr* block = a; block < a + n; block += 2 * half)
                Butterflies(block, half, tw, s, 0, half);
        }
    }

    // A stage whose blocks hold fewer than eight butterflies (half = 4, 2, 1). Butterfly 0 of every block
    // has twiddle 1 and needs no product; the others are collected across blocks into groups of eight
    // for one Fr.Mul8, whose results are then written back to their places.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static unsafe void SmallStageLanes(Fr* a, int n, int half, Fr* tw, int stride)
    {
        Fr* d = stackalloc Fr[8];
        Fr* w = stackalloc Fr[8];
        Fr** target = stackalloc Fr*[8];
        int count = 0;
        for (Fr* block = a; block < a + n; block += 2 * half)
        {
            Fr* b = block + half;
            Fr x0 = block[0], y0 = b[0];
            Fr.Add(x0, y0, out block[0]);
            Fr.Sub(x0, y0, out b[0]);
            for (int j = 1; j < half; j++)
            {
                Fr x = block[j], y = b[j];
                Fr.Add(x, y, out block[j]);
                Fr.Sub(x, y, out d[count]);
                w[count] = tw[(long)j * stride];
                target[count] = b + j;
                if (++count == 8)
                {
                    Fr.Mul8(d, w, d);
                    for (int k = 0; k < 8; k++) *target[k] = d[k];
                    count = 0;
                }
            }
        }
        for (int k = 0; k < count; k++) Fr.Mul(d[k], w[k], out *target[k]);
    }

    private unsafe void BitReverse(Fr* a, bool parallel)
    {
        if (parallel) BitReverseParallel((nint)a, Size, 32 - LogSize);
        else SwapRange(a, 32 - LogSize, 0, Size);
    }

    private static unsafe void BitReverseParallel(nint pa, int n, int shift)
    {
        int chunks = 4 * Environment.ProcessorCount, per = n / chunks;
        Parallel.For(0, chunks, c => SwapRange((Fr*)pa, shift, c * per, c == chunks - 1 ? n : (c + 1) * per));
    }

    // Swaps a[i] and a[rev(i)] for i in [from, to) with i < rev(i); disjoint pairs, so ranges can run in parallel.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void SwapRange(Fr* a, int shift, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            int j = (int)(ReverseBits((uint)i) >> shift);
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        return BinaryPrimitives.ReverseEndianness(v);
    }

    // a[i] = start·stepⁱ (overwrite) or a[i] ·= start·stepⁱ, for i < n.
    private static unsafe void Distribute(Fr* a, int n, Fr start, Fr step, bool overwrite, bool parallel)
    {
        if (!parallel || n < 2 * DistributeChunk)
        {
            DistributeRange(a, 0, n, start, step, overwrite);
            return;
        }
        DistributeParallel((nint)a, n, start, step, overwrite);
    }

    private const int DistributeChunk = 1 << 12;

    private static unsafe void DistributeParallel(nint pa, int n, Fr start, Fr step, bool overwrite)
    {
        const int minChunk = DistributeChunk;
        int chunks = Math.Min(4 * Environment.ProcessorCount, n / minChunk), per = n / chunks;
        Span<ulong> exponent = stackalloc ulong[1] { (ulong)per };
        Fr.Pow(step, exponent, out Fr stepToChunk);
        Parallel.For(0, chunks, c =>
        {
            Span<ulong> e = stackalloc ulong[1] { (ulong)c };
            Fr.Pow(stepToChunk, e, out Fr first);
            Fr.Mul(first, start, out first);
            DistributeRange((Fr*)pa, c * per, c == chunks - 1 ? n : (c + 1) * per, first, step, overwrite);
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static unsafe void DistributeRange(Fr* a, int from, int to, Fr first, Fr step, bool overwrite)
    {
        Fr acc = first;
        int i = from;
        if (Lanes8.IsSupported && to - from >= 16)
        {
            // Eight interleaved chains: lane k holds first·step^(i − from + k) and advances by step⁸.
            Fr* scratch = stackalloc Fr[8];
            scratch[0] = first;
            for (int k = 1; k < 8; k++) Fr.Mul(scratch[k - 1], step, out scratch[k]);
            FrVec8.Load(scratch, out FrVec8 powers);
            Fr.Square(step, out Fr s8);
            Fr.Square(s8, out s8);
            Fr.Square(s8, out s8);
            for (int k = 0; k < 8; k++) scratch[k] = s8;
            FrVec8.Load(scratch, out FrVec8 step8);
            for (; i + 8 <= to; i += 8)
            {
                if (overwrite) powers.Store(a + i);
                else
                {
                    FrVec8.Load(a + i, out FrVec8 x);
                    FrVec8.Mul(x, powers, out x);
                    x.Store(a + i);
                }
                FrVec8.Mul(powers, step8, out powers);
            }
            powers.Store(scratch);
            acc = scratch[0];
        }
        for (; i < to; i++)
        {
            if (overwrite) a[i] = acc;
            else Fr.Mul(a[i], acc, out a[i]);
            Fr.Mul(acc, step, out acc);
        }
    }
}
