using ZkInference.Field;

namespace ZkInference.Circuit.Poseidon;

/// <summary>
/// The partial rounds of <see cref="PoseidonGadget"/> without mixing long linear combinations every round.
/// </summary>
/// <remarks>
/// A partial round maps the state S to S' = M·D·(S + c) + M·e₀·p, where D zeroes element 0 and p = (S₀ + c₀)⁵ is the
/// round's S-box output. The map is linear in (S, p), so after r rounds
/// S = (MD)ʳ·S₁ + Σⱼ (MD)^(r−1−j)·M·e₀·pⱼ + kᵣ with a constant vector kᵣ. The S-box inputs need only row 0 of the powers
/// (the row vectors wₖ = e₀ᵀ(MD)ᵏ) and the final state needs (MD)^R and the columns (MD)ᵏ·M·e₀: O(R·t²) field
/// operations on scalars instead of t² merges of combinations of up to t + R terms per round, which made one 16-input
/// hash take about a second to lay out. The combinations built are exactly those of the round-by-round evaluation
/// (the same linear functions of the same wires, in canonical form), so the constraint system is unchanged.
/// </remarks>
internal static class PoseidonPartialRounds
{
    /// <summary>Runs the partial rounds <paramref name="firstRound"/>.. on <paramref name="state"/> (replaced by the result).</summary>
    public static void Apply(CircuitBuilder b, PoseidonParameters p, int firstRound, LinearCombination[] state, Func<CircuitBuilder, LinearCombination, LinearCombination> sbox)
    {
        int t = p.Width, rounds = p.PartialRounds;
        Fr[,] m = p.Mds;
        // w[k] = e₀ᵀ(MD)ᵏ; (row·MD)ⱼ = Σᵢ rowᵢ·Mᵢⱼ for j ≥ 1 and 0 for j = 0.
        var w = new Fr[rounds][];
        w[0] = new Fr[t];
        w[0][0] = Fr.One;
        for (int k = 1; k < rounds; k++) w[k] = RowTimesMD(w[k - 1], m);
        // a[k] = wₖ·(M·e₀): the coefficient of p_j in the S-box input k + 1 rounds later.
        var a = new Fr[rounds];
        for (int k = 0; k < rounds; k++)
        {
            Fr s = Fr.Zero;
            for (int i = 0; i < t; i++) s += w[k][i] * m[i, 0];
            a[k] = s;
        }
        var sboxOut = new LinearCombination[rounds];
        var constant = new Fr[t]; // kᵣ: the constants added so far, mixed (S₁'s own constants stay in its combinations)
        var acc = new LinearCombinationBuilder(4 * t + rounds);
        for (int r = 0; r < rounds; r++)
        {
            Fr[] c = RoundConstants(p, firstRound + r);
            for (int i = 0; i < t; i++) acc.Add(state[i], w[r][i]);
            for (int j = 0; j < r; j++) acc.Add(sboxOut[j], a[r - 1 - j]);
            acc.AddConstant(constant[0] + c[0]);
            sboxOut[r] = sbox(b, acc.Build());
            for (int i = 0; i < t; i++) constant[i] += c[i];
            constant = MDTimesColumn(m, constant);
        }
        // Final state: (MD)^R·S₁ + Σⱼ (MD)^(R−1−j)·M·e₀·pⱼ + k_R.
        Fr[,] power = MatrixPower(m, rounds);
        var columns = new Fr[rounds][]; // columns[k] = (MD)ᵏ·M·e₀
        columns[0] = new Fr[t];
        for (int i = 0; i < t; i++) columns[0][i] = m[i, 0];
        for (int k = 1; k < rounds; k++) columns[k] = MDTimesColumn(m, columns[k - 1]);
        var result = new LinearCombination[t];
        for (int i = 0; i < t; i++)
        {
            for (int j = 0; j < t; j++) acc.Add(state[j], power[i, j]);
            for (int j = 0; j < rounds; j++) acc.Add(sboxOut[j], columns[rounds - 1 - j][i]);
            acc.AddConstant(constant[i]);
            result[i] = acc.Build();
        }
        result.CopyTo(state, 0);
    }

    private static Fr[] RoundConstants(PoseidonParameters p, int round)
    {
        var c = new Fr[p.Width];
        for (int i = 0; i < c.Length; i++) c[i] = p.RoundConstants[round * p.Width + i];
        return c;
    }

    private static Fr[] RowTimesMD(Fr[] row, Fr[,] m)
    {
        int t = row.Length;
        var r = new Fr[t];
        for (int j = 1; j < t; j++)
        {
            Fr s = Fr.Zero;
            for (int i = 0; i < t; i++) s += row[i] * m[i, j];
            r[j] = s;
        }
        return r;
    }

    private static Fr[] MDTimesColumn(Fr[,] m, Fr[] v)
    {
        int t = v.Length;
        var r = new Fr[t];
        for (int i = 0; i < t; i++)
        {
            Fr s = Fr.Zero;
            for (int j = 1; j < t; j++) s += m[i, j] * v[j];
            r[i] = s;
        }
        return r;
    }

    // (MD)ⁿ by repeated squaring: O(t³·log n).
    private static Fr[,] MatrixPower(Fr[,] m, int n)
    {
        int t = m.GetLength(0);
        var md = new Fr[t, t];
        for (int i = 0; i < t; i++)
            for (int j = 1; j < t; j++) md[i, j] = m[i, j];
        var result = new Fr[t, t];
        for (int i = 0; i < t; i++) result[i, i] = Fr.One;
        for (Fr[,] basis = md; n > 0; n >>= 1)
        {
            if ((n & 1) != 0) result = Multiply(result, basis);
            if (n > 1) basis = Multiply(basis, basis);
        }
        return result;
    }

    private static Fr[,] Multiply(Fr[,] x, Fr[,] y)
    {
        int t = x.GetLength(0);
        var r = new Fr[t, t];
        for (int i = 0; i < t; i++)
            for (int j = 0; j < t; j++)
            {
                Fr s = Fr.Zero;
                for (int k = 0; k < t; k++) s += x[i, k] * y[k, j];
                r[i, j] = s;
            }
        return r;
    }
}
