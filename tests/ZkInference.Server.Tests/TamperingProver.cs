using System.Numerics;
using ZkInference.Groth16;
using ZkInference.Server.Feed;

namespace ZkInference.Server.Tests;

/// <summary>A faulty server's prover: proves honestly, then negates π_A, so the market's verifier must reject it.</summary>
internal sealed class TamperingProver(IInferenceProver inner) : IInferenceProver
{
    public bool Serves(BigInteger modelId) => inner.Serves(modelId);

    public BigInteger InputCommitment(BigInteger modelId, string inputJson) => inner.InputCommitment(modelId, inputJson);

    public ProvedInference Prove(ServedRequest request, string inputJson, string serverAddress, CancellationToken cancellation)
    {
        var honest = inner.Prove(request, inputJson, serverAddress, cancellation);
        var p = honest.Proof.Proof;
        return honest with { Proof = honest.Proof with { Proof = new Proof(p.A.Negate(), p.B, p.C) } };
    }
}
