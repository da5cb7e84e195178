using ZkInference.Field;
using ZkInference.Groth16.Ceremony;
using ZkInference.Groth16.Ptau;

namespace ZkInference.Groth16.Setup;

/// <summary>
/// Phase-2 (circuit-specific) contributions to a .zkey as snarkjs makes them: a secret δ' multiplies δ in
/// G1 and G2 and divides the C and H points, with a proof of knowledge bound to the transcript.
/// </summary>
public static partial class ZkeyCeremony
{
    /// <summary>Adds a contribution whose secret comes from fresh randomness mixed with <paramref name="entropy"/>; returns the contribution hash.</summary>
    /// <exception cref="Groth16Exception">The input is malformed or the output cannot be written.</exception>
    public static byte[] Contribute(string input, string output, string? name, string entropy) =>
        Apply(input, output, SnarkjsRandom.FromEntropy(entropy), name, 0, null, 0);

    /// <summary>Adds a beacon contribution (secret from SHA-256 iterated 2^<paramref name="numIterationsExp"/> times); returns the contribution hash.</summary>
    /// <exception cref="Groth16Exception">The beacon parameters are invalid, the input is malformed or the output cannot be written.</exception>
    public static byte[] Beacon(string input, string output, string? name, byte[] beaconHash, int numIterationsExp)
    {
        if (beaconHash.Length == 0 || beaconHash.Length > 255) throw new Groth16Exception("zkey beacon: the beacon hash must be 1..255 bytes");
        if (numIterationsExp < 10 || numIterationsExp > 63) throw new Groth16Exception($"zkey beacon: numIterationsExp {numIterationsExp} must be between 10 and 63");
        return Apply(input, output, SnarkjsRandom.FromBeacon(beaconHash, numIterationsExp), name, 1, beaconHash, numIterationsExp);
    }

    private static byte[] Apply(string input, string output, ChaChaRng rng, string? name, int type, byte[]? beaconHash, int exp)
    {
        ProvingKey key = ZkeyFile.Read(input);
        ZkeyTranscript transcript = ReadTranscript(key, input);
        ZkeyContribution c = NewContribution(transcript, rng, name, type, beaconHash, exp, out Fr secret);
        Fr inv = secret.Inverse();
        var next = new ZkeyTranscript { CircuitHash = transcript.CircuitHash, Contributions = [.. transcript.Contributions, c] };
        var updated = new ProvingKey
        {
            VariableCount = key.VariableCount, PublicCount = key.PublicCount, DomainSize = key.DomainSize,
            Alpha1 = key.Alpha1, Beta1 = key.Beta1, Beta2 = key.Beta2, Gamma2 = key.Gamma2,
            Delta1 = c.DeltaAfter,
            Delta2 = G2Jacobian.Multiply(G2Jacobian.FromAffine(key.Delta2), secret).ToAffine(),
            IC = key.IC, Coefficients = key.Coefficients, A = key.A, B1 = key.B1, B2 = key.B2,
            C = Scale(key.C, inv), H = Scale(key.H, inv), Contributions = next.ToBytes(),
        };
        ZkeyFile.Write(updated, output);
        return c.Hash();
    }

    internal static ZkeyContribution NewContribution(ZkeyTranscript t, ChaChaRng rng, string? name, int type, byte[]? beaconHash, int exp, out Fr secret)
    {
        secret = SnarkjsRandom.NextFr(rng);
        G1Affine g1s = SnarkjsRandom.NextG1(rng);
        G1Affine g1sx = G1Jacobian.Multiply(G1Jacobian.FromAffine(g1s), secret).ToAffine();
        byte[] hash = t.NextTranscript(g1s, g1sx, t.Contributions.Count);
        G2Affine g2sp = SnarkjsRandom.HashToG2(hash);
        G1Affine delta = t.Contributions.Count > 0 ? t.Contributions[^1].DeltaAfter : G1Affine.Generator;
        return new ZkeyContribution
        {
            DeltaAfter = G1Jacobian.Multiply(G1Jacobian.FromAffine(delta), secret).ToAffine(),
            G1S = g1s, G1SX = g1sx, G2SPX = G2Jacobian.Multiply(G2Jacobian.FromAffine(g2sp), secret).ToAffine(),
            Transcript = hash, Type = type, Name = name, NumIterationsExp = exp, BeaconHash = beaconHash,
        };
    }

    internal static ZkeyTranscript ReadTranscript(ProvingKey key, string path)
    {
        if (key.Contributions is null) throw new Groth16Exception($"{path}: has no contributions section");
        ZkeyTranscript t = ZkeyTranscript.Parse(key.Contributions, path);
        G1Affine expected = t.Contributions.Count > 0 ? t.Contributions[^1].DeltaAfter : G1Affine.Generator;
        if (key.Delta1 != expected) throw new Groth16Exception($"{path}: delta1 does not match the last contribution of its transcript");
        return t;
    }

    private static G1Affine[] Scale(G1Affine[] points, in Fr k)
    {
        var jac = new G1Jacobian[points.Length];
        var scalars = new Fr[256];
        Array.Fill(scalars, k);
        Parallel.For(0, (points.Length + 255) / 256, Parallelism.Cores, b =>
        {
            int s = b * 256, e = Math.Min(points.Length, s + 256);
            for (int i = s; i < e; i++) jac[i] = G1Jacobian.FromAffine(points[i]);
            G1Jacobian.MultiplyMany(jac.AsSpan(s, e - s), scalars.AsSpan(0, e - s), jac.AsSpan(s, e - s));
        });
        var aff = new G1Affine[points.Length];
        PowersOfTau.ToAffineParallel(jac, aff);
        return aff;
    }
}
