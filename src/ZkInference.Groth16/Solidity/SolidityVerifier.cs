using System.Globalization;
using System.Text;
using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16.Solidity;

/// <summary>
/// Generates a Solidity contract that verifies Groth16 proofs for one verification key on an EVM chain, through
/// the BN254 precompiles ecAdd (0x06), ecMul (0x07) and ecPairing (0x08). The contract is a drop-in for the
/// one <c>snarkjs zkey export solidityverifier</c> writes: same contract name (<c>Groth16Verifier</c>) and the
/// same <c>verifyProof(uint[2] _pA, uint[2][2] _pB, uint[2] _pC, uint[N] _pubSignals)</c> ABI, G2 coordinates
/// imaginary part first (EIP-197), so the calldata of <c>zkey export soliditycalldata</c> works unchanged.
/// </summary>
/// <remarks>
/// <c>verifyProof</c> returns false for an invalid proof, a proof point off the curve or not canonical, and a
/// public signal ≥ r (as snarkjs's verifier does). Unlike snarkjs's, it reverts when too little gas is left for a
/// precompile call, so running out of gas can never read as a rejected proof, and gas estimation by binary
/// search finds a limit that really suffices.
/// </remarks>
public static class SolidityVerifier
{
    /// <summary>The name of the generated contract (snarkjs's, so deployment scripts need no change).</summary>
    public const string ContractName = "Groth16Verifier";

    /// <summary>The verifier contract's Solidity source for <paramref name="key"/>.</summary>
    /// <param name="key">The verification key, e.g. from <see cref="ZkeyFile.ReadVerifyingKey"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="Groth16Exception">The key has no IC points.</exception>
    public static string Generate(VerifyingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.IC.Length == 0) throw new Groth16Exception("verification key has no IC points");
        var constants = new StringBuilder();
        G1("ALPHA", key.Alpha1, constants);
        G2("BETA", key.Beta2, constants);
        G2("GAMMA", key.Gamma2, constants);
        G2("DELTA", key.Delta2, constants);
        for (int i = 0; i < key.IC.Length; i++) G1("IC" + i.ToString(CultureInfo.InvariantCulture), key.IC[i], constants);

        var signals = new StringBuilder();
        for (int i = 1; i < key.IC.Length; i++) signals.Append(SolidityVerifierTemplate.Signal(i));

        int n = key.PublicCount;
        string pubParam = n == 0 ? "" : $",\n        uint256[{n}] calldata _pubSignals";
        return SolidityVerifierTemplate.Contract
            .Replace("{{CONTRACT}}", ContractName, StringComparison.Ordinal)
            .Replace("{{NPUBLIC}}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{CONSTANTS}}", constants.ToString().TrimEnd('\n'), StringComparison.Ordinal)
            .Replace("{{PUBPARAM}}", pubParam, StringComparison.Ordinal)
            .Replace("{{SIGNALS}}", signals.ToString().TrimEnd('\n'), StringComparison.Ordinal);
    }

    /// <summary>Writes the verifier for <paramref name="key"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="Groth16Exception">The key is unusable or the file cannot be written.</exception>
    public static void Write(string path, VerifyingKey key) => AtomicFile.WriteText(path, Generate(key));

    // A point at infinity is written as zeros, which is how EIP-196/197 encode it.
    private static void G1(string name, in G1Affine p, StringBuilder sb)
    {
        Constant(sb, name + "_X", p.X);
        Constant(sb, name + "_Y", p.Y);
    }

    private static void G2(string name, in G2Affine p, StringBuilder sb)
    {
        Constant(sb, name + "_X_IM", p.X.A1);
        Constant(sb, name + "_X_RE", p.X.A0);
        Constant(sb, name + "_Y_IM", p.Y.A1);
        Constant(sb, name + "_Y_RE", p.Y.A0);
    }

    private static void Constant(StringBuilder sb, string name, in Fp value) =>
        sb.Append("    uint256 constant ").Append(name).Append(" = ")
          .Append(value.ToBigInteger().ToString(CultureInfo.InvariantCulture)).Append(";\n");
}
