using AtomicFile = ZkInference.Groth16.Formats.AtomicFile;
using System.Buffers.Binary;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;
using ZkInference.Circuit.Formats;

namespace ZkInference.Groth16.Ptau;

/// <summary>The hashes a contribution prints: its response hash and the challenge for the next contributor.</summary>
/// <param name="ResponseHash">BLAKE2b of the previous challenge, the compressed new points and the public key.</param>
/// <param name="NextChallenge">BLAKE2b of the response hash and the uncompressed new points.</param>
public sealed record PtauContributionResult(byte[] ResponseHash, byte[] NextChallenge);

/// <summary>
/// Powers of tau in snarkjs's .ptau format: a new accumulator, contributions and beacons with proofs of
/// knowledge that snarkjs verifies. Files stream section by section in chunks; outputs are written
/// atomically (temporary file, then rename).
/// </summary>
public static partial class PowersOfTau
{
    private const int ChunkPoints = 1 << 14;

    /// <summary>Writes a fresh accumulator of the given power (all points generators, no contributions); returns the first challenge hash.</summary>
    /// <exception cref="Groth16Exception">The power is outside 1..28 or the file cannot be written.</exception>
    public static byte[] New(int power, string path)
    {
        if (power < 1 || power > PtauFile.MaxPower) throw new Groth16Exception($"powersoftau new: power {power} is out of range (1..{PtauFile.MaxPower})");
        long n = 1L << power;
        AtomicFile.Write(path, fs =>
        {
            var w = new BinFileWriter(fs, "ptau", 1, 7);
            WriteHeader(w, power);
            byte[] g1 = new byte[64], g2 = new byte[128];
            G1Affine.Generator.WriteMontgomeryLittleEndian(g1);
            G2Affine.Generator.WriteMontgomeryLittleEndian(g2);
            WriteRepeated(w, PtauFile.SectionTauG1, g1, 2 * n - 1);
            WriteRepeated(w, PtauFile.SectionTauG2, g2, n);
            WriteRepeated(w, PtauFile.SectionAlphaTauG1, g1, n);
            WriteRepeated(w, PtauFile.SectionBetaTauG1, g1, n);
            WriteRepeated(w, PtauFile.SectionBetaG2, g2, 1);
            w.BeginSection(PtauFile.SectionContributions, 4);
            w.WriteUInt32(0);
            w.Complete();
            return 0;
        });
        return PtauHashing.FirstChallengeHash(power);
    }

    /// <summary>Adds a contribution with τ, α, β drawn from fresh randomness mixed with <paramref name="entropy"/> (snarkjs's derivation).</summary>
    /// <exception cref="Groth16Exception">The input is malformed or truncated, or the output cannot be written.</exception>
    public static PtauContributionResult Contribute(string input, string output, string? name, string entropy, IProgress<double>? progress = null)
    {
        using PtauFile file = PtauFile.Open(input);
        CheckContributable(file);
        PtauKey key = PtauKey.Create(file.LastChallenge(), SnarkjsRandom.FromEntropy(entropy));
        return Apply(file, output, key, name, 0, null, 0, progress);
    }

    /// <summary>Adds a beacon contribution: the key comes from SHA-256 iterated 2^<paramref name="numIterationsExp"/> times on the beacon hash.</summary>
    /// <exception cref="Groth16Exception">The input is malformed, the beacon is invalid, or the output cannot be written.</exception>
    public static PtauContributionResult Beacon(string input, string output, string? name, byte[] beaconHash, int numIterationsExp, IProgress<double>? progress = null)
    {
        if (beaconHash.Length == 0 || beaconHash.Length > 255) throw new Groth16Exception("powersoftau beacon: the beacon hash must be 1..255 bytes");
        if (numIterationsExp < 10 || numIterationsExp > 63) throw new Groth16Exception($"powersoftau beacon: numIterationsExp {numIterationsExp} must be between 10 and 63");
        using PtauFile file = PtauFile.Open(input);
        CheckContributable(file);
        PtauKey key = PtauKey.Create(file.LastChallenge(), SnarkjsRandom.FromBeacon(beaconHash, numIterationsExp));
        return Apply(file, output, key, name, 1, beaconHash, numIterationsExp, progress);
    }

    private static void CheckContributable(PtauFile file)
    {
        if (file.Power != file.CeremonyPower) file.Fail("has been reduced (power below the ceremony power); contributions must go into the full file");
    }

