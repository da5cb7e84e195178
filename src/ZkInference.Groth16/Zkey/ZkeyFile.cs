using ZkInference.Field;
using ZkInference.Groth16.Formats;
using ZkInference.Circuit.Formats;

namespace ZkInference.Groth16;

/// <summary>
/// snarkjs's Groth16 <c>.zkey</c> (binfile "zkey" version 1, sections 1–10), read and written
/// byte-compatibly. Reading validates everything: magic, version, protocol, primes, section sizes against
/// the header counts, coefficient indices, coordinates below q, points on the curve and header G2 points in
/// G2. Sections are streamed into arrays (never buffered whole), with point decoding in parallel.
/// </summary>
public static class ZkeyFile
{
    internal const string Magic = "zkey";
    internal const int Version = 1;
    internal const int Groth16Protocol = 1;
    private const int HeaderSize = 4 + 32 + 4 + 32 + 4 + 4 + 4 + 3 * G1Affine.SizeInBytes + 3 * G2Affine.SizeInBytes;

    /// <summary>Reads and validates a .zkey file.</summary>
    /// <exception cref="Groth16Exception">The file cannot be read or is not a valid Groth16 zkey; the message names the file and the problem.</exception>
    public static ProvingKey Read(string path)
    {
        using BinFile file = BinFile.Open(path, Magic, Version, Version);
        return Read(file, includePoints: true);
    }

    /// <summary>Reads and validates a .zkey from a seekable stream (disposed afterwards); <paramref name="name"/> names it in errors.</summary>
    public static ProvingKey Read(Stream stream, string name)
    {
        using var file = new BinFile(stream, name, Magic, Version, Version);
        return Read(file, includePoints: true);
    }

    /// <summary>Reads only what the verification key needs (header and IC), as <c>zkey export verificationkey</c> does.</summary>
    /// <exception cref="Groth16Exception">The file is not a valid Groth16 zkey.</exception>
    public static VerifyingKey ReadVerifyingKey(string path)
    {
        using BinFile file = BinFile.Open(path, Magic, Version, Version);
        return Read(file, includePoints: false).ToVerifyingKey();
    }

    private static ProvingKey Read(BinFile f, bool includePoints)
    {
        f.OpenSection((int)ZkeySection.Protocol, "protocol", 4);
        uint protocol = f.ReadUInt32();
        if (protocol != Groth16Protocol) f.Fail($"is for protocol {protocol}{(protocol == 2 ? " (PLONK)" : protocol == 10 ? " (FFLONK)" : "")}, not Groth16 (1)");

        f.OpenSection((int)ZkeySection.Header, "Groth16 header", HeaderSize);
        f.ReadPrime(Fp.Modulus, "base field");
        f.ReadPrime(Fr.Modulus, "scalar field");
        uint nVars = f.ReadUInt32(), nPublic = f.ReadUInt32(), domainSize = f.ReadUInt32();
        if (nVars == 0 || nVars > 1 << 30) f.Fail($"declares {nVars} variables");
        if (nPublic >= nVars) f.Fail($"declares {nPublic} public signals for {nVars} variables");
        if (domainSize == 0 || (domainSize & (domainSize - 1)) != 0 || domainSize > 1 << 28) f.Fail($"declares domain size {domainSize}, not a power of two ≤ 2^28");
        G1Affine alpha1 = f.ReadG1("α₁"), beta1 = f.ReadG1("β₁");
        G2Affine beta2 = f.ReadG2("β₂"), gamma2 = f.ReadG2("γ₂");
        G1Affine delta1 = f.ReadG1("δ₁");
        G2Affine delta2 = f.ReadG2("δ₂");
        int n = (int)nVars, nPub = (int)nPublic, domain = (int)domainSize;

        f.OpenSection((int)ZkeySection.IC, "IC points", (long)(nPub + 1) * G1Affine.SizeInBytes);
        G1Affine[] ic = PointArrays.ReadG1(f, nPub + 1, "IC");

        ZkeyCoefficient[] coefficients = [];
        G1Affine[] a = [], b1 = [], c = [], h = [];
        G2Affine[] b2 = [];
        byte[]? contributions = null;
        if (includePoints)
        {
            coefficients = ReadCoefficients(f, n, domain);
            f.OpenSection((int)ZkeySection.PointsA, "A points", (long)n * G1Affine.SizeInBytes);
            a = PointArrays.ReadG1(f, n, "A");
            f.OpenSection((int)ZkeySection.PointsB1, "B1 points", (long)n * G1Affine.SizeInBytes);
            b1 = PointArrays.ReadG1(f, n, "B1");
            f.OpenSection((int)ZkeySection.PointsB2, "B2 points", (long)n * G2Affine.SizeInBytes);
            b2 = PointArrays.ReadG2(f, n, "B2", checkSubgroup: false);
            f.OpenSection((int)ZkeySection.PointsC, "C points", (long)(n - nPub - 1) * G1Affine.SizeInBytes);
            c = PointArrays.ReadG1(f, n - nPub - 1, "C");
            f.OpenSection((int)ZkeySection.PointsH, "H points", (long)domain * G1Affine.SizeInBytes);
            h = PointArrays.ReadG1(f, domain, "H");
            if (f.HasSection((int)ZkeySection.Contributions)) contributions = f.ReadSectionBytes((int)ZkeySection.Contributions, "contributions");
        }

        var key = new ProvingKey
        {
            VariableCount = n, PublicCount = nPub, DomainSize = domain,
            Alpha1 = alpha1, Beta1 = beta1, Beta2 = beta2, Gamma2 = gamma2, Delta1 = delta1, Delta2 = delta2,
            IC = ic, Coefficients = coefficients, A = a, B1 = b1, B2 = b2, C = c, H = h, Contributions = contributions,
        };
        return key;
    }

