using System.Buffers.Binary;
using System.Text;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;

namespace ZkInference.Groth16.Ptau;

/// <summary>
/// One entry of a ptau file's contributions section (7): the first powers after the contribution,
/// the public key with its proofs of knowledge, the partial response hash, the next challenge, and the
/// parameters (name; for beacons the iteration exponent and the beacon hash).
/// </summary>
public sealed class PtauContribution
{
    /// <summary>τ·G1 after this contribution.</summary>
    public G1Affine TauG1 { get; init; }

    /// <summary>τ·G2 after this contribution.</summary>
    public G2Affine TauG2 { get; init; }

    /// <summary>α·G1 after this contribution.</summary>
    public G1Affine AlphaG1 { get; init; }

    /// <summary>β·G1 after this contribution.</summary>
    public G1Affine BetaG1 { get; init; }

    /// <summary>β·G2 after this contribution.</summary>
    public G2Affine BetaG2 { get; init; }

    /// <summary>The contributor's public key.</summary>
    public required PtauKey Key { get; init; }

    /// <summary>BLAKE2b state (snarkjs layout) after the previous challenge and the compressed new points.</summary>
    public required byte[] PartialHash { get; init; }

    /// <summary>The challenge hash the next contributor answers.</summary>
    public required byte[] NextChallenge { get; init; }

    /// <summary>0 for a contribution, 1 for a beacon.</summary>
    public int Type { get; init; }

    /// <summary>The contributor's name (at most 64 UTF-16 characters are stored), or null.</summary>
    public string? Name { get; init; }

    /// <summary>For a beacon: the iteration exponent.</summary>
    public int NumIterationsExp { get; init; }

    /// <summary>For a beacon: the beacon hash.</summary>
    public byte[]? BeaconHash { get; init; }

    /// <summary>The response hash: the partial hash finished with the uncompressed public key.</summary>
    public byte[] ResponseHash()
    {
        var h = Blake2b.FromPartialState(PartialHash);
        var pk = new byte[PtauKey.PublicKeySize];
        Key.WritePublicKey(pk, montgomery: false);
        h.Update(pk);
        return h.Digest();
    }

    internal byte[] ParameterBytes()
    {
        var p = new List<byte>();
        if (!string.IsNullOrEmpty(Name))
        {
            byte[] name = Encoding.UTF8.GetBytes(Name.Length > 64 ? Name[..64] : Name);
            if (name.Length > 255) name = name[..255];
            p.Add(1); p.Add((byte)name.Length); p.AddRange(name);
        }
        if (Type == 1)
        {
            byte[] beacon = BeaconHash ?? [];
            p.Add(2); p.Add((byte)NumIterationsExp);
            p.Add(3); p.Add((byte)beacon.Length); p.AddRange(beacon);
        }
        return [.. p];
    }

