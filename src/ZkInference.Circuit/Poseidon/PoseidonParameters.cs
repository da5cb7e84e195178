using System.Collections.Concurrent;
using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Circuit.Poseidon;

/// <summary>
/// circomlib's Poseidon parameters for width t = inputs + 1 (t = 2..17) over BN254's Fr: x⁵ S-box, 8 full rounds,
/// partial rounds 56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68. Generated here (lazily, once per
/// width) by the reference procedure — round constants and a Cauchy MDS matrix Mᵢⱼ = 1/(xᵢ + yⱼ) drawn from the
/// Grain LFSR — rather than copied; tests prove them equal to circomlibjs's by comparing hashes.
/// </summary>
public sealed class PoseidonParameters
{
    /// <summary>Full rounds (half before, half after the partial rounds).</summary>
    public const int FullRounds = 8;

    /// <summary>The largest number of inputs (t = 17).</summary>
    public const int MaxInputs = 16;

    private static readonly int[] PartialRoundsByWidth = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];
    private static readonly ConcurrentDictionary<int, PoseidonParameters> Cache = new();

    private PoseidonParameters(int width, int partialRounds, Fr[] roundConstants, Fr[,] mds)
    {
        Width = width;
        PartialRounds = partialRounds;
        RoundConstants = roundConstants;
        Mds = mds;
    }

    /// <summary>The state width t.</summary>
    public int Width { get; }

    /// <summary>The number of partial rounds.</summary>
    public int PartialRounds { get; }

    /// <summary>Round constants, t per round, (FullRounds + PartialRounds)·t in all.</summary>
    public IReadOnlyList<Fr> RoundConstants { get; }

    /// <summary>The MDS matrix: the new state is sᵢ' = Σⱼ Mds[i, j]·sⱼ.</summary>
    public Fr[,] Mds { get; }

    /// <summary>The parameters for <paramref name="inputs"/> inputs (1..16).</summary>
    public static PoseidonParameters ForInputs(int inputs)
    {
        if (inputs < 1 || inputs > MaxInputs) throw new ArgumentOutOfRangeException(nameof(inputs), $"Poseidon takes 1..{MaxInputs} inputs");
        return Cache.GetOrAdd(inputs + 1, Generate);
    }

    private static PoseidonParameters Generate(int t)
    {
        int rp = PartialRoundsByWidth[t - 2];
        BigInteger p = Fr.Modulus;
        var grain = new GrainLfsr(fieldType: 1, sboxType: 0, fieldBits: Fr.Bits, width: t, FullRounds, rp);
        var constants = new Fr[(FullRounds + rp) * t];
        for (int i = 0; i < constants.Length; i++)
        {
            BigInteger c;
            do c = grain.NextInteger(Fr.Bits); while (c >= p);
            constants[i] = Fr.FromBigInteger(c);
        }
        while (true)
        {
            var xy = new Fr[2 * t];
            for (int i = 0; i < xy.Length; i++) xy[i] = Fr.FromBigInteger(grain.NextInteger(Fr.Bits));
            if (xy.Distinct().Count() != xy.Length) continue;
            var mds = new Fr[t, t];
            bool ok = true;
            for (int i = 0; i < t && ok; i++)
                for (int j = 0; j < t && ok; j++)
                {
                    Fr s = xy[i] + xy[t + j];
                    if (s.IsZero) ok = false;
                    else mds[i, j] = s.Inverse();
                }
            if (ok) return new PoseidonParameters(t, rp, constants, mds);
        }
    }
}