    /// <summary>Reads the header and IC only (the other arrays empty); the cursor can then visit the other sections.</summary>
    internal static ProvingKey ReadHeader(BinFile f) => Read(f, includePoints: false);

    private static ZkeyCoefficient[] ReadCoefficients(BinFile f, int nVars, int domain)
    {
        using var reader = new ZkeyCoefficientReader(f, nVars, domain, raw: false);
        var result = new ZkeyCoefficient[reader.Count];
        for (int i = 0; reader.TryNext(out ZkeyCoefficient c); i++) result[i] = c;
        return result;
    }

    /// <summary>Writes a .zkey exactly as snarkjs lays it out (sections 1–10 in order), atomically (temp file + rename).</summary>
    /// <exception cref="Groth16Exception">The key is inconsistent or the file cannot be written.</exception>
    public static void Write(ProvingKey key, string path)
    {
        key.Validate(path);
        AtomicFile.Write(path, stream => WriteValidated(key, stream));
    }

    /// <summary>Writes a .zkey to a stream (left open).</summary>
    /// <exception cref="Groth16Exception">The key is inconsistent.</exception>
    public static void Write(ProvingKey key, Stream stream)
    {
        key.Validate();
        WriteValidated(key, stream);
    }

    private static void WriteValidated(ProvingKey key, Stream stream)
    {
        byte[] contributions = key.Contributions ?? EmptyContributions;
        using var w = new BinFileWriter(stream, Magic, Version, 10, leaveOpen: true);
        w.BeginSection((int)ZkeySection.Protocol, 4);
        w.WriteUInt32(Groth16Protocol);

        w.BeginSection((int)ZkeySection.Header, HeaderSize);
        w.WritePrime(Fp.Modulus);
        w.WritePrime(Fr.Modulus);
        w.WriteUInt32((uint)key.VariableCount);
        w.WriteUInt32((uint)key.PublicCount);
        w.WriteUInt32((uint)key.DomainSize);
        key.Alpha1.WriteMontgomeryLittleEndian(w.Reserve(G1Affine.SizeInBytes));
        key.Beta1.WriteMontgomeryLittleEndian(w.Reserve(G1Affine.SizeInBytes));
        key.Beta2.WriteMontgomeryLittleEndian(w.Reserve(G2Affine.SizeInBytes));
        key.Gamma2.WriteMontgomeryLittleEndian(w.Reserve(G2Affine.SizeInBytes));
        key.Delta1.WriteMontgomeryLittleEndian(w.Reserve(G1Affine.SizeInBytes));
        key.Delta2.WriteMontgomeryLittleEndian(w.Reserve(G2Affine.SizeInBytes));

        WriteG1(w, ZkeySection.IC, key.IC);
        w.BeginSection((int)ZkeySection.Coefficients, 4 + (long)key.Coefficients.Length * ZkeyCoefficientCodec.EntrySize);
        w.WriteUInt32((uint)key.Coefficients.Length);
        foreach (ref readonly ZkeyCoefficient c in key.Coefficients.AsSpan())
            ZkeyCoefficientCodec.Encode(c, w.Reserve(ZkeyCoefficientCodec.EntrySize));
        WriteG1(w, ZkeySection.PointsA, key.A);
        WriteG1(w, ZkeySection.PointsB1, key.B1);
        w.BeginSection((int)ZkeySection.PointsB2, (long)key.B2.Length * G2Affine.SizeInBytes);
        PointArrays.Write(w, key.B2);
        WriteG1(w, ZkeySection.PointsC, key.C);
        WriteG1(w, ZkeySection.PointsH, key.H);
        w.BeginSection((int)ZkeySection.Contributions, contributions.Length);
        w.WriteBytes(contributions);
        w.Complete();
    }

    private static void WriteG1(BinFileWriter w, ZkeySection section, G1Affine[] points)
    {
        w.BeginSection((int)section, (long)points.Length * G1Affine.SizeInBytes);
        PointArrays.Write(w, points);
    }

    /// <summary>An empty transcript: a zero 64-byte circuit hash and no contributions.</summary>
    private static byte[] EmptyContributions => new byte[64 + 4];
}