    internal byte[] ToBytes()
    {
        byte[] param = ParameterBytes();
        var b = new byte[64 * 3 + 128 * 2 + PtauKey.PublicKeySize + 216 + 64 + 8 + param.Length];
        int pos = 0;
        TauG1.WriteMontgomeryLittleEndian(b.AsSpan(pos, 64)); pos += 64;
        TauG2.WriteMontgomeryLittleEndian(b.AsSpan(pos, 128)); pos += 128;
        AlphaG1.WriteMontgomeryLittleEndian(b.AsSpan(pos, 64)); pos += 64;
        BetaG1.WriteMontgomeryLittleEndian(b.AsSpan(pos, 64)); pos += 64;
        BetaG2.WriteMontgomeryLittleEndian(b.AsSpan(pos, 128)); pos += 128;
        Key.WritePublicKey(b.AsSpan(pos), montgomery: true); pos += PtauKey.PublicKeySize;
        PartialHash.CopyTo(b, pos); pos += 216;
        NextChallenge.CopyTo(b, pos); pos += 64;
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(pos), (uint)Type); pos += 4;
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(pos), (uint)param.Length); pos += 4;
        param.CopyTo(b, pos);
        return b;
    }

    /// <summary>Serialises a contributions section (count, then each contribution).</summary>
    internal static byte[] SectionBytes(IReadOnlyList<PtauContribution> contributions)
    {
        using var ms = new MemoryStream();
        Span<byte> n = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(n, (uint)contributions.Count);
        ms.Write(n);
        foreach (PtauContribution c in contributions) ms.Write(c.ToBytes());
        return ms.ToArray();
    }

    /// <summary>Parses a contributions section; <paramref name="fail"/> throws with the file's name.</summary>
    internal static List<PtauContribution> ParseSection(ReadOnlySpan<byte> data, Action<string> fail)
    {
        var r = new SpanCursor(data, fail);
        uint count = r.UInt32();
        var list = new List<PtauContribution>();
        for (uint i = 0; i < count; i++)
        {
            string who = $"contribution {i + 1}";
            G1Affine tauG1 = r.G1(who), alphaG1;
            G2Affine tauG2 = r.G2(who), betaG2;
            alphaG1 = r.G1(who);
            G1Affine betaG1 = r.G1(who);
            betaG2 = r.G2(who);
            G1Affine[] g1 = new G1Affine[6];
            for (int k = 0; k < 6; k++) g1[k] = r.G1(who);
            G2Affine[] g2 = new G2Affine[3];
            for (int k = 0; k < 3; k++) g2[k] = r.G2(who);
            var key = new PtauKey
            {
                Tau = new KeyShare { G1S = g1[0], G1SX = g1[1], G2SPX = g2[0] },
                Alpha = new KeyShare { G1S = g1[2], G1SX = g1[3], G2SPX = g2[1] },
                Beta = new KeyShare { G1S = g1[4], G1SX = g1[5], G2SPX = g2[2] },
            };
            byte[] partial = r.Bytes(216).ToArray();
            byte[] next = r.Bytes(64).ToArray();
            uint type = r.UInt32();
            if (type > 1) fail($"{who} has unknown type {type}");
            uint paramLength = r.UInt32();
            var pr = new SpanCursor(r.Bytes((int)Math.Min(paramLength, int.MaxValue)), fail);
            string? name = null; int exp = 0; byte[]? beacon = null; int last = 0;
            while (!pr.AtEnd)
            {
                int t = pr.Bytes(1)[0];
                if (t <= last) fail($"{who} has unsorted parameters");
                last = t;
                switch (t)
                {
                    case 1: name = Encoding.UTF8.GetString(pr.Bytes(pr.Bytes(1)[0])); break;
                    case 2: exp = pr.Bytes(1)[0]; break;
                    case 3: beacon = pr.Bytes(pr.Bytes(1)[0]).ToArray(); break;
                    default: fail($"{who} has an unknown parameter {t}"); break;
                }
            }
            if (type == 1 && beacon is null) fail($"{who} is a beacon without a beacon hash");
            list.Add(new PtauContribution
            {
                TauG1 = tauG1, TauG2 = tauG2, AlphaG1 = alphaG1, BetaG1 = betaG1, BetaG2 = betaG2, Key = key,
                PartialHash = partial, NextChallenge = next, Type = (int)type, Name = name, NumIterationsExp = exp, BeaconHash = beacon,
            });
        }
        if (!r.AtEnd) fail("the contributions section has trailing bytes");
        return list;
    }

    private ref struct SpanCursor(ReadOnlySpan<byte> data, Action<string> fail)
    {
        private ReadOnlySpan<byte> _data = data;

        public readonly bool AtEnd => _data.IsEmpty;

        public ReadOnlySpan<byte> Bytes(int n)
        {
            if (n > _data.Length) fail("the contributions section is truncated");
            ReadOnlySpan<byte> r = _data[..n];
            _data = _data[n..];
            return r;
        }

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        public G1Affine G1(string who)
        {
            if (!G1Affine.TryReadMontgomeryLittleEndian(Bytes(64), out G1Affine p)) fail($"{who} has a G1 point that is not on the curve");
            return p;
        }

        public G2Affine G2(string who)
        {
            if (!G2Affine.TryReadMontgomeryLittleEndian(Bytes(128), out G2Affine p, checkSubgroup: true)) fail($"{who} has a G2 point that is not on the curve or not in the subgroup");
            return p;
        }
    }
}
