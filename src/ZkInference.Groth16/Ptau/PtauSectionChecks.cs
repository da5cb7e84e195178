using ZkInference.Field;
using ZkInference.Field.Fft;
using ZkInference.Groth16.Ceremony;

namespace ZkInference.Groth16.Ptau;

/// <summary>The section-level checks of ptau verification, streaming in chunks.</summary>
internal static class PtauSectionChecks
{
    private const int Chunk = 1 << 16;

    /// <summary>Checks the powers in sections 2–6 against the last contribution and the transcript hash.</summary>
    public static void VerifyPowers(PtauFile file, PtauContribution last, IProgress<double>? progress)
    {
        long n = 1L << file.Power;
        var next = new Blake2b();
        next.Update(last.ResponseHash());
        G1Jacobian r1 = G1Jacobian.Infinity, r2 = G1Jacobian.Infinity;
        var first = new G1Affine[2];
        foreach (var (id, count) in new[] { (PtauFile.SectionTauG1, 2 * n - 1), (PtauFile.SectionAlphaTauG1, n), (PtauFile.SectionBetaTauG1, n) })
        {
            if (id == PtauFile.SectionAlphaTauG1) HashG2Sections(file, next, n, out _);
            for (long s = 0; s < count - 1; s += Chunk)
            {
                int m = (int)Math.Min(Chunk + 1, count - s);
                var pts = new G1Affine[m];
                file.ReadG1(id, s, pts);
                if (s == 0) { first[0] = pts[0]; first[1] = pts[1]; }
                var u = new byte[(m - (s + m < count ? 1 : 0)) * 64];
                for (int i = 0; i < u.Length / 64; i++) PointEncoding.WriteUncompressed(pts[i], u.AsSpan(i * 64, 64));
                next.Update(u);
                var r = RandomScalars(m - 1);
                r1 += MultiExp.G1(pts.AsSpan(0, m - 1), r);
                r2 += MultiExp.G1(pts.AsSpan(1, m - 1), r);
            }
            string name = id == 2 ? "tauG1" : id == 4 ? "alphaTauG1" : "betaTauG1";
            if (id == PtauFile.SectionTauG1)
            {
                if (first[0] != G1Affine.Generator) file.Fail("the first element of tauG1 is not the generator");
                if (first[1] != last.TauG1) file.Fail("the second element of tauG1 does not match the last contribution");
            }
            else if (first[0] != (id == 4 ? last.AlphaG1 : last.BetaG1)) file.Fail($"the first element of {name} does not match the last contribution");
        }
        if (!PowersOfTau.SameRatio(r1.ToAffine(), r2.ToAffine(), G2Affine.Generator, last.TauG2)) file.Fail("the G1 powers (tauG1, alphaTauG1, betaTauG1) are not consistent powers of tau");
        progress?.Report(0.3);
        HashG2Sections(file, null, n, out (G2Jacobian R1, G2Jacobian R2, G2Affine First, G2Affine Second) g2);
        if (g2.First != G2Affine.Generator) file.Fail("the first element of tauG2 is not the generator");
        if (g2.Second != last.TauG2) file.Fail("the second element of tauG2 does not match the last contribution");
        if (!PowersOfTau.SameRatio(G1Affine.Generator, last.TauG1, g2.R1.ToAffine(), g2.R2.ToAffine())) file.Fail("the tauG2 powers are not consistent powers of tau");
        var beta = new G2Affine[1];
        file.ReadG2(PtauFile.SectionBetaG2, 0, beta);
        if (beta[0] != last.BetaG2) file.Fail("betaG2 does not match the last contribution");
        var bu = new byte[128];
        PointEncoding.WriteUncompressed(beta[0], bu);
        next.Update(bu);
        if (file.Power == file.CeremonyPower && !next.Digest().AsSpan().SequenceEqual(last.NextChallenge))
            file.Fail("the hash of the points does not match the next challenge of the last contribution");
        progress?.Report(0.5);
    }

    // Hashes tauG2 into `hasher` (when given) and returns the random-combination sums for the G2 powers.
    private static void HashG2Sections(PtauFile file, Blake2b? hasher, long n, out (G2Jacobian, G2Jacobian, G2Affine, G2Affine) result)
    {
        G2Jacobian r1 = G2Jacobian.Infinity, r2 = G2Jacobian.Infinity;
        G2Affine a = default, b = default;
        for (long s = 0; s < n - 1; s += Chunk)
        {
            int m = (int)Math.Min(Chunk + 1, n - s);
            var pts = new G2Affine[m];
            file.ReadG2(PtauFile.SectionTauG2, s, pts);
            if (s == 0) { a = pts[0]; b = pts[1]; }
            if (hasher != null)
            {
                var u = new byte[(m - (s + m < n ? 1 : 0)) * 128];
                for (int i = 0; i < u.Length / 128; i++) PointEncoding.WriteUncompressed(pts[i], u.AsSpan(i * 128, 128));
                hasher.Update(u);
                continue;
            }
            var r = RandomScalars(m - 1);
            r1 += MultiExp.G2(pts.AsSpan(0, m - 1), r);
            r2 += MultiExp.G2(pts.AsSpan(1, m - 1), r);
        }
        result = (r1, r2, a, b);
    }

    /// <summary>Checks every Lagrange level: Σ rᵢ·τⁱG = Σ FFT(r)ⱼ·Lⱼ(τ)G with random r.</summary>
    public static void VerifyLagrange(PtauFile file, IProgress<double>? progress)
    {
        int power = file.Power;
        G1Jacobian lhs1 = G1Jacobian.Infinity, rhs1 = G1Jacobian.Infinity;
        G2Jacobian lhs2 = G2Jacobian.Infinity, rhs2 = G2Jacobian.Infinity;
        foreach (var (tau, lag, top) in new[] { (2, 12, power + 1), (4, 14, power), (5, 15, power) })
            for (int p = 0; p <= top; p++)
            {
                int m = 1 << p;
                bool lastZero = p == power + 1;
                Fr[] r = RandomScalars(m);
                if (lastZero) r[m - 1] = Fr.Zero;
                var pts = new G1Affine[m];
                file.ReadG1(tau, 0, pts.AsSpan(0, lastZero ? m - 1 : m));
                lhs1 += MultiExp.G1(pts, r);
                EvaluationDomain.ForLogSize(p).Fft(r);
                file.ReadG1(lag, m - 1, pts);
                rhs1 += MultiExp.G1(pts, r);
            }
        if (lhs1 != rhs1) file.Fail("the Lagrange sections (12, 14 or 15) do not match the powers of tau");
        progress?.Report(0.8);
        for (int p = 0; p <= power; p++)
        {
            int m = 1 << p;
            Fr[] r = RandomScalars(m);
            var pts = new G2Affine[m];
            file.ReadG2(3, 0, pts);
            lhs2 += MultiExp.G2(pts, r);
            EvaluationDomain.ForLogSize(p).Fft(r);
            file.ReadG2(13, m - 1, pts);
            rhs2 += MultiExp.G2(pts, r);
        }
        if (lhs2 != rhs2) file.Fail("the Lagrange section 13 (tauG2) does not match the powers of tau");
    }

    private static Fr[] RandomScalars(int m)
    {
        var r = new Fr[m];
        for (int i = 0; i < m; i++) r[i] = Fr.RandomSecure();
        return r;
    }
}
