using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Field.Fft;
using ZkInference.Groth16.Dev;

namespace ZkInference.Groth16;

/// <summary>
/// FOR DEVELOPMENT ONLY: a single-party Groth16 setup from toxic waste τ, α, β, γ, δ drawn from a CSPRNG and
/// dropped when the call returns (never written anywhere, but whoever controls this process could keep them
/// and forge proofs). Use a powers-of-tau ceremony and <c>groth16 setup</c> for anything real.
/// </summary>
/// <remarks>
/// The key has snarkjs's zkey semantics, so snarkjs proves with it: A/B/C polynomials in the Lagrange basis
/// of the n-domain with one extra A-row per public signal (row nConstraints + i, coefficient 1 on wire i,
/// i = 0..nPublic), IC = (β·Aᵢ + α·Bᵢ + Cᵢ)/γ, C = (β·Aᵢ + α·Bᵢ + Cᵢ)/δ, and H_j = L²ⁿ₂ⱼ₊₁(τ)/δ, the odd
/// Lagrange basis of the 2n domain: since the prover's scalars are P = A·B − C on the odd coset ω₂ₙ·⟨ωₙ⟩,
/// where Z = xⁿ − 1 equals −2, Σ P(xⱼ)·L²ⁿ₂ⱼ₊₁(τ) = h(τ)·Z(τ).
/// </remarks>
public static class DevSetup
{
    /// <summary>Creates a proving key for <paramref name="constraints"/> from fresh random toxic waste.</summary>
    /// <exception cref="Groth16Exception">The circuit is too large for BN254's FFT domains.</exception>
    public static ProvingKey Create(ConstraintSystem constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        int m = constraints.ConstraintCount, nPub = constraints.PublicCount, nVars = constraints.WireCount;
        long rows = (long)m + nPub + 1;
        int power = Math.Max(1, (int)BitOperations.Log2((ulong)Math.Max(1, rows - 1)) + 1);
        if (power > 27) throw new Groth16Exception($"the circuit needs a domain of 2^{power} (> 2^27): too large for BN254");
        int n = 1 << power;

        Fr tau = NonZero(), alpha = NonZero(), beta = NonZero(), gamma = NonZero(), delta = NonZero();
        Fr[] lagrange = LagrangeAt(tau, EvaluationDomain.ForLogSize(power));

        var a = new Fr[nVars];
        var b = new Fr[nVars];
        var c = new Fr[nVars];
        var coefficients = new List<ZkeyCoefficient>();
        for (int row = 0; row < m; row++)
        {
            Accumulate(constraints.A(row), row, lagrange[row], a, QapMatrix.A, coefficients);
            Accumulate(constraints.B(row), row, lagrange[row], b, QapMatrix.B, coefficients);
            Accumulate(constraints.C(row), row, lagrange[row], c, null, null);
        }
        for (int s = 0; s <= nPub; s++)
        {
            a[s] += lagrange[m + s];
            coefficients.Add(new ZkeyCoefficient(QapMatrix.A, m + s, s, Fr.One));
        }

        Fr gammaInv = gamma.Inverse(), deltaInv = delta.Inverse();
        var icScalars = new Fr[nPub + 1];
        var cScalars = new Fr[nVars - nPub - 1];
        for (int i = 0; i < nVars; i++)
        {
            Fr k = beta * a[i] + alpha * b[i] + c[i];
            if (i <= nPub) icScalars[i] = k * gammaInv;
            else cScalars[i - nPub - 1] = k * deltaInv;
        }
        Fr[] h = OddLagrangeOfDoubleDomain(tau, power);
        for (int j = 0; j < h.Length; j++) h[j] *= deltaInv;

        G1Affine g1 = G1Affine.Generator;
        G2Affine g2 = G2Affine.Generator;
        G1Affine[] header1 = FixedBase.G1(g1, [alpha, beta, delta]);
        G2Affine[] header2 = FixedBase.G2(g2, [beta, gamma, delta]);
        var key = new ProvingKey
        {
            VariableCount = nVars, PublicCount = nPub, DomainSize = n,
            Alpha1 = header1[0], Beta1 = header1[1], Delta1 = header1[2],
            Beta2 = header2[0], Gamma2 = header2[1], Delta2 = header2[2],
            IC = FixedBase.G1(g1, icScalars),
            Coefficients = coefficients.ToArray(),
            A = FixedBase.G1(g1, a),
            B1 = FixedBase.G1(g1, b),
            B2 = FixedBase.G2(g2, b),
            C = FixedBase.G1(g1, cScalars),
            H = FixedBase.G1(g1, h),
        };
        key.Validate("dev setup");
        return key;
    }

    private static void Accumulate(SparseRow row, int index, in Fr l, Fr[] target, QapMatrix? matrix, List<ZkeyCoefficient>? coefficients)
    {
        for (int t = 0; t < row.Count; t++)
        {
            Fr coeff = row.Coefficients[t];
            if (coeff.IsZero) continue;
            int wire = row.Wires[t];
            target[wire] += coeff * l;
            coefficients?.Add(new ZkeyCoefficient(matrix!.Value, index, wire, coeff));
        }
    }

    /// <summary>Lᵢ(τ) = (τⁿ − 1)·ωⁱ / (n·(τ − ωⁱ)) for the n-domain, with one batch inversion.</summary>
    internal static Fr[] LagrangeAt(in Fr tau, EvaluationDomain domain)
    {
        int n = domain.Size;
        var omegaPowers = new Fr[n];
        var denominators = new Fr[n];
        Fr w = Fr.One;
        for (int i = 0; i < n; i++)
        {
            omegaPowers[i] = w;
            denominators[i] = tau - w;
            w *= domain.Generator;
        }
        if (denominators.Any(d => d.IsZero)) throw new Groth16Exception("τ is a root of unity of the domain; retry");
        Fr.BatchInverse(denominators, denominators);
        Fr factor = (Fr.Pow(tau, new BigInteger(n)) - Fr.One) * domain.SizeInverse;
        for (int i = 0; i < n; i++) omegaPowers[i] = factor * omegaPowers[i] * denominators[i];
        return omegaPowers;
    }

    /// <summary>L²ⁿ₂ⱼ₊₁(τ) for j = 0..n−1: the odd-index Lagrange basis of the 2n domain at τ.</summary>
    private static Fr[] OddLagrangeOfDoubleDomain(in Fr tau, int power)
    {
        Fr[] all = LagrangeAt(tau, EvaluationDomain.ForLogSize(power + 1));
        var odd = new Fr[all.Length / 2];
        for (int j = 0; j < odd.Length; j++) odd[j] = all[2 * j + 1];
        return odd;
    }

    private static Fr NonZero()
    {
        Fr x;
        do x = Fr.RandomSecure(); while (x.IsZero);
        return x;
    }
}
