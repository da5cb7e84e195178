using System.Diagnostics;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Formats;

namespace ZkInference.Bench;

/// <summary>`quick phases`: the streaming prover's steps on the 2^16 fixture, each timed (wall and process CPU).</summary>
internal static class QuickProvePhases
{
    public static void Run(string zkeyPath, string wtnsPath)
    {
        var proc = Process.GetCurrentProcess();
        TimeSpan c0 = default;
        long t0 = 0;
        void Start() { proc.Refresh(); c0 = proc.TotalProcessorTime; t0 = Stopwatch.GetTimestamp(); }
        void Stop(string what)
        {
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            proc.Refresh();
            Console.WriteLine($"  {what,-28} wall {ms,8:F1} ms   CPU {(proc.TotalProcessorTime - c0).TotalMilliseconds,8:F1} ms   RSS {proc.WorkingSet64 >> 20} MiB (peak {proc.PeakWorkingSet64 >> 20})  managed {GC.GetTotalMemory(false) >> 20} MiB");
            Start();
        }
        Start();
        Fr[] w = WtnsFile.Read(wtnsPath);
        Stop("read witness");
        using BinFile f = BinFile.Open(zkeyPath, ZkeyFile.Magic, ZkeyFile.Version, ZkeyFile.Version);
        ProvingKey header = ZkeyFile.ReadHeader(f);
        int n = header.VariableCount, nPub = header.PublicCount, domain = header.DomainSize;
        Stop("header");
        Fr[] a = new Fr[domain], b = new Fr[domain];
        using (var reader = new ZkeyCoefficientReader(f, n, domain, raw: false))
        {
            while (reader.TryNext(out ZkeyCoefficient c))
            {
                Fr[] target = c.Matrix == QapMatrix.A ? a : b;
                Fr.Mul(c.Value, w[c.Signal], out Fr term);
                Fr.Add(target[c.Constraint], term, out target[c.Constraint]);
            }
        }
        Stop("coefficients");
        Fr[] p = QapEvaluator.OddCosetQuotientFromEvaluations(header.DomainPower, a, b);
        Stop("QAP FFTs");
        // The order and the shared buffer of StreamingProver: H first, then A, B1, B2 (in the same buffer), C.
        var g1 = new G1Affine[Math.Max(2 * n, domain)];
        f.OpenSection((int)ZkeySection.PointsH, "H points", (long)domain * G1Affine.SizeInBytes);
        PointArrays.ReadG1(f, g1, domain, "H");
        Stop("read H");
        MultiExp.G1(g1.AsSpan(0, domain), p);
        Stop("MSM H");
        foreach (var (section, count, what) in new[] { (ZkeySection.PointsA, n, "A"), (ZkeySection.PointsB1, n, "B1") })
        {
            f.OpenSection((int)section, what + " points", (long)count * G1Affine.SizeInBytes);
            PointArrays.ReadG1(f, g1, count, what);
            Stop($"read {what}");
            MultiExp.G1(g1.AsSpan(0, count), w);
            Stop($"MSM {what}");
        }
        f.OpenSection((int)ZkeySection.PointsB2, "B2 points", (long)n * G2Affine.SizeInBytes);
        PointArrays.ReadG2Into(f, g1, n, "B2", checkSubgroup: false);
        Stop("read B2");
        MultiExp.G2(System.Runtime.InteropServices.MemoryMarshal.Cast<G1Affine, G2Affine>(g1.AsSpan())[..n], w);
        Stop("MSM B2");
        f.OpenSection((int)ZkeySection.PointsC, "C points", (long)(n - nPub - 1) * G1Affine.SizeInBytes);
        PointArrays.ReadG1(f, g1, n - nPub - 1, "C");
        Stop("read C");
        MultiExp.G1(g1.AsSpan(0, n - nPub - 1), w.AsSpan(nPub + 1));
        Stop("MSM C");
        var proof = Prover.Assemble(header, w, default, default, default, default, default, Fr.One, Fr.One);
        Stop("assemble");
        Prover.SelfCheck(header, proof);  // fails (zero MSMs) but is timed: catch
    }
}
