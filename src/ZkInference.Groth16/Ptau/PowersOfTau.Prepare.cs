using AtomicFile = ZkInference.Groth16.Formats.AtomicFile;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;
using ZkInference.Circuit.Formats;

namespace ZkInference.Groth16.Ptau;

public static partial class PowersOfTau
{
    /// <summary>
    /// snarkjs's <c>powersoftau prepare phase2</c>: copies sections 1–7 and adds the Lagrange bases of every
    /// level (sections 12–15), each the inverse FFT over curve points of the first 2^k powers (tauG1 also
    /// gets level power+1, its last power taken as zero).
    /// </summary>
    /// <exception cref="Groth16Exception">The input is malformed or the output cannot be written.</exception>
    public static void PreparePhase2(string input, string output, IProgress<double>? progress = null)
    {
        using PtauFile file = PtauFile.Open(input);
        int power = file.Power;
        long n = 1L << power;
        double total = 3.0 * (4 * n) + 3 * (2 * n) * 3, done = 0; // rough work units (G2 weighs three)
        AtomicFile.Write(output, fs =>
        {
            var w = new BinFileWriter(fs, "ptau", 1, 11);
            WriteHeader(w, power);
            foreach (int id in new[] { 2, 3, 4, 5, 6, 7 })
            {
                long size = id switch { 2 => (2 * n - 1) * 64, 3 => n * 128, 4 or 5 => n * 64, 6 => 128, _ => -1 };
                byte[]? all = id == 7 ? file.ReadSection(7, "contributions") : null;
                w.BeginSection(id, all?.Length ?? size);
                if (all != null) { w.WriteBytes(all); continue; }
                for (long off = 0; off < size; off += 1 << 22)
                    w.WriteBytes(file.ReadRaw(id, off, (int)Math.Min(1 << 22, size - off)));
            }
            void Step(double units) { done += units; progress?.Report(Math.Min(1, done / total)); }
            // Each section is read (and checked) once; every level is a prefix of it.
            var g1 = new G1Affine[2 * n];
            file.ReadG1(PtauFile.SectionTauG1, 0, g1.AsSpan(0, (int)(2 * n - 1)));
            w.BeginSection(PtauFile.SectionLagrangeTauG1, (4 * n - 1) * 64);
            for (int p = 0; p <= power + 1; p++) { WriteLagrangeG1(g1, fs, p); Step(1 << p); }
            var g2 = new G2Affine[n];
            file.ReadG2(PtauFile.SectionTauG2, 0, g2);
            w.BeginSection(PtauFile.SectionLagrangeTauG2, (2 * n - 1) * 128);
            for (int p = 0; p <= power; p++) { WriteLagrangeG2(g2, fs, p); Step(3 << p); }
            g2 = [];
            file.ReadG1(PtauFile.SectionAlphaTauG1, 0, g1.AsSpan(0, (int)n));
            w.BeginSection(PtauFile.SectionLagrangeAlphaTauG1, (2 * n - 1) * 64);
            for (int p = 0; p <= power; p++) { WriteLagrangeG1(g1, fs, p); Step(1 << p); }
            file.ReadG1(PtauFile.SectionBetaTauG1, 0, g1.AsSpan(0, (int)n));
            w.BeginSection(PtauFile.SectionLagrangeBetaTauG1, (2 * n - 1) * 64);
            for (int p = 0; p <= power; p++) { WriteLagrangeG1(g1, fs, p); Step(1 << p); }
            w.Complete();
            return 0;
        });
        progress?.Report(1);
    }

    // Level k: the first 2^k points of `powers` (the last entry of tauG1's top level is the zero left in the array).
    private static void WriteLagrangeG1(G1Affine[] powers, Stream output, int level)
    {
        int m = 1 << level;
        var aff = powers[..m];
        var jac = new G1Jacobian[m];
        Parallel.For(0, m, Parallelism.Cores, i => jac[i] = G1Jacobian.FromAffine(aff[i]));
        GroupFft.Inverse<G1Jacobian, G1Ops>(jac);
        ToAffineParallel(jac, aff);
        var bytes = new byte[m * 64];
        for (int i = 0; i < m; i++) aff[i].WriteMontgomeryLittleEndian(bytes.AsSpan(i * 64, 64));
        output.Write(bytes);
    }

    private static void WriteLagrangeG2(G2Affine[] powers, Stream output, int level)
    {
        int m = 1 << level;
        var aff = powers[..m];
        var jac = new G2Jacobian[m];
        Parallel.For(0, m, Parallelism.Cores, i => jac[i] = G2Jacobian.FromAffine(aff[i]));
        GroupFft.Inverse<G2Jacobian, G2Ops>(jac);
        ToAffineParallel(jac, aff);
        var bytes = new byte[m * 128];
        for (int i = 0; i < m; i++) aff[i].WriteMontgomeryLittleEndian(bytes.AsSpan(i * 128, 128));
        output.Write(bytes);
    }

    internal static void ToAffineParallel(G1Jacobian[] jac, G1Affine[] aff)
    {
        const int B = 4096;
        Parallel.For(0, (jac.Length + B - 1) / B, Parallelism.Cores, b =>
        {
            int s = b * B, e = Math.Min(jac.Length, s + B);
            G1Jacobian.BatchToAffine(jac.AsSpan(s, e - s), aff.AsSpan(s, e - s));
        });
    }

    internal static void ToAffineParallel(G2Jacobian[] jac, G2Affine[] aff)
    {
        const int B = 2048;
        Parallel.For(0, (jac.Length + B - 1) / B, Parallelism.Cores, b =>
        {
            int s = b * B, e = Math.Min(jac.Length, s + B);
            G2Jacobian.BatchToAffine(jac.AsSpan(s, e - s), aff.AsSpan(s, e - s));
        });
    }
}
