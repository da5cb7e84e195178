using ZkInference.Field;

namespace ZkInference.Circuit.Poseidon;

/// <summary>Poseidon in a circuit, equal to circomlib's <c>Poseidon(n)</c> template's output.</summary>
public static class PoseidonGadget
{
    /// <summary>
    /// The Poseidon hash of 1..16 combinations. The state stays as linear combinations (round constants and MDS
    /// mixing are free); each S-box x⁵ costs 3 constraints (x², x⁴, x⁴·x), and S-boxes of constant values fold.
    /// Cost: 3·(8t + R_P) − 3 constraints for t = n + 1 (the capacity element's first S-box is constant):
    /// 240 for n = 2, 3·(8·17 + 68) − 3 = 609 for n = 16. See <see cref="Cost"/>. Deterministic.
    /// </summary>
    public static LinearCombination Hash(CircuitBuilder b, ReadOnlySpan<LinearCombination> inputs)
    {
        ArgumentNullException.ThrowIfNull(b);
        PoseidonParameters p = PoseidonParameters.ForInputs(inputs.Length);
        int t = p.Width;
        var state = new LinearCombination[t];
        inputs.CopyTo(state.AsSpan(1));
        int rounds = PoseidonParameters.FullRounds + p.PartialRounds, half = PoseidonParameters.FullRounds / 2;
        var next = new LinearCombination[t];
        var acc = new LinearCombinationBuilder(4 * t);
        for (int r = 0; r < rounds; r++)
        {
            if (r == half)
            {
                // The partial rounds in closed form (same combinations, far less work); see PoseidonPartialRounds.
                PoseidonPartialRounds.Apply(b, p, r, state, Pow5);
                r += p.PartialRounds - 1;
                continue;
            }
            for (int i = 0; i < t; i++) state[i] = Pow5(b, state[i] + p.RoundConstants[r * t + i]);
            for (int i = 0; i < t; i++)
            {
                for (int j = 0; j < t; j++) acc.Add(state[j], p.Mds[i, j]);
                next[i] = acc.Build();
            }
            (state, next) = (next, state);
        }
        return state[0];
    }

    /// <summary>Constraints added by <see cref="Hash(CircuitBuilder, ReadOnlySpan{LinearCombination})"/> for non-constant inputs: 3·(8t + R_P − 1).</summary>
    public static int Cost(int inputs)
    {
        PoseidonParameters p = PoseidonParameters.ForInputs(inputs);
        return 3 * (PoseidonParameters.FullRounds * p.Width + p.PartialRounds - 1);
    }

    private static LinearCombination Pow5(CircuitBuilder b, LinearCombination x)
    {
        LinearCombination x2 = b.Mul(x, x);
        LinearCombination x4 = b.Mul(x2, x2);
        return b.Mul(x4, x);
    }

    /// <summary>Convenience overload for variables.</summary>
    public static LinearCombination Hash(CircuitBuilder b, params Variable[] inputs) =>
        Hash(b, inputs.Select(v => (LinearCombination)v).ToArray());

    internal static Fr Reference(ReadOnlySpan<Fr> inputs) => PoseidonHash.Hash(inputs);
}
