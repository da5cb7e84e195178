using System.Buffers;

namespace ZkInference.Field.Internal;

/// <summary>
/// Pippenger's bucket method over any curve field: for each c-bit window, points go into buckets by digit,
/// the buckets are summed as Σ j·Bⱼ with two running sums, and the window sums are combined by c doublings
/// each. Windows are independent, so they run in parallel. On G1, large inputs are first split by the GLV
/// endomorphism (<see cref="GlvDigits"/>): 2n points with 128-bit scalars.
/// </summary>
internal static unsafe class Pippenger<T> where T : unmanaged, IField<T>
{
    // Below this many points per window the shared inversion of batch-affine accumulation does not pay.
    private const int BatchAffineThreshold = 2048;

    // From this many points the GLV split pays for its φ(P) table (one product per point) and decomposition.
    private const int GlvThreshold = 1024;

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
        bool glv = typeof(T) == typeof(Fp) && (options.Glv ?? n >= GlvThreshold);
        int count = glv ? 2 * n : n, bits = glv ? GlvDigits.Bits : 255;
        int c = options.WindowBits is int forced ? Math.Clamp(forced, 2, 15) : ChooseWindow(count, bits);
        int windows = SignedDigits.WindowCount(c, bits);
        bool batchAffine = options.BatchAffine ?? count >= BatchAffineThreshold;
        int buckets = 1 << (c - 1);
        int batchSize = options.BatchSize ?? Math.Clamp(buckets / 8, 16, 512);
        int threads = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, Environment.ProcessorCount));

        short[] digits = ArrayPool<short>.Shared.Rent(windows * count);
        AffinePoint<T>[] phi = glv ? ArrayPool<AffinePoint<T>>.Shared.Rent(n) : [];
        JacobianPoint<T>[] sums = ArrayPool<JacobianPoint<T>>.Shared.Rent(windows);
        try
        {
            fixed (AffinePoint<T>* phiPointer = phi)
            {
                var job = new Job(points, glv ? phiPointer : null, digits, n, count, buckets, batchAffine, sums);
                if (threads == 1 || windows == 1)
                {
                    job.ComputeDigits(scalars, 0, n, c);
                    using var worker = new BucketWorker<T>(buckets, batchSize);
                    for (int w = 0; w < windows; w++) job.RunWindow(worker, w);
                }
                else
                {
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
                    int chunk = (n + threads - 1) / threads;
                    Parallel.For(0, threads, parallel, t => job.ComputeDigits(scalars, t * chunk, Math.Min(n, (t + 1) * chunk), c));
                    Parallel.For(0, windows, parallel,
                        () => new BucketWorker<T>(buckets, batchSize),
                        (w, _, worker) => { job.RunWindow(worker, w); return worker; },
                        worker => worker.Dispose());
                }
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
            ArrayPool<short>.Shared.Return(digits);
            if (glv) ArrayPool<AffinePoint<T>>.Shared.Return(phi);
            ArrayPool<JacobianPoint<T>>.Shared.Return(sums);
        }
    }

    /// <summary>The window for scalars of 255 bits (no GLV split).</summary>
    internal static int ChooseWindow(int n) => ChooseWindow(n, 255);

    /// <summary>
    /// The window minimising W·(n·add + 2^(c−1)·reduce) for W = ⌈bits/c⌉ windows: a bucket addition costs about
    /// 6 multiplications (batch-affine), the two running-sum additions of the reduction about 23.
    /// </summary>
    internal static int ChooseWindow(int n, int bits)
    {
        int best = 2;
        double bestCost = double.MaxValue;
        for (int c = 2; c <= 15; c++)
        {
            double cost = SignedDigits.WindowCount(c, bits) * (6.0 * n + 23.0 * (1 << (c - 1)));
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    /// <summary>The read-only inputs shared by the window tasks.</summary>
    private sealed class Job(AffinePoint<T>* points, AffinePoint<T>* phi, short[] digits, int n, int count, int buckets, bool batchAffine, JacobianPoint<T>[] sums)
    {
        public void ComputeDigits(Fr* scalars, int start, int end, int c)
        {
            if (phi != null) GlvDigits.Compute((AffinePoint<Fp>*)points, scalars, (AffinePoint<Fp>*)phi, start, end, n, c, digits);
            else SignedDigits.Compute(points, scalars, start, end, n, c, digits);
        }

        public void RunWindow(BucketWorker<T> worker, int w)
        {
            var windowDigits = new ReadOnlySpan<short>(digits, w * count, count);
            worker.Accumulate(points, phi, n, windowDigits, buckets, batchAffine);
            worker.Reduce(buckets, out sums[w]);
        }
    }
}
