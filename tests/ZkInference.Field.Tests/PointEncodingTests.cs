using System.Buffers.Binary;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

[Properties(Arbitrary = [typeof(CurveGenerators)], MaxTest = 30)]
public sealed class PointEncodingTests
{
    [Property]
    public bool G1RoundTrips(G1Affine p)
    {
        Span<byte> b = stackalloc byte[G1Affine.SizeInBytes];
        p.WriteBigEndian(b);
        bool evm = G1Affine.TryReadBigEndian(b, out G1Affine e) && e == p && (!p.IsInfinity || !b.ContainsAnyExcept((byte)0));
        p.WriteMontgomeryLittleEndian(b);
        bool lem = G1Affine.TryReadMontgomeryLittleEndian(b, out G1Affine l) && l == p && (!p.IsInfinity || !b.ContainsAnyExcept((byte)0));
        bool json = G1Affine.TryParseSnarkJs(p.ToSnarkJs(), out G1Affine j) && j == p;
        return evm && lem && json;
    }

    [Property(MaxTest = 15)]
    public bool G2RoundTrips(G2Affine p)
    {
        Span<byte> b = stackalloc byte[G2Affine.SizeInBytes];
        p.WriteBigEndian(b);
        bool evm = G2Affine.TryReadBigEndian(b, out G2Affine e) && e == p && (!p.IsInfinity || !b.ContainsAnyExcept((byte)0));
        p.WriteMontgomeryLittleEndian(b);
        bool lem = G2Affine.TryReadMontgomeryLittleEndian(b, out G2Affine l) && l == p;
        bool json = G2Affine.TryParseSnarkJs(p.ToSnarkJs(), out G2Affine j) && j == p;
        return evm && lem && json;
    }

    [Property]
    public bool G1BadBytesAreRejected(G1Affine p, byte flip)
    {
        if (p.IsInfinity) return true;
        Span<byte> b = stackalloc byte[G1Affine.SizeInBytes + 1];
        p.WriteBigEndian(b);
        bool wrongLength = !G1Affine.TryReadBigEndian(b, out _) && !G1Affine.TryReadBigEndian(b[..63], out _) && !G1Affine.TryReadBigEndian([], out _);
        Span<byte> c = b[..G1Affine.SizeInBytes];
        c[40] ^= (byte)(flip | 1);
        bool offCurve = !G1Affine.TryReadBigEndian(c, out G1Affine rejected) && rejected.IsInfinity;
        c[40] ^= (byte)(flip | 1);
        Fp.Modulus.TryWriteBytes(c[..32], out _, isUnsigned: true, isBigEndian: true);
        bool xIsP = !G1Affine.TryReadBigEndian(c, out _);
        p.WriteMontgomeryLittleEndian(c);
        c[3] ^= (byte)(flip | 1);
        bool lemOffCurve = !G1Affine.TryReadMontgomeryLittleEndian(c, out _);
        c.Fill(0xff);
        bool lemTooBig = !G1Affine.TryReadMontgomeryLittleEndian(c, out _);
        return wrongLength && offCurve && xIsP && lemOffCurve && lemTooBig;
    }

    [Fact]
    public void G2DecodersRejectBadBytesAndPointsOutsideTheSubgroup()
    {
        var rng = new System.Random(5);
        Span<byte> b = stackalloc byte[G2Affine.SizeInBytes];
        G2Affine g = CurveGenerators.RandomG2(rng);
        g.WriteBigEndian(b);
        Assert.False(G2Affine.TryReadBigEndian(b[..127], out _));
        b[100] ^= 1;
        Assert.False(G2Affine.TryReadBigEndian(b, out _, checkSubgroup: false));
        g.WriteBigEndian(b);
        Fp.Modulus.TryWriteBytes(b[32..64], out _, isUnsigned: true, isBigEndian: true);
        Assert.False(G2Affine.TryReadBigEndian(b, out _));

        // A twist point outside G2: accepted only when the caller opts out of the subgroup check.
        G2Affine outside;
        do
        {
            Fp2 x = Fp2.Random(rng);
            outside = Fp2.TrySqrt(x * x * x + G2Affine.B, out Fp2 y) ? new G2Affine(x, y) : default;
        } while (outside.IsInfinity);
        outside.WriteBigEndian(b);
        Assert.False(G2Affine.TryReadBigEndian(b, out _));
        Assert.True(G2Affine.TryReadBigEndian(b, out G2Affine loose, checkSubgroup: false) && loose == outside);
        outside.WriteMontgomeryLittleEndian(b);
        Assert.False(G2Affine.TryReadMontgomeryLittleEndian(b, out _));
        Assert.True(G2Affine.TryReadMontgomeryLittleEndian(b, out _, checkSubgroup: false));
        Assert.False(G2Affine.TryParseSnarkJs(outside.ToSnarkJs(), out _));
        Assert.True(G2Affine.TryParseSnarkJs(outside.ToSnarkJs(), out _, checkSubgroup: false));
        b.Clear();
        Assert.True(G2Affine.TryReadMontgomeryLittleEndian(b, out G2Affine inf) && inf.IsInfinity);
    }

