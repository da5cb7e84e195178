using System.Buffers.Binary;
using System.Numerics;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16.Ptau;

/// <summary>
/// An open .ptau file (snarkjs "ptau" v1): header, section sizes and contributions are read and checked
/// on open; points are read on demand, section by section, in chunks, each checked to be on the curve
/// (and, for G2, in the subgroup). Dispose to close the file.
/// </summary>
public sealed class PtauFile : IDisposable
{
    /// <summary>The largest power supported (BN254's Fr has 2-adicity 28).</summary>
    public const int MaxPower = 28;

    internal const int SectionHeader = 1, SectionTauG1 = 2, SectionTauG2 = 3, SectionAlphaTauG1 = 4, SectionBetaTauG1 = 5, SectionBetaG2 = 6, SectionContributions = 7;
    internal const int SectionLagrangeTauG1 = 12, SectionLagrangeTauG2 = 13, SectionLagrangeAlphaTauG1 = 14, SectionLagrangeBetaTauG1 = 15;

    private readonly BinFile _file;

    private PtauFile(BinFile file)
    {
        _file = file;
        byte[] header = file.ReadSectionBytes(SectionHeader, "header");
        if (header.Length != 4 + 32 + 8) file.Fail($"has a header of {header.Length} bytes; expected 44");
        uint n8 = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (n8 != 32) file.Fail($"declares {n8}-byte field elements; only BN254 (32) is supported");
        var q = new BigInteger(header.AsSpan(4, 32), isUnsigned: true, isBigEndian: false);
        if (q != Fp.Modulus) file.Fail($"is for the curve with q = {q}, not BN254 (bn128)");
        uint power = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(36));
        uint ceremonyPower = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40));
        if (power < 1 || power > MaxPower) file.Fail($"declares power {power}; it must be 1..{MaxPower}");
        if (ceremonyPower < power || ceremonyPower > MaxPower) file.Fail($"declares ceremony power {ceremonyPower} below its power {power} or above {MaxPower}");
        Power = (int)power;
        CeremonyPower = (int)ceremonyPower;
        long n = 1L << Power;
        file.ExpectSectionSize(SectionTauG1, "tauG1", (2 * n - 1) * 64);
        file.ExpectSectionSize(SectionTauG2, "tauG2", n * 128);
        file.ExpectSectionSize(SectionAlphaTauG1, "alphaTauG1", n * 64);
        file.ExpectSectionSize(SectionBetaTauG1, "betaTauG1", n * 64);
        file.ExpectSectionSize(SectionBetaG2, "betaG2", 128);
        Contributions = PtauContribution.ParseSection(file.ReadSectionBytes(SectionContributions, "contributions"), m => file.Fail(m));
        int lagrange = new[] { 12, 13, 14, 15 }.Count(file.HasSection);
        if (lagrange is not 0 and not 4) file.Fail("has only some of the phase-2 sections 12..15");
        IsPrepared = lagrange == 4;
        if (IsPrepared)
        {
            file.ExpectSectionSize(SectionLagrangeTauG1, "Lagrange tauG1", (4 * n - 1) * 64);
            file.ExpectSectionSize(SectionLagrangeTauG2, "Lagrange tauG2", (2 * n - 1) * 128);
            file.ExpectSectionSize(SectionLagrangeAlphaTauG1, "Lagrange alphaTauG1", (2 * n - 1) * 64);
            file.ExpectSectionSize(SectionLagrangeBetaTauG1, "Lagrange betaTauG1", (2 * n - 1) * 64);
        }
    }

    /// <summary>Opens and checks a .ptau file.</summary>
    /// <exception cref="Groth16Exception">The file is missing, malformed, truncated or not for BN254.</exception>
    public static PtauFile Open(string path)
    {
        BinFile file = BinFile.Open(path, "ptau", 1);
        try { return new PtauFile(file); }
        catch { file.Dispose(); throw; }
    }

    /// <summary>The path the file was opened from.</summary>
    public string Path => _file.FileName;

    /// <summary>log2 of the number of τ powers in G2 (tauG1 holds 2^(p+1)−1 powers).</summary>
    public int Power { get; }

    /// <summary>The power of the ceremony the file comes from (above <see cref="Power"/> when truncated).</summary>
    public int CeremonyPower { get; }

    /// <summary>Whether the phase-2 Lagrange sections 12..15 are present.</summary>
    public bool IsPrepared { get; }

    /// <summary>The contributions, oldest first.</summary>
    public IReadOnlyList<PtauContribution> Contributions { get; }

    /// <summary>Reads G1 points <paramref name="start"/>.. of a G1 section into <paramref name="destination"/>, checking each.</summary>
    public void ReadG1(int section, long start, Span<G1Affine> destination)
    {
        byte[] raw = ReadRaw(section, start * 64, destination.Length * 64);
        G1Affine[] tmp = new G1Affine[destination.Length];
        bool ok = true;
        Parallel.For(0, (destination.Length + 4095) / 4096, Parallelism.Cores, c =>
        {
            int end = Math.Min(tmp.Length, (c + 1) * 4096);
            for (int i = c * 4096; i < end; i++)
                if (!G1Affine.TryReadMontgomeryLittleEndian(raw.AsSpan(i * 64, 64), out tmp[i])) ok = false;
        });
        if (!ok) _file.Fail($"section {section} has a point that is not on the curve");
        tmp.CopyTo(destination);
    }

    /// <summary>Reads G2 points <paramref name="start"/>.. of a G2 section into <paramref name="destination"/>, checking each.</summary>
    public void ReadG2(int section, long start, Span<G2Affine> destination)
    {
        byte[] raw = ReadRaw(section, start * 128, destination.Length * 128);
        G2Affine[] tmp = new G2Affine[destination.Length];
        bool ok = true;
        // Decoding checks the curve equation; membership in G2 is then tested eight points at a time
        // (G2Affine.AreInSubgroup), several times cheaper than the one-point test per point.
        Parallel.For(0, (destination.Length + 1023) / 1024, Parallelism.Cores, c =>
        {
            int start = c * 1024, end = Math.Min(tmp.Length, start + 1024);
            for (int i = start; i < end; i++)
                if (!G2Affine.TryReadMontgomeryLittleEndian(raw.AsSpan(i * 128, 128), out tmp[i], checkSubgroup: false)) ok = false;
            Span<bool> inG2 = stackalloc bool[end - start];
            G2Affine.AreInSubgroup(tmp.AsSpan(start, end - start), inG2);
            if (inG2.Contains(false)) ok = false;
        });
        if (!ok) _file.Fail($"section {section} has a G2 point that is not on the curve or not in the subgroup");
        tmp.CopyTo(destination);
    }

    /// <summary>Reads raw bytes of a section.</summary>
    internal byte[] ReadRaw(int section, long offset, int count)
    {
        var b = new byte[count];
        _file.ReadAt(section, offset, b);
        return b;
    }

    internal byte[] ReadSection(int section, string what) => _file.ReadSectionBytes(section, what);

    /// <summary>The challenge the next contribution answers: the last one's next challenge, or the initial hash.</summary>
    public byte[] LastChallenge() =>
        Contributions.Count > 0 ? Contributions[^1].NextChallenge : PtauHashing.FirstChallengeHash(Power);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    internal void Fail(string problem) => _file.Fail(problem);

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();
}
