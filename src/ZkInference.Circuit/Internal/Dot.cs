using System.Runtime.CompilerServices;
using ZkInference.Field;

namespace ZkInference.Circuit.Internal;

/// <summary>⟨row, w⟩ with the multiplications skipped for coefficients ±1 and the constant wire (most terms in practice).</summary>
internal static class Dot
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr Evaluate(ReadOnlySpan<int> wires, ReadOnlySpan<Fr> coeffs, ReadOnlySpan<Fr> w)
    {
        Fr acc = Fr.Zero;
        for (int k = 0; k < wires.Length; k++)
        {
            int wire = wires[k];
            ref readonly Fr c = ref coeffs[k];
            if (wire == 0) { Fr.Add(acc, c, out acc); continue; }
            if (c.IsOne) { Fr.Add(acc, w[wire], out acc); continue; }
            if (c == LinearCombination.MinusOne) { Fr.Sub(acc, w[wire], out acc); continue; }
            Fr.Mul(c, w[wire], out Fr t);
            Fr.Add(acc, t, out acc);
        }
        return acc;
    }
}
