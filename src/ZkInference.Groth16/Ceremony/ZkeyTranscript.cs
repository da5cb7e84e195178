using System.Buffers.Binary;
using System.Text;
using ZkInference.Field;

namespace ZkInference.Groth16.Ceremony;

/// <summary>One phase-2 contribution of a zkey: δ after it, the proof of knowledge, the transcript hash and parameters.</summary>
public sealed class ZkeyContribution
{
    /// <summary>δ·G1 after this contribution.</summary>
    public G1Affine DeltaAfter { get; init; }

    /// <summary>A random G1 point s·G1.</summary>
    public G1Affine G1S { get; init; }

    /// <summary>x·s·G1 for the contribution's secret x.</summary>
    public G1Affine G1SX { get; init; }

    /// <summary>x·sp·G2 where sp·G2 is hashed from <see cref="Transcript"/>.</summary>
    public G2Affine G2SPX { get; init; }

    /// <summary>BLAKE2b of the circuit hash, the earlier contributions' public keys, and G1S, G1SX.</summary>
    public required byte[] Transcript { get; init; }

    /// <summary>0 for a contribution, 1 for a beacon.</summary>
    public int Type { get; init; }

    /// <summary>The contributor's name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>For a beacon: the iteration exponent.</summary>
    public int NumIterationsExp { get; init; }

    /// <summary>For a beacon: the beacon hash.</summary>
    public byte[]? BeaconHash { get; init; }

    /// <summary>Hashes the public key as snarkjs's <c>hashPubKey</c>: deltaAfter, g1s, g1sx, g2spx uncompressed, then the transcript.</summary>
    public void HashPublicKey(Blake2b h)
    {
        var b = new byte[128];
        PointEncoding.WriteUncompressed(DeltaAfter, b); h.Update(b.AsSpan(0, 64));
        PointEncoding.WriteUncompressed(G1S, b); h.Update(b.AsSpan(0, 64));
        PointEncoding.WriteUncompressed(G1SX, b); h.Update(b.AsSpan(0, 64));
        PointEncoding.WriteUncompressed(G2SPX, b); h.Update(b);
        h.Update(Transcript);
    }

    /// <summary>The contribution hash snarkjs prints: BLAKE2b of the hashed public key.</summary>
    public byte[] Hash()
    {
        var h = new Blake2b();
        HashPublicKey(h);
        return h.Digest();
    }
}

/// <summary>Section 10 of a zkey: the circuit hash and the phase-2 contributions.</summary>
public sealed class ZkeyTranscript
{
    /// <summary>The circuit hash computed by the setup.</summary>
    public required byte[] CircuitHash { get; init; }

    /// <summary>The contributions, oldest first.</summary>
    public required List<ZkeyContribution> Contributions { get; init; }

