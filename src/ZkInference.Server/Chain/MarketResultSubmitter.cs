using System.Numerics;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Server.Feed;

namespace ZkInference.Server.Chain;

/// <summary>Submits proved results to the market contract from the connection's account.</summary>
public sealed class MarketResultSubmitter : IResultSubmitter
{
    private readonly MarketClient client;

    /// <summary>Submits through <paramref name="client"/>, signing as <paramref name="chain"/>'s account.</summary>
    public MarketResultSubmitter(ChainConnection chain, MarketClient client)
    {
        this.client = client;
        ServerAddress = chain.Sender.ToString();
    }

    /// <inheritdoc />
    public string ServerAddress { get; }

    /// <inheritdoc />
    public async Task<SubmissionOutcome> SubmitAsync(BigInteger requestId, ProvedInference result, CancellationToken cancellation)
    {
        // The client sets a gas limit with a margin over the verifier's fixed gas, so an underestimate cannot turn a
        // valid proof into a rejected one; a rejection comes back as an event, not an exception.
        var outcome = await client.SubmitResultAsync(requestId, result.Outputs, ProofCalldata.ToWords(result.Proof.Proof),
            cancellationToken: cancellation).ConfigureAwait(false);
        return new SubmissionOutcome(outcome.Accepted, outcome.Transaction.Hash, (ulong)outcome.Transaction.GasUsed,
            outcome.Accepted ? null : "the market's verifier rejected the proof");
    }
}
