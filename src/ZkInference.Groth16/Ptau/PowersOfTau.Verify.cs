using ZkInference.Field;
using ZkInference.Field.Fft;
using ZkInference.Groth16.Ceremony;

namespace ZkInference.Groth16.Ptau;

/// <summary>What a successful <see cref="PowersOfTau.Verify"/> found.</summary>
/// <param name="Power">The file's power.</param>
/// <param name="Prepared">Whether the Lagrange sections were present (and checked).</param>
/// <param name="Contributions">The contributions, oldest first, each checked.</param>
public sealed record PtauVerification(int Power, bool Prepared, IReadOnlyList<PtauContribution> Contributions);

public static partial class PowersOfTau
{
    /// <summary>
    /// Verifies a .ptau file as snarkjs does: every contribution's proofs of knowledge and its link to the
    /// previous one (beacons recomputed), the last contribution against the file's points, the powers'
    /// consistency (random linear combinations and one multi-pairing per group), the transcript hash, and,
    /// for prepared files, every Lagrange level (random combination against its FFT).
    /// </summary>
    /// <exception cref="Groth16Exception">The file is malformed or does not verify; the message says what failed.</exception>
    public static PtauVerification Verify(string path, IProgress<double>? progress = null)
    {
        using PtauFile file = PtauFile.Open(path);
        if (file.Contributions.Count == 0) file.Fail("has no contributions; it cannot be used in production");
        var initial = new PtauContribution
        {
            TauG1 = G1Affine.Generator, TauG2 = G2Affine.Generator, AlphaG1 = G1Affine.Generator, BetaG1 = G1Affine.Generator,
            BetaG2 = G2Affine.Generator, Key = null!, PartialHash = [], NextChallenge = PtauHashing.FirstChallengeHash(file.CeremonyPower),
        };
        for (int i = 0; i < file.Contributions.Count; i++)
            VerifyContribution(file, file.Contributions[i], i == 0 ? initial : file.Contributions[i - 1], i + 1);
        progress?.Report(0.1);
        PtauContribution last = file.Contributions[^1];
        PtauSectionChecks.VerifyPowers(file, last, progress);
        if (file.IsPrepared) PtauSectionChecks.VerifyLagrange(file, progress);
        progress?.Report(1);
        return new PtauVerification(file.Power, file.IsPrepared, file.Contributions);
    }

    private static void VerifyContribution(PtauFile file, PtauContribution cur, PtauContribution prev, int id)
    {
        string who = $"contribution #{id}{(cur.Name is null ? "" : $" ({cur.Name})")}";
        if (cur.Type == 1)
        {
            PtauKey expected = PtauKey.Create(prev.NextChallenge, SnarkjsRandom.FromBeacon(cur.BeaconHash!, cur.NumIterationsExp));
            foreach (var (a, b, name) in new[] { (cur.Key.Tau, expected.Tau, "tau"), (cur.Key.Alpha, expected.Alpha, "alpha"), (cur.Key.Beta, expected.Beta, "beta") })
                if (a.G1S != b.G1S || a.G1SX != b.G1SX || a.G2SPX != b.G2SPX) file.Fail($"{who}: the beacon key ({name}) is not the one the beacon parameters generate");
        }
        cur.Key.ComputeG2Sp(prev.NextChallenge);
        if (!SameRatio(cur.Key.Tau.G1S, cur.Key.Tau.G1SX, cur.Key.Tau.G2SP, cur.Key.Tau.G2SPX)) file.Fail($"{who}: invalid proof of knowledge of tau");
        if (!SameRatio(cur.Key.Alpha.G1S, cur.Key.Alpha.G1SX, cur.Key.Alpha.G2SP, cur.Key.Alpha.G2SPX)) file.Fail($"{who}: invalid proof of knowledge of alpha");
        if (!SameRatio(cur.Key.Beta.G1S, cur.Key.Beta.G1SX, cur.Key.Beta.G2SP, cur.Key.Beta.G2SPX)) file.Fail($"{who}: invalid proof of knowledge of beta");
        if (!SameRatio(prev.TauG1, cur.TauG1, cur.Key.Tau.G2SP, cur.Key.Tau.G2SPX)) file.Fail($"{who}: tau*G1 does not follow the previous contribution");
        if (!SameRatio(cur.Key.Tau.G1S, cur.Key.Tau.G1SX, prev.TauG2, cur.TauG2)) file.Fail($"{who}: tau*G2 does not follow the previous contribution");
        if (!SameRatio(prev.AlphaG1, cur.AlphaG1, cur.Key.Alpha.G2SP, cur.Key.Alpha.G2SPX)) file.Fail($"{who}: alpha*G1 does not follow the previous contribution");
        if (!SameRatio(prev.BetaG1, cur.BetaG1, cur.Key.Beta.G2SP, cur.Key.Beta.G2SPX)) file.Fail($"{who}: beta*G1 does not follow the previous contribution");
        if (!SameRatio(cur.Key.Beta.G1S, cur.Key.Beta.G1SX, prev.BetaG2, cur.BetaG2)) file.Fail($"{who}: beta*G2 does not follow the previous contribution");
    }

    /// <summary>e(a, d) = e(b, c), with none of the points at infinity.</summary>
    internal static bool SameRatio(in G1Affine a, in G1Affine b, in G2Affine c, in G2Affine d)
    {
        if (a.IsInfinity || b.IsInfinity || c.IsInfinity || d.IsInfinity) return false;
        return Pairing.PairingCheck([a, b.Negate()], [d, c]);
    }
}