    /// <summary>Parses section 10.</summary>
    /// <exception cref="Groth16Exception">The section is malformed.</exception>
    public static ZkeyTranscript Parse(ReadOnlySpan<byte> data, string fileName)
    {
        void Fail(string m) => throw new Groth16Exception($"{fileName}: the contributions section {m}");
        if (data.Length < 68) Fail("is truncated");
        byte[] hash = data[..64].ToArray();
        uint n = BinaryPrimitives.ReadUInt32LittleEndian(data[64..]);
        int pos = 68;
        var list = new List<ZkeyContribution>();
        for (uint i = 0; i < n; i++)
        {
            if (pos + 64 * 3 + 128 + 64 + 8 > data.Length) Fail("is truncated");
            G1Affine[] g1 = new G1Affine[3];
            for (int k = 0; k < 3; k++, pos += 64)
                if (!G1Affine.TryReadMontgomeryLittleEndian(data.Slice(pos, 64), out g1[k])) Fail($"has an invalid G1 point in contribution {i + 1}");
            if (!G2Affine.TryReadMontgomeryLittleEndian(data.Slice(pos, 128), out G2Affine g2spx)) Fail($"has an invalid G2 point in contribution {i + 1}");
            pos += 128;
            byte[] transcript = data.Slice(pos, 64).ToArray(); pos += 64;
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]); pos += 4;
            uint plen = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]); pos += 4;
            if (type > 1) Fail($"has unknown type {type} in contribution {i + 1}");
            if (plen > data.Length - pos) Fail("is truncated");
            ReadOnlySpan<byte> p = data.Slice(pos, (int)plen);
            pos += (int)plen;
            string? name = null; int exp = 0; byte[]? beacon = null; int last = 0;
            while (!p.IsEmpty)
            {
                int t = p[0];
                if (t <= last) Fail($"has unsorted parameters in contribution {i + 1}");
                last = t;
                if (t == 2) { if (p.Length < 2) Fail("is truncated"); exp = p[1]; p = p[2..]; continue; }
                if (t is not (1 or 3)) Fail($"has an unknown parameter {t}");
                if (p.Length < 2 || p.Length < 2 + p[1]) Fail("is truncated");
                ReadOnlySpan<byte> v = p.Slice(2, p[1]);
                if (t == 1) name = Encoding.UTF8.GetString(v); else beacon = v.ToArray();
                p = p[(2 + v.Length)..];
            }
            if (type == 1 && beacon is null) Fail($"has a beacon without a beacon hash (contribution {i + 1})");
            list.Add(new ZkeyContribution
            {
                DeltaAfter = g1[0], G1S = g1[1], G1SX = g1[2], G2SPX = g2spx, Transcript = transcript,
                Type = (int)type, Name = name, NumIterationsExp = exp, BeaconHash = beacon,
            });
        }
        if (pos != data.Length) Fail("has trailing bytes");
        return new ZkeyTranscript { CircuitHash = hash, Contributions = list };
    }

    /// <summary>Serialises section 10.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        ms.Write(CircuitHash);
        Span<byte> u = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(u, (uint)Contributions.Count);
        ms.Write(u);
        var b = new byte[128];
        foreach (ZkeyContribution c in Contributions)
        {
            c.DeltaAfter.WriteMontgomeryLittleEndian(b.AsSpan(0, 64)); ms.Write(b, 0, 64);
            c.G1S.WriteMontgomeryLittleEndian(b.AsSpan(0, 64)); ms.Write(b, 0, 64);
            c.G1SX.WriteMontgomeryLittleEndian(b.AsSpan(0, 64)); ms.Write(b, 0, 64);
            c.G2SPX.WriteMontgomeryLittleEndian(b); ms.Write(b);
            ms.Write(c.Transcript);
            BinaryPrimitives.WriteUInt32LittleEndian(u, (uint)c.Type); ms.Write(u);
            var p = new List<byte>();
            if (!string.IsNullOrEmpty(c.Name))
            {
                byte[] name = Encoding.UTF8.GetBytes(c.Name.Length > 64 ? c.Name[..64] : c.Name);
                if (name.Length > 255) name = name[..255];
                p.Add(1); p.Add((byte)name.Length); p.AddRange(name);
            }
            if (c.Type == 1)
            {
                p.Add(2); p.Add((byte)c.NumIterationsExp);
                p.Add(3); p.Add((byte)c.BeaconHash!.Length); p.AddRange(c.BeaconHash);
            }
            BinaryPrimitives.WriteUInt32LittleEndian(u, (uint)p.Count); ms.Write(u);
            ms.Write(p.ToArray());
        }
        return ms.ToArray();
    }

    /// <summary>The transcript hash a new contribution with the given g1s/g1sx gets.</summary>
    public byte[] NextTranscript(in G1Affine g1s, in G1Affine g1sx, int upTo)
    {
        var h = new Blake2b();
        h.Update(CircuitHash);
        for (int i = 0; i < upTo; i++) Contributions[i].HashPublicKey(h);
        var b = new byte[64];
        PointEncoding.WriteUncompressed(g1s, b); h.Update(b);
        PointEncoding.WriteUncompressed(g1sx, b); h.Update(b);
        return h.Digest();
    }
}
