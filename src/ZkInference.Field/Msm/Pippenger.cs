using System.Buffers;
using System.Runtime.InteropServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Pippenger's bucket method over any curve field: for each c-bit window, points go into buckets by digit,
/// the buckets are summed as Σ j·Bⱼ with two running sums, and the window sums are combined by c doublings
/// each. Windows are independent, so they run in parallel.
/// </summary>
internal static unsafe class Pippenger<T> where T : unmanaged, IField<T>
{
    // Below this many points per window the shared inversion of batch-affine accumulation does not pay; with
    // eight-lane products it pays from ≈ 256 points (`quick msmtune 5 small`: equal at 128–256, −27 % at 512).
    private const int BatchAffineThreshold = 2048, BatchAffineThresholdLanes = 256;

    public static void Run(AffinePoint<T>* points, Fr* scalars, int n, MsmOptions options, out JacobianPoint<T> result)
    {
        result = JacobianPoint<T>.Infinity;
        if (n == 0) return;
        if (n == 1)
        {
            // A single product: the scalar-multiplication path is far cheaper than a bucket pass.
            if (points[0].IsInfinity || scalars[0].IsZero) return;
            Span<ulong> k = stackalloc ulong[4];
            Scalars.ToLimbs(scalars[0], k);
            JacobianPoint<T>.FromAffine(points[0].X, points[0].Y, out JacobianPoint<T> p);
            Wnaf.Multiply(p, k, out result);
            return;
        }
        int c = options.WindowBits is int forced ? Math.Clamp(forced, 2, 15) : ChooseWindow(n);
        int windows = SignedDigits.WindowCount(c);
        int buckets = 1 << (c - 1);
        bool lanes = (options.Lanes ?? true) && FieldLanes<T>.IsSupported;
        bool batchAffine = options.BatchAffine ?? n >= (lanes ? BatchAffineThresholdLanes : BatchAffineThreshold);
        // Larger batches share the inversion more widely but defer more same-bucket points; with the lanes the
        // additions are cheap enough that the inversion weighs more, and buckets/4 measured best (c 11–13).
        int batchSize = options.BatchSize ?? Math.Clamp(buckets / (lanes ? 4 : 8), 16, lanes ? 1024 : 512);
        int threads = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, Environment.ProcessorCount));

        // The digits (windows·n shorts, 2.9 MB for 2^16 points) live in native memory, freed on return: a pooled
        // array would stay resident after the MSM (rounded up to the next power of two) and an array per call
        // would wait for a full collection, either way adding megabytes to the prover's peak memory.
        long digitCount = (long)windows * n;
        short* digits = (short*)NativeMemory.Alloc((nuint)digitCount, sizeof(short));
        JacobianPoint<T>[] sums = ArrayPool<JacobianPoint<T>>.Shared.Rent(windows);
        try
        {
            var job = new Job(points, digits, n, buckets, batchAffine, sums);
            if (threads == 1 || windows == 1)
            {
                SignedDigits.Compute(points, scalars, 0, n, n, c, digits);
                using var worker = new BucketWorker<T>(buckets, batchSize, lanes);
                for (int w = 0; w < windows; w++) job.RunWindow(worker, w);
            }
            else
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
                int chunk = (n + threads - 1) / threads;
                Parallel.For(0, threads, parallel, t =>
                    SignedDigits.Compute(points, scalars, t * chunk, Math.Min(n, (t + 1) * chunk), n, c, digits));
                Parallel.For(0, windows, parallel,
                    () => new BucketWorker<T>(buckets, batchSize, lanes),
                    (w, _, worker) => { job.RunWindow(worker, w); return worker; },
                    worker => worker.Dispose());
            }
            // Horner over the windows: S = Σ 2^(c·w)·S_w.
            JacobianPoint<T> acc = sums[windows - 1];
            for (int w = windows - 2; w >= 0; w--)
            {
                for (int i = 0; i < c; i++) JacobianPoint<T>.Double(acc, out acc);
                JacobianPoint<T>.Add(acc, sums[w], out acc);
            }
            result = acc;
        }
        finally
        {
            NativeMemory.Free(digits);
            ArrayPool<JacobianPoint<T>>.Shared.Return(sums);
        }
    }

    /// <summary>
    /// The window minimising W·(n·add + 2^(c−1)·reduce) for W = ⌈255/c⌉ windows: a bucket addition costs about
    /// 6 multiplications (batch-affine), the two running-sum additions of the reduction about 23.
    /// </summary>
    internal static int ChooseWindow(int n)
    {
        int best = 2;
        double bestCost = double.MaxValue;
        for (int c = 2; c <= 15; c++)
        {
            double cost = SignedDigits.WindowCount(c) * (6.0 * n + 23.0 * (1 << (c - 1)));
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    /// <summary>The read-only inputs shared by the window tasks.</summary>
    private sealed class Job(AffinePoint<T>* points, short* digits, int n, int buckets, bool batchAffine, JacobianPoint<T>[] sums)
    {
        public void RunWindow(BucketWorker<T> worker, int w)
        {
            var windowDigits = new ReadOnlySpan<short>(digits + (long)w * n, n);
            worker.Accumulate(points, windowDigits, buckets, batchAffine);
            worker.Reduce(buckets, out sums[w]);
        }
    }
}
