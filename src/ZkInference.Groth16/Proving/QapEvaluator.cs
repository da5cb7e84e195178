using ZkInference.Field;
using ZkInference.Field.Fft;

namespace ZkInference.Groth16;

/// <summary>
/// The circom/snarkjs QAP reduction: evaluations of A·w and B·w on the n-domain from the zkey coefficients,
/// C = A∘B, then each interpolated (inverse FFT) and re-evaluated on the odd coset ω₂ₙ·⟨ωₙ⟩ of the 2n
/// domain; the result is P = A·B − C there, the scalars of the H points.
/// </summary>
internal static class QapEvaluator
{
    /// <summary>Returns P on the odd coset (length n). <paramref name="witness"/> has nVars entries.</summary>
    public static Fr[] OddCosetQuotient(ProvingKey key, ReadOnlySpan<Fr> witness)
    {
        int n = key.DomainSize;
        if (key.DomainPower + 1 > 28) throw new Groth16Exception($"domain size {n} is too large: the odd coset needs a 2n-th root of unity (n ≤ 2^27)");
        var a = new Fr[n];
        var b = new Fr[n];
        foreach (ref readonly ZkeyCoefficient c in key.Coefficients.AsSpan())
        {
            Fr[] target = c.Matrix == QapMatrix.A ? a : b;
            Fr.Mul(c.Value, witness[c.Signal], out Fr term);
            Fr.Add(target[c.Constraint], term, out target[c.Constraint]);
        }
        return OddCosetQuotientFromEvaluations(key.DomainPower, a, b);
    }

    /// <summary>Given A·w and B·w on the n-domain (overwritten), returns P = A·B − C on the odd coset (in <paramref name="a"/>).</summary>
    public static Fr[] OddCosetQuotientFromEvaluations(int power, Fr[] a, Fr[] b)
    {
        OddCosetQuotientInPlace(power, a, b, new Fr[a.Length]);
        return a;
    }

    /// <summary>
    /// The reduction in caller-provided storage (the streaming prover's one buffer): A·w in
    /// <paramref name="a"/> and B·w in <paramref name="b"/> (both overwritten), <paramref name="c"/> scratch;
    /// P is left in <paramref name="a"/>. The FFTs run one after another, each on all cores, and the domain's
    /// twiddles are not cached, so they are garbage as soon as this returns.
    /// </summary>
    public static void OddCosetQuotientInPlace(int power, Span<Fr> a, Span<Fr> b, Span<Fr> c)
    {
        if (power + 1 > 28) throw new Groth16Exception($"domain size 2^{power} is too large: the odd coset needs a 2n-th root of unity (n ≤ 2^27)");
        int n = a.Length;
        for (int i = 0; i < n; i++) Fr.Mul(a[i], b[i], out c[i]);
        var domain = new EvaluationDomain(power);
        Fr shift = EvaluationDomain.RootOfUnity(power + 1);
        domain.InverseFft(a); domain.CosetFft(a, shift);
        domain.InverseFft(b); domain.CosetFft(b, shift);
        domain.InverseFft(c); domain.CosetFft(c, shift);
        for (int i = 0; i < n; i++)
        {
            Fr.Mul(a[i], b[i], out Fr ab);
            Fr.Sub(ab, c[i], out a[i]);
        }
    }
}
