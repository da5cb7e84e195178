using ZkInference.Field;

namespace ZkInference.Circuit.Poseidon;

/// <summary>Poseidon as circomlib and circomlibjs compute it: state [0, inputs…], output state[0].</summary>
public static class PoseidonHash
{
    /// <summary>The hash of 1..16 field elements (circomlibjs <c>poseidon(inputs)</c>).</summary>
    public static Fr Hash(ReadOnlySpan<Fr> inputs)
    {
        PoseidonParameters p = PoseidonParameters.ForInputs(inputs.Length);
        int t = p.Width;
        Span<Fr> state = stackalloc Fr[t];
        Span<Fr> next = stackalloc Fr[t];
        state[0] = Fr.Zero;
        inputs.CopyTo(state[1..]);
        int rounds = PoseidonParameters.FullRounds + p.PartialRounds, half = PoseidonParameters.FullRounds / 2;
        for (int r = 0; r < rounds; r++)
        {
            bool full = r < half || r >= half + p.PartialRounds;
            for (int i = 0; i < t; i++)
            {
                state[i] += p.RoundConstants[r * t + i];
                if (full || i == 0) state[i] = Pow5(state[i]);
            }
            for (int i = 0; i < t; i++)
            {
                Fr acc = Fr.Zero;
                for (int j = 0; j < t; j++) acc += p.Mds[i, j] * state[j];
                next[i] = acc;
            }
            next.CopyTo(state);
        }
        return state[0];
    }

    private static Fr Pow5(in Fr x)
    {
        Fr x2 = x.Square();
        return x2.Square() * x;
    }
}
