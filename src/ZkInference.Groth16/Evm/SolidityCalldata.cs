using System.Globalization;
using System.Numerics;
using System.Text;
using ZkInference.Field;
using ZkInference.Field.Evm;

namespace ZkInference.Groth16.Evm;

/// <summary>
/// What the chain sees of a proof: the <c>snarkjs zkey export soliditycalldata</c> text for the snarkjs
/// Solidity verifier, and the exact ecPairing (0x08) precompile input the verifier builds.
/// </summary>
public static class SolidityCalldata
{
    /// <summary>
    /// The calldata text exactly as snarkjs prints it (without the trailing newline):
    /// <c>[a.x, a.y],[[b.x.c1, b.x.c0],[b.y.c1, b.y.c0]],[c.x, c.y],[inputs…]</c>, each value as a quoted
    /// 0x-prefixed 64-digit lowercase hex number (G2 coordinates imaginary part first, as EIP-197 wants).
    /// </summary>
    /// <param name="proof">The proof.</param>
    /// <param name="publicSignals">The public signals as decimal strings (as in public.json; printed as given).</param>
    /// <exception cref="Groth16Exception">A public signal is not a decimal number.</exception>
    public static string Format(in Proof proof, IReadOnlyList<string> publicSignals)
    {
        var sb = new StringBuilder();
        sb.Append('[').Append(Hex(proof.A.X)).Append(", ").Append(Hex(proof.A.Y)).Append("],");
        sb.Append("[[").Append(Hex(proof.B.X.A1)).Append(", ").Append(Hex(proof.B.X.A0)).Append("],[")
          .Append(Hex(proof.B.Y.A1)).Append(", ").Append(Hex(proof.B.Y.A0)).Append("]],");
        sb.Append('[').Append(Hex(proof.C.X)).Append(", ").Append(Hex(proof.C.Y)).Append("],[");
        for (int i = 0; i < publicSignals.Count; i++)
        {
            string s = publicSignals[i];
            if (string.IsNullOrEmpty(s) || s.Any(c => c is < '0' or > '9') || s.Length > 100)
                throw new Groth16Exception($"public signal {i} is not a decimal number");
            if (i > 0) sb.Append(',');
            sb.Append(Hex(BigInteger.Parse(s, CultureInfo.InvariantCulture)));
        }
        return sb.Append(']').ToString();
    }

    /// <summary>
    /// The 768-byte ecPairing input the snarkjs Solidity verifier passes to precompile 0x08 for this proof:
    /// (−π_A, π_B), (α, β), (IC₀ + Σ xᵢ·ICᵢ, γ), (π_C, δ), each pair 64 + 128 bytes big-endian (EIP-197).
    /// The proof verifies exactly when the precompile returns 1.
    /// </summary>
    /// <exception cref="Groth16Exception">The public signal count does not match the key.</exception>
    public static byte[] PairingInput(VerifyingKey key, ReadOnlySpan<Fr> publicSignals, in Proof proof)
    {
        if (publicSignals.Length != key.PublicCount)
            throw new Groth16Exception($"{publicSignals.Length} public signals, but the verification key expects {key.PublicCount}");
        G1Affine acc = Verifier.PublicInputCombination(key.IC, publicSignals);
        var input = new byte[4 * EvmPrecompiles.PairSize];
        Span<byte> s = input;
        WritePair(s, proof.A.Negate(), proof.B);
        WritePair(s[EvmPrecompiles.PairSize..], key.Alpha1, key.Beta2);
        WritePair(s[(2 * EvmPrecompiles.PairSize)..], acc, key.Gamma2);
        WritePair(s[(3 * EvmPrecompiles.PairSize)..], proof.C, key.Delta2);
        return input;
    }

    private static void WritePair(Span<byte> destination, in G1Affine p, in G2Affine q)
    {
        p.WriteBigEndian(destination[..G1Affine.SizeInBytes]);
        q.WriteBigEndian(destination[G1Affine.SizeInBytes..EvmPrecompiles.PairSize]);
    }

    private static string Hex(in Fp value) => Hex(value.ToBigInteger());

    private static string Hex(BigInteger value) => "\"0x" + value.ToString("x64", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(64, '0') + "\"";
}
