using System.Diagnostics;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Field.Fft;
using ZkInference.Groth16;

namespace ZkInference.Bench;

/// <summary>
/// `quick &lt;what&gt;`: a few repetitions with wall time and process CPU time (the CPU time is far less
/// disturbed by other jobs on a shared machine than BenchmarkDotNet's wall clock). what = msm1 | msm2 | msmg2 |
/// fft1 | fft2 | pairing | tower | batchparts | smul | groupfft | verify | prove16 | phases | ops | msmtune | all.
/// </summary>
internal static class Quick
{
    public static int Run(string[] args)
    {
        string what = args.Length > 1 ? args[1] : "all";
        int reps = args.Length > 2 ? int.Parse(args[2]) : 5;
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        // Calibration: a dependent chain of Fr products, so other figures can be read in units of one product.
        Fr x = Fr.FromUInt64(3), y = Fr.FromUInt64(5);
        Time("Fr mul x 1,000,000 (calibration)", reps, () => { for (int i = 0; i < 1_000_000; i++) Fr.Mul(x, y, out x); });
        if (what is "ops")
        {
            const int n = 1 << 20;
            var a = new Fr[n]; var b = new Fr[n]; var rng = new Random(2);
            for (int i = 0; i < n; i++) { a[i] = Fr.Random(rng); b[i] = Fr.Random(rng); }
            Time("2^20 independent Fr mul", reps, () => { for (int i = 0; i < n; i++) Fr.Mul(a[i], b[i], out a[i]); });
            Time("2^20 Fr add+sub", reps, () => { for (int i = 0; i < n; i++) { Fr x = a[i], y = b[i]; Fr.Add(x, y, out a[i]); Fr.Sub(x, y, out b[i]); } });
            var d12 = EvaluationDomain.ForLogSize(12);
            var d20 = EvaluationDomain.ForLogSize(20);
            Time("256 x FFT 2^12 (in cache)", reps, () => { for (int i = 0; i < 256; i++) d12.Fft(a.AsSpan(i << 12, 1 << 12), false); });
            Time("FFT 2^20 1 thread", reps, () => d20.Fft(a, false));
            if (ZkInference.Field.Internal.Lanes8.IsSupported)
                Time("2^20 independent Fr mul, 8 lanes", reps, () => { unsafe { fixed (Fr* pa = a, pb = b) for (int i = 0; i < n; i += 8) Fr.Mul8(pa + i, pb + i, pa + i); } });
            Time("2^20 butterflies (same twiddle)", reps, () => { Fr w = b[5]; for (int i = 0; i < n / 2; i++) { Fr x = a[i], y = a[i + n / 2]; Fr.Add(x, y, out a[i]); Fr.Sub(x, y, out Fr d); Fr.Mul(d, w, out a[i + n / 2]); } });
        }
        if (what is "smul")
        {
            var rng = new Random(4);
            var g1 = new G1Jacobian[1024]; var g2 = new G2Jacobian[256]; var ks = new Fr[1024]; var r1 = new G1Jacobian[1024]; var r2 = new G2Jacobian[256];
            for (int i = 0; i < g1.Length; i++) { ks[i] = Fr.Random(rng); g1[i] = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)); }
            for (int i = 0; i < g2.Length; i++) g2[i] = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
            Time("1024 G1 scalar mul, one by one", reps, () => { for (int i = 0; i < g1.Length; i++) r1[i] = G1Jacobian.Multiply(g1[i], ks[i]); });
            Time("1024 G1 scalar mul, MultiplyMany", reps, () => G1Jacobian.MultiplyMany(g1, ks, r1));
            Time("256 G2 scalar mul, one by one", reps, () => { for (int i = 0; i < g2.Length; i++) r2[i] = G2Jacobian.Multiply(g2[i], ks[i]); });
            Time("256 G2 scalar mul, MultiplyMany", reps, () => G2Jacobian.MultiplyMany(g2, ks.AsSpan(0, 256), r2));
        }
        if (what is "groupfft")
        {
            // prepare phase2's pieces: batch multiplications (independent scalars, one scalar), the group IFFT.
            var rng = new Random(4);
            var ks = new Fr[4096];
            for (int i = 0; i < ks.Length; i++) ks[i] = Fr.Random(rng);
            var h1 = new G1Jacobian[8192];
            for (int i = 0; i < h1.Length; i++) h1[i] = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng));
            var h2 = new G2Jacobian[4096];
            for (int i = 0; i < h2.Length; i++) h2[i] = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
            Time("4096 G1 MultiplyMany", reps, () => G1Jacobian.MultiplyMany(h1.AsSpan(0, 4096), ks, h1.AsSpan(0, 4096)));
            Time("4096 G1 MultiplyMany, one scalar", reps, () => G1Jacobian.MultiplyMany(h1.AsSpan(0, 4096), ks[0], h1.AsSpan(0, 4096)));
            Time("4096 G2 MultiplyMany", reps, () => G2Jacobian.MultiplyMany(h2, ks, h2));
            Time("4096 G2 MultiplyMany, one scalar", reps, () => G2Jacobian.MultiplyMany(h2, ks[0], h2));
            Time("G1 group IFFT 2^13", reps, () => ZkInference.Groth16.Ptau.GroupFft.Inverse<G1Jacobian, ZkInference.Groth16.Ptau.G1Ops>(h1));
            Time("G2 group IFFT 2^12", reps, () => ZkInference.Groth16.Ptau.GroupFft.Inverse<G2Jacobian, ZkInference.Groth16.Ptau.G2Ops>(h2));
            return 0;
        }
        if (what is "msmtune")
        {
            QuickMsmTune.Run(reps, args.Length > 3 ? args[3] : "");
            return 0;
        }
        if (what is "msm1" or "msm2" or "msmg2" or "all")
        {
            var m = new MsmBenchmarks();
            m.Setup();
            if (what is "msm1" or "all") Time("G1 MSM 2^16, 1 thread", reps, () => m.G1_Msm_65536_1Thread());
            if (what is "msm2" or "all") Time("G1 MSM 2^16, all cores", reps, () => m.G1_Msm_65536_AllCores());
            if (what is "msmg2" or "all") Time("G2 MSM 2^12, all cores", reps, () => m.G2_Msm_4096_AllCores());
        }
        if (what is "pairing" or "all")
        {
            var rng = new Random(3);
            var ps = new G1Affine[4];
            var qs = new G2Affine[4];
            for (int i = 0; i < 4; i++)
            {
                ps[i] = (G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
                qs[i] = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            }
            Time("pairing x 20", reps, () => { for (int i = 0; i < 20; i++) _ = Pairing.Pair(ps[0], qs[0]); });
            Time("4-pair pairing check x 20", reps, () => { for (int i = 0; i < 20; i++) _ = Pairing.PairingCheck(ps, qs); });
        }
        if (what is "tower" && ZkInference.Field.Internal.Lanes8.IsSupported)
        {
            // Each tower routine's lane path against its scalar path, 10,000 dependent calls each.
            var rng = new Random(4);
            Fp12 a = Fp12.Random(rng), b = Fp12.Random(rng);
            Fp2 c0 = Fp2.Random(rng), c3 = Fp2.Random(rng), c4 = Fp2.Random(rng);
            const int k = 10_000;
            Time("Fp12 mul x 10^4, scalar", reps, () => { for (int i = 0; i < k; i++) Fp12.MulScalar(a, b, out a); });
            Time("Fp12 mul x 10^4, lanes", reps, () => { for (int i = 0; i < k; i++) Fp12Lanes.Mul(a, b, out a); });
            Time("Fp12 square x 10^4, scalar", reps, () => { for (int i = 0; i < k; i++) Fp12.SquareScalar(a, out a); });
            Time("Fp12 square x 10^4, lanes", reps, () => { for (int i = 0; i < k; i++) Fp12Lanes.Square(a, out a); });
            Time("cyclotomic square x 10^4, scalar", reps, () => { for (int i = 0; i < k; i++) Fp12.CyclotomicSquareScalar(a, out a); });
            Time("cyclotomic square x 10^4, lanes", reps, () => { for (int i = 0; i < k; i++) Fp12Lanes.CyclotomicSquare(a, out a); });
            Time("MulBy034 x 10^4, scalar", reps, () => { for (int i = 0; i < k; i++) Fp12.MulBy034Scalar(a, c0, c3, c4, out a); });
            Time("MulBy034 x 10^4, lanes", reps, () => { for (int i = 0; i < k; i++) Fp12Lanes.MulBy034(a, c0, c3, c4, out a); });
            // Column paths: eight at once.
            Fp[] col = GC.AllocateArray<Fp>(512, pinned: true);
            for (int i = 0; i < col.Length; i++) col[i] = Fp.Random(rng);
            unsafe
            {
                Fp* c = (Fp*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref col[0]);
                Time("8-column Fp add x 10^4", reps, () => { for (int i = 0; i < k; i++) FpColumns.Add(c, c + 8, c); });
                Time("8-column Fp mul x 10^4", reps, () => { for (int i = 0; i < k; i++) Fp.Mul8(c, c + 8, c); });
                Time("8-column Fp2 mul x 10^4", reps, () => { for (int i = 0; i < k; i++) Fp2Columns.Mul(c, c + 16, c); });
                Time("8-column line double x 10^4", reps, () => { for (int i = 0; i < k; i++) LineColumns.Double(c, c + 48); });
                Time("8-column Fp12 square x 10^4", reps, () => { for (int i = 0; i < k; i++) Fp12Columns.Square(c, c); });
                Time("8-column MulBy034 x 10^4", reps, () => { for (int i = 0; i < k; i++) Fp12Columns.MulBy034(c, c + 96, c + 112, c + 128, c); });
            }
        }
        if (what is "batchparts")
        {
            // Where a 64-proof batch verification spends its time.
            var g = new Groth16Benchmarks();
            g.Setup();
            Proof[] proofs = g.BatchProofs;
            var rng = new Random(5);
            Fr rho = Fr.FromBigInteger(new System.Numerics.BigInteger(Enumerable.Range(0, 16).Select(_ => (byte)rng.Next(256)).ToArray(), isUnsigned: true));
            Time("64 x B in G2 (subgroup check)", reps, () => { foreach (Proof p in proofs) _ = p.B.IsInSubgroup; });
            G2Affine[] bPoints = proofs.Select(p => p.B).ToArray();
            var inG2 = new bool[bPoints.Length];
            Time("64 B in G2, batch (AreInSubgroup)", reps, () => G2Affine.AreInSubgroup(bPoints, inG2));
            Time("64 x 128-bit G1 scalar mul", reps, () => { foreach (Proof p in proofs) _ = G1Jacobian.Multiply(G1Jacobian.FromAffine(p.A), rho); });
            G1Affine[] a = proofs.Select(p => p.A).ToArray();
            G2Affine[] b = proofs.Select(p => p.B).ToArray();
            Time("64-pair Miller loop", reps, () => _ = Pairing.MillerLoop(a, b));
            MillerLoopResult ml = Pairing.MillerLoop(a, b);
            Time("final exponentiation", reps, () => _ = Pairing.FinalExponentiation(ml));
            Gt gt = Pairing.FinalExponentiation(ml);
            Time("GT power by a 134-bit exponent", reps, () => Gt.Pow(gt, rho, out _));
            Fr[] rhos = Enumerable.Repeat(rho, 64).ToArray();
            Time("64-point G1 MSM", reps, () => _ = MultiExp.G1(a, rhos));
        }
        if (what is "verify" or "all")
        {
            var g = new Groth16Benchmarks();
            g.Setup();
            Time("Groth16 verify x 20", reps, () => { for (int i = 0; i < 20; i++) g.Groth16_Verify(); });
            Time("Groth16 batch-verify 64 proofs", reps, () => g.Groth16_BatchVerify64());
        }
        if (what is "fft1" or "fft2" or "all")
        {
            var f = new FftBenchmarks();
            f.Setup();
            if (what is "fft1" or "all") Time("Fr FFT 2^20, 1 thread", reps, f.Fft_2_20_1Thread);
            if (what is "fft2" or "all") Time("Fr FFT 2^20, all cores", reps, f.Fft_2_20);
        }
        if (what is "phases")
        {
            for (int i = 0; i < reps; i++)
            {
                try { QuickProvePhases.Run(Fixture("scale_2e16", "circuit_final.zkey"), Fixture("scale_2e16", "witness.wtns")); }
                catch (Groth16Exception) { Console.WriteLine("  (self-check of the dummy proof failed, as expected)"); }
            }
        }
        if (what is "prove16" or "all")
        {
            string zkey = Fixture("scale_2e16", "circuit_final.zkey");
            Fr[] w = WtnsFile.Read(Fixture("scale_2e16", "witness.wtns"));
            Time("prove 2^16 from the zkey path", reps, () => Prover.Prove(zkey, w));
        }
        return 0;
    }

    private static void Time(string label, int reps, Action body)
    {
        body(); // warm-up
        var wall = new List<double>();
        var cpu = new List<double>();
        var proc = Process.GetCurrentProcess();
        for (int i = 0; i < reps; i++)
        {
            proc.Refresh();
            TimeSpan c0 = proc.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            body();
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            proc.Refresh();
            wall.Add(ms);
            cpu.Add((proc.TotalProcessorTime - c0).TotalMilliseconds);
        }
        wall.Sort();
        cpu.Sort();
        Console.WriteLine($"{label,-34} wall median {wall[reps / 2],8:F1} ms (min {wall[0],8:F1})   CPU median {cpu[reps / 2],8:F1} ms (min {cpu[0],8:F1})");
    }

    private static string Fixture(string folder, string file)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "ZkInference.sln")))
                return Path.Combine(dir, "..", "shared", "fixtures", folder, file);
        throw new InvalidOperationException("no ZkInference.sln above the benchmark binary");
    }
}