    internal static PtauContributionResult Apply(PtauFile file, string output, PtauKey key, string? name, int type, byte[]? beaconHash, int exp, IProgress<double>? progress)
    {
        int power = file.Power;
        long n = 1L << power;
        byte[] challenge = file.LastChallenge();
        Fr tau = key.Tau.Secret!.Value, alpha = key.Alpha.Secret!.Value, beta = key.Beta.Secret!.Value;
        var sections = new (int Id, PointCodec Codec, long Count, Fr First)[]
        {
            (PtauFile.SectionTauG1, PointCodec.G1, 2 * n - 1, Fr.One),
            (PtauFile.SectionTauG2, PointCodec.G2, n, Fr.One),
            (PtauFile.SectionAlphaTauG1, PointCodec.G1, n, alpha),
            (PtauFile.SectionBetaTauG1, PointCodec.G1, n, beta),
            (PtauFile.SectionBetaG2, PointCodec.G2, 1, beta),
        };
        long totalPoints = sections.Sum(s => s.Count), done = 0;
        return AtomicFile.Write(output, fs =>
        {
            var w = new BinFileWriter(fs, "ptau", 1, 7);
            WriteHeader(w, power);
            var response = new Blake2b();
            response.Update(challenge);
            var starts = new long[sections.Length];
            var firsts = new List<byte[]>();
            for (int si = 0; si < sections.Length; si++)
            {
                var (id, codec, count, first) = sections[si];
                w.BeginSection(id, count * codec.Size);
                starts[si] = fs.Position;
                Fr t = first;
                for (long i = 0; i < count; i += ChunkPoints)
                {
                    int m = (int)Math.Min(ChunkPoints, count - i);
                    var scalars = new Fr[m];
                    for (int j = 0; j < m; j++) { scalars[j] = t; Fr.Mul(t, tau, out t); }
                    byte[] inBytes = file.ReadRaw(id, i * codec.Size, m * codec.Size);
                    byte[] outBytes = new byte[inBytes.Length], comp = new byte[m * codec.CompressedSize];
                    if (!codec.Apply(inBytes, scalars, outBytes, comp)) file.Fail($"section {id} has a point that is not on the curve or not in the subgroup");
                    fs.Write(outBytes);
                    response.Update(comp);
                    if (i == 0) firsts.Add(outBytes[..Math.Min(outBytes.Length, 2 * codec.Size)]);
                    done += m;
                    progress?.Report(0.9 * done / totalPoints);
                }
            }
            byte[] partial = response.ExportPartialState();
            var pk = new byte[PtauKey.PublicKeySize];
            key.WritePublicKey(pk, montgomery: false);
            response.Update(pk);
            byte[] responseHash = response.Digest();

            var next = new Blake2b();
            next.Update(responseHash);
            for (int si = 0; si < sections.Length; si++)
            {
                var (_, codec, count, _) = sections[si];
                for (long i = 0; i < count; i += ChunkPoints)
                {
                    int m = (int)Math.Min(ChunkPoints, count - i);
                    var lem = new byte[m * codec.Size];
                    fs.Position = starts[si] + i * codec.Size;
                    fs.ReadExactly(lem);
                    var u = new byte[lem.Length];
                    codec.ToUncompressed(lem, m, u);
                    next.Update(u);
                }
            }
            fs.Seek(0, SeekOrigin.End);
            byte[] nextChallenge = next.Digest();
            G1Affine.TryReadMontgomeryLittleEndian(firsts[0].AsSpan(64, 64), out G1Affine tauG1);
            G2Affine.TryReadMontgomeryLittleEndian(firsts[1].AsSpan(128, 128), out G2Affine tauG2, checkSubgroup: false);
            G1Affine.TryReadMontgomeryLittleEndian(firsts[2].AsSpan(0, 64), out G1Affine alphaG1);
            G1Affine.TryReadMontgomeryLittleEndian(firsts[3].AsSpan(0, 64), out G1Affine betaG1);
            G2Affine.TryReadMontgomeryLittleEndian(firsts[4].AsSpan(0, 128), out G2Affine betaG2, checkSubgroup: false);
            var contribution = new PtauContribution
            {
                TauG1 = tauG1, TauG2 = tauG2, AlphaG1 = alphaG1, BetaG1 = betaG1, BetaG2 = betaG2,
                Key = key, PartialHash = partial, NextChallenge = nextChallenge, Type = type, Name = name,
                NumIterationsExp = exp, BeaconHash = beaconHash,
            };
            byte[] section7 = PtauContribution.SectionBytes([.. file.Contributions, contribution]);
            w.BeginSection(PtauFile.SectionContributions, section7.Length);
            w.WriteBytes(section7);
            w.Complete();
            progress?.Report(1.0);
            return new PtauContributionResult(responseHash, nextChallenge);
        });
    }

    internal static void WriteHeader(BinFileWriter w, int power)
    {
        w.BeginSection(PtauFile.SectionHeader, 44);
        w.WriteUInt32(32);
        var q = new byte[32];
        Fp.Modulus.TryWriteBytes(q, out _, isUnsigned: true, isBigEndian: false);
        w.WriteBytes(q);
        w.WriteUInt32((uint)power);
        w.WriteUInt32((uint)power);
    }

    private static void WriteRepeated(BinFileWriter w, int section, byte[] item, long count)
    {
        w.BeginSection(section, count * item.Length);
        const int Block = 4096;
        byte[] big = new byte[item.Length * Block];
        for (int i = 0; i < Block; i++) item.CopyTo(big, i * item.Length);
        for (; count >= Block; count -= Block) w.WriteBytes(big);
        w.WriteBytes(big.AsSpan(0, (int)count * item.Length));
    }

    internal static uint ReadU32(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadUInt32LittleEndian(b);
}
