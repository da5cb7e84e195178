using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Poseidon;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Solidity;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>
/// A tiny inference circuit with the marketplace's public-signal layout: two outputs of private input x and
/// private parameter w (y0 = x·w + 1, y1 = w² + x), the input commitment Poseidon(x) and parameter commitment
/// Poseidon(w) as public outputs, then the public inputs requestId and server, each bound by a squaring constraint.
/// One development key (DevSetup) and its Solidity verifier; proofs are made on demand (milliseconds).
/// </summary>
public sealed class TestCircuit
{
    public const int NumOutputs = 2;

    private static readonly Lazy<TestCircuit> InstanceLazy = new(() => new TestCircuit());

    private readonly CompiledCircuit _circuit;

    private TestCircuit()
    {
        var b = new CircuitBuilder();
        Variable requestId = b.PublicInput("requestId");
        Variable server = b.PublicInput("server");
        Variable x = b.PrivateInput("x");
        Variable w = b.PrivateInput("w");
        b.PublicOutput("y0", b.Mul(x, w) + 1);
        b.PublicOutput("y1", b.Mul(w, w) + x);
        b.PublicOutput("inputCommitment", PoseidonGadget.Hash(b, x));
        b.PublicOutput("paramCommitment", PoseidonGadget.Hash(b, w));
        b.Mul(requestId, requestId);
        b.Mul(server, server);
        _circuit = b.Compile();
        Key = DevSetup.Create(_circuit.System);
        VerifyingKey = Key.ToVerifyingKey();
        VerifierSource = SolidityVerifier.Generate(VerifyingKey);
    }

    public static TestCircuit Instance => InstanceLazy.Value;

    public ProvingKey Key { get; }

    public VerifyingKey VerifyingKey { get; }

    public string VerifierSource { get; }

    public static BigInteger Commit(BigInteger value) => PoseidonHash.Hash([Fr.FromBigInteger(value)]).ToBigInteger();

    public static BigInteger[] Outputs(BigInteger x, BigInteger w) =>
        [(Fr.FromBigInteger(x) * Fr.FromBigInteger(w) + Fr.One).ToBigInteger(), (Fr.FromBigInteger(w) * Fr.FromBigInteger(w) + Fr.FromBigInteger(x)).ToBigInteger()];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(BigInteger, BigInteger, BigInteger, Address), (BigInteger[], BigInteger[])> _pool = new();

    /// <summary>
    /// A valid proof that the model with parameter w maps input x to its outputs, for this request and server.
    /// Proofs are pooled per (x, w, request, server): sequences reuse request ids and accounts, and proving is
    /// the slow part of the differential test on a busy machine.
    /// </summary>
    public (BigInteger[] Outputs, BigInteger[] Proof) Prove(BigInteger x, BigInteger w, BigInteger requestId, Address server) =>
        _pool.GetOrAdd((x, w, requestId, server), k => ProveNow(k.Item1, k.Item2, k.Item3, k.Item4));

    private (BigInteger[] Outputs, BigInteger[] Proof) ProveNow(BigInteger x, BigInteger w, BigInteger requestId, Address server)
    {
        Fr[] witness = _circuit.SolveChecked([Fr.FromBigInteger(requestId), Fr.FromBigInteger(server.ToUInt160())], [Fr.FromBigInteger(x), Fr.FromBigInteger(w)]);
        ProofWithPublicSignals p = Prover.Prove(Key, _circuit.System, witness);
        BigInteger[] outputs = p.PublicSignals[..NumOutputs].Select(s => s.ToBigInteger()).ToArray();
        return (outputs, ProofCalldata.ToWords(p.Proof));
    }
}
