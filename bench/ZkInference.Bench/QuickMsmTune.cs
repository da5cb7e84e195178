using System.Diagnostics;
using ZkInference.Field;

namespace ZkInference.Bench;

/// <summary>
/// `quick msmtune [reps]`: G1 and G2 MSM 2^16 on one thread over window widths and batch sizes, lanes on and
/// off (process CPU time, min over reps), to check Pippenger's window and batch choice.
/// </summary>
internal static class QuickMsmTune
{
    public static void Run(int reps, string only)
    {
        const int n = 1 << 16;
        var rng = new Random(1);
        var scalars = new Fr[n];
        for (int i = 0; i < n; i++) scalars[i] = Fr.Random(rng);
        if (only is "small")
        {
            // Where batch-affine accumulation starts to pay (Pippenger's BatchAffineThreshold).
            var jac = new G1Jacobian[4096];
            G1Jacobian step = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)), current = step;
            for (int i = 0; i < jac.Length; i++) { jac[i] = current; current += step; }
            var points = new G1Affine[jac.Length];
            G1Jacobian.BatchToAffine(jac, points);
            foreach (int size in new[] { 64, 128, 256, 512, 1024, 2048 })
            {
                double jacobian = Cpu(reps, () => { for (int r = 0; r < 8; r++) MultiExp.G1(points.AsSpan(0, size), scalars.AsSpan(0, size), new MsmOptions { MaxDegreeOfParallelism = 1, BatchAffine = false }); });
                double affine = Cpu(reps, () => { for (int r = 0; r < 8; r++) MultiExp.G1(points.AsSpan(0, size), scalars.AsSpan(0, size), new MsmOptions { MaxDegreeOfParallelism = 1, BatchAffine = true }); });
                Console.WriteLine($"G1 n {size,5} x 8, 1 thread: Jacobian buckets {jacobian,7:F1} ms CPU, batch-affine {affine,7:F1} ms CPU");
            }
            return;
        }
        if (only is "" or "g1")
        {
            var jac = new G1Jacobian[n];
            G1Jacobian step = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)), current = step;
            for (int i = 0; i < n; i++) { jac[i] = current; current += step; }
            var points = new G1Affine[n];
            G1Jacobian.BatchToAffine(jac, points);
            Sweep("G1", reps, o => MultiExp.G1(points, scalars, o));
        }
        if (only is "" or "g2")
        {
            var jac = new G2Jacobian[n];
            G2Jacobian step = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng)), current = step;
            for (int i = 0; i < n; i++) { jac[i] = current; current += step; }
            var points = new G2Affine[n];
            G2Jacobian.BatchToAffine(jac, points);
            Sweep("G2", reps, o => MultiExp.G2(points, scalars, o));
        }
    }

    private static void Sweep(string group, int reps, Action<MsmOptions> msm)
    {
        Console.WriteLine($"{group} 2^16, 1 thread: default {Cpu(reps, () => msm(new MsmOptions { MaxDegreeOfParallelism = 1 })),7:F1} ms CPU, "
            + $"without lanes {Cpu(reps, () => msm(new MsmOptions { MaxDegreeOfParallelism = 1, Lanes = false })),7:F1} ms CPU; "
            + $"all cores {Cpu(reps, () => msm(MsmOptions.Default)),7:F1} ms CPU");
        foreach (int c in new[] { 10, 11, 12, 13 })
            foreach (int divisor in new[] { 8, 4, 2 })
            {
                int batch = Math.Max(16, (1 << (c - 1)) / divisor);
                var options = new MsmOptions { MaxDegreeOfParallelism = 1, WindowBits = c, BatchAffine = true, BatchSize = batch };
                Console.WriteLine($"  c {c,2} batch {batch,5}: {Cpu(reps, () => msm(options)),7:F1} ms CPU");
            }
    }

    private static double Cpu(int reps, Action body)
    {
        body();
        var proc = Process.GetCurrentProcess();
        double best = double.MaxValue;
        for (int i = 0; i < reps; i++)
        {
            proc.Refresh();
            TimeSpan c0 = proc.TotalProcessorTime;
            body();
            proc.Refresh();
            best = Math.Min(best, (proc.TotalProcessorTime - c0).TotalMilliseconds);
        }
        return best;
    }
}