    [Fact]
    public void SnarkJsJsonShapesAndMalformedInput()
    {
        Assert.Equal(["0", "1", "0"], G1Affine.Infinity.ToSnarkJs());
        Assert.Equal(["1", "2", "1"], G1Affine.Generator.ToSnarkJs());
        string[][] inf = G2Affine.Infinity.ToSnarkJs();
        Assert.Equal(["0", "0"], inf[0]); Assert.Equal(["1", "0"], inf[1]); Assert.Equal(["0", "0"], inf[2]);
        Assert.True(G1Affine.TryParseSnarkJs(["0", "1", "0"], out G1Affine i1) && i1.IsInfinity);
        Assert.True(G2Affine.TryParseSnarkJs(inf, out G2Affine i2) && i2.IsInfinity);
        Assert.False(G1Affine.TryParseSnarkJs(["1", "3", "1"], out _));
        Assert.False(G1Affine.TryParseSnarkJs(["1", "2"], out _));
        Assert.False(G1Affine.TryParseSnarkJs(["1", "2", "2"], out _));
        Assert.False(G1Affine.TryParseSnarkJs(["1", "x", "1"], out _));
        Assert.False(G1Affine.TryParseSnarkJs([Fp.Modulus.ToString(), "2", "1"], out _));
        Assert.False(G1Affine.TryParseSnarkJs(null, out _));
        Assert.Throws<FormatException>(() => G1Affine.ParseSnarkJs(["1", "3", "1"]));
        Assert.False(G2Affine.TryParseSnarkJs([["1", "2"], ["3"], ["1", "0"]], out _));
    }

    [Fact]
    public void SnarkJsFixturePointsParseAndMatchTheZkeyAndCalldata()
    {
        string dir = CurveFixtures.Folder("multiplier");
        JsonNode proof = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "proof.json")))!;
        JsonNode vk = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "verification_key.json")))!;
        G1Affine a = G1Affine.ParseSnarkJs(Strings(proof["pi_a"]!));
        G2Affine bPoint = G2Affine.ParseSnarkJs(Pairs(proof["pi_b"]!));
        G1Affine c = G1Affine.ParseSnarkJs(Strings(proof["pi_c"]!));
        Assert.True(a.IsOnCurve && c.IsOnCurve && bPoint.IsInSubgroup);
        G1Affine alpha = G1Affine.ParseSnarkJs(Strings(vk["vk_alpha_1"]!));
        G2Affine beta = G2Affine.ParseSnarkJs(Pairs(vk["vk_beta_2"]!));
        foreach (string key in new[] { "vk_gamma_2", "vk_delta_2" }) Assert.True(G2Affine.ParseSnarkJs(Pairs(vk[key]!)).IsInSubgroup);
        foreach (JsonNode? ic in vk["IC"]!.AsArray()) Assert.True(G1Affine.ParseSnarkJs(Strings(ic!)).IsOnCurve);
        Assert.Equal(G2Affine.Generator, G2Affine.ParseSnarkJs(Pairs(vk["vk_gamma_2"]!)));

        JsonNode offCurve = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "proof_bad_offcurve.json")))!;
        Assert.False(G1Affine.TryParseSnarkJs(Strings(offCurve["pi_a"]!), out _));

        // The zkey header holds alpha1 and beta2 in the LEM encoding.
        byte[] zkey = File.ReadAllBytes(Path.Combine(dir, "circuit_final.zkey"));
        ReadOnlySpan<byte> header = Section(zkey, 2);
        int offset = 4 + 32 + 4 + 32 + 12;
        Assert.True(G1Affine.TryReadMontgomeryLittleEndian(header.Slice(offset, 64), out G1Affine zAlpha));
        Assert.True(G2Affine.TryReadMontgomeryLittleEndian(header.Slice(offset + 128, 128), out G2Affine zBeta));
        Assert.Equal(alpha, zAlpha);
        Assert.Equal(beta, zBeta);

        // calldata.txt is the EVM encoding of the proof (G2 imaginary part first).
        string[] hex = Regex.Matches(File.ReadAllText(Path.Combine(dir, "calldata.txt")), "0x([0-9a-fA-F]{64})").Select(m => m.Groups[1].Value).ToArray();
        byte[] evm = Convert.FromHexString(string.Concat(hex.Take(8)));
        var mine = new byte[256];
        a.WriteBigEndian(mine);
        bPoint.WriteBigEndian(mine.AsSpan(64));
        c.WriteBigEndian(mine.AsSpan(192));
        Assert.Equal(evm, mine);
        Assert.True(G2Affine.TryReadBigEndian(evm.AsSpan(64, 128), out G2Affine fromEvm) && fromEvm == bPoint);
    }

    private static string[] Strings(JsonNode node) => node.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private static string[][] Pairs(JsonNode node) => node.AsArray().Select(n => Strings(n!)).ToArray();

    private static ReadOnlySpan<byte> Section(byte[] file, uint type)
    {
        int pos = 12;
        while (pos < file.Length)
        {
            uint t = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(pos));
            long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(pos + 4));
            if (t == type) return file.AsSpan(pos + 12, (int)size);
            pos += 12 + (int)size;
        }
        throw new InvalidDataException($"section {type} missing");
    }
}

/// <summary>Locates the shared snarkjs fixtures: $ZKINFERENCE_FIXTURES, a fixtures folder above the test binaries, or /work/shared/fixtures.</summary>
internal static class CurveFixtures
{
    public static string Folder(string name)
    {
        var candidates = new List<string>();
        string? env = Environment.GetEnvironmentVariable("ZKINFERENCE_FIXTURES");
        if (!string.IsNullOrEmpty(env)) candidates.Add(env);
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            candidates.Add(Path.Combine(d.FullName, "fixtures"));
            candidates.Add(Path.Combine(d.FullName, "shared", "fixtures"));
        }
        candidates.Add("/work/shared/fixtures");
        foreach (string c in candidates)
            if (Directory.Exists(Path.Combine(c, name))) return Path.Combine(c, name);
        throw new DirectoryNotFoundException($"fixture folder '{name}' not found; set ZKINFERENCE_FIXTURES");
    }
}
