using System.Numerics;
using ZkInference.Groth16;

namespace ZkInference.Market.Engine;

/// <summary>
/// What the engine calls where the contract calls a model's verifier contract: true exactly when the verifier
/// at <c>verifier</c> accepts the proof for these public signals. Anything it cannot check is invalid.
/// </summary>
public interface IProofVerifier
{
    /// <summary>Whether the verifier accepts <paramref name="proof"/> (eight calldata words) for <paramref name="publicSignals"/>.</summary>
    bool Verify(Address verifier, IReadOnlyList<BigInteger> publicSignals, IReadOnlyList<BigInteger> proof);
}

/// <summary>
/// The default verifier: our Groth16 <see cref="Verifier"/> with the verification key of each verifier contract
/// address, as <see cref="Groth16.Solidity.SolidityVerifier"/> generates it. An address without a key behaves
/// like an address without code: every proof is invalid.
/// </summary>
public sealed class Groth16ProofVerifier : IProofVerifier
{
    private readonly Dictionary<Address, PreparedVerifyingKey> _keys = [];

    /// <summary>Declares that the verifier contract at <paramref name="verifier"/> checks proofs under <paramref name="key"/>.</summary>
    public void Add(Address verifier, VerifyingKey key) => _keys[verifier] = new PreparedVerifyingKey(key);

    /// <inheritdoc/>
    public bool Verify(Address verifier, IReadOnlyList<BigInteger> publicSignals, IReadOnlyList<BigInteger> proof)
    {
        if (!_keys.TryGetValue(verifier, out PreparedVerifyingKey? key)) return false;
        var signals = new Field.Fr[publicSignals.Count];
        for (int i = 0; i < signals.Length; i++)
            if (publicSignals[i].Sign < 0 || !Field.Fr.TryFromBigInteger(publicSignals[i], out signals[i])) return false;
        return ProofCalldata.TryFromWords(proof, out Proof p) && Verifier.Verify(key, signals, p).IsValid;
    }
}
