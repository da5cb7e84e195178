using ZkInference.Field;

namespace ZkInference.Groth16.Ceremony;

/// <summary>
/// One secret of a contribution with its proof of knowledge: s·G1 random, x·(s·G1), and x·(sp·G2)
/// where sp·G2 is hashed from the previous challenge and the two G1 points (snarkjs's layout).
/// </summary>
public sealed class KeyShare
{
    /// <summary>The secret x (absent when read from a file).</summary>
    public Fr? Secret { get; init; }

    /// <summary>A random G1 point s·G1.</summary>
    public G1Affine G1S { get; init; }

    /// <summary>x·s·G1.</summary>
    public G1Affine G1SX { get; init; }

    /// <summary>The G2 point hashed from the transcript (recomputed, never read).</summary>
    public G2Affine G2SP { get; set; }

    /// <summary>x·sp·G2.</summary>
    public G2Affine G2SPX { get; init; }
}

/// <summary>The three secrets of a powers-of-tau contribution (τ, α, β) with their proofs of knowledge.</summary>
public sealed class PtauKey
{
    /// <summary>The τ share.</summary>
    public required KeyShare Tau { get; init; }

    /// <summary>The α share.</summary>
    public required KeyShare Alpha { get; init; }

    /// <summary>The β share.</summary>
    public required KeyShare Beta { get; init; }

    /// <summary>Bytes of the public key as stored (six G1 and three G2 points).</summary>
    public const int PublicKeySize = 6 * 64 + 3 * 128;

    /// <summary>Draws τ, α, β and their proofs from <paramref name="rng"/> exactly as snarkjs's <c>createPTauKey</c>.</summary>
    public static PtauKey Create(ReadOnlySpan<byte> challengeHash, ChaChaRng rng)
    {
        Fr tau = SnarkjsRandom.NextFr(rng), alpha = SnarkjsRandom.NextFr(rng), beta = SnarkjsRandom.NextFr(rng);
        byte[] challenge = challengeHash.ToArray();
        return new PtauKey
        {
            Tau = Share(tau, 0, challenge, rng),
            Alpha = Share(alpha, 1, challenge, rng),
            Beta = Share(beta, 2, challenge, rng),
        };
    }

    /// <summary>snarkjs's <c>getG2sp</c>: hash-to-G2 of BLAKE2b(personalization ‖ challenge ‖ g1s ‖ g1sx).</summary>
    public static G2Affine G2SpFor(byte personalization, ReadOnlySpan<byte> challenge, in G1Affine g1s, in G1Affine g1sx)
    {
        var h = new Blake2b();
        h.Update([personalization]);
        h.Update(challenge);
        Span<byte> b = stackalloc byte[64];
        PointEncoding.WriteUncompressed(g1s, b);
        h.Update(b);
        PointEncoding.WriteUncompressed(g1sx, b);
        h.Update(b);
        return SnarkjsRandom.HashToG2(h.Digest());
    }

    /// <summary>Recomputes the three hashed G2 points from the challenge the contribution answered.</summary>
    public void ComputeG2Sp(ReadOnlySpan<byte> challenge)
    {
        Tau.G2SP = G2SpFor(0, challenge, Tau.G1S, Tau.G1SX);
        Alpha.G2SP = G2SpFor(1, challenge, Alpha.G1S, Alpha.G1SX);
        Beta.G2SP = G2SpFor(2, challenge, Beta.G1S, Beta.G1SX);
    }

    /// <summary>Writes the public key: g1s, g1sx of τ, α, β, then g2spx of τ, α, β; LEM or uncompressed.</summary>
    public void WritePublicKey(Span<byte> destination, bool montgomery)
    {
        int pos = 0;
        foreach (KeyShare s in new[] { Tau, Alpha, Beta })
        {
            WriteG1(s.G1S, destination[pos..], montgomery); pos += 64;
            WriteG1(s.G1SX, destination[pos..], montgomery); pos += 64;
        }
        foreach (KeyShare s in new[] { Tau, Alpha, Beta })
        {
            if (montgomery) s.G2SPX.WriteMontgomeryLittleEndian(destination.Slice(pos, 128));
            else PointEncoding.WriteUncompressed(s.G2SPX, destination[pos..]);
            pos += 128;
        }
    }

    private static void WriteG1(in G1Affine p, Span<byte> d, bool montgomery)
    {
        if (montgomery) p.WriteMontgomeryLittleEndian(d[..64]);
        else PointEncoding.WriteUncompressed(p, d);
    }

    private static KeyShare Share(in Fr secret, byte personalization, byte[] challenge, ChaChaRng rng)
    {
        G1Affine g1s = SnarkjsRandom.NextG1(rng);
        G1Affine g1sx = G1Jacobian.Multiply(G1Jacobian.FromAffine(g1s), secret).ToAffine();
        G2Affine g2sp = G2SpFor(personalization, challenge, g1s, g1sx);
        G2Affine g2spx = G2Jacobian.Multiply(G2Jacobian.FromAffine(g2sp), secret).ToAffine();
        return new KeyShare { Secret = secret, G1S = g1s, G1SX = g1sx, G2SP = g2sp, G2SPX = g2spx };
    }
}
