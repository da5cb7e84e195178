using System.Numerics;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>The client on its own: gas estimation path, gas figures for docs/GAS.md, the event watcher and reorgs, the artifact.</summary>
[Collection(ChainCollection.Name)]
public sealed class ChainClientTests(HardhatNode node, ITestOutputHelper output)
{
    private static readonly ModelTerms PerUse = new(1000, 0, 0, 0, 0, 5000);

    [Fact]
    public void EmbeddedArtifactMatchesAFreshCompileOfContracts()
    {
        // tools/compile-contracts.sh writes the embedded artifact; CI also checks this with git diff.
        Assert.Equal(Solc.CompileMarketJson(), ReadEmbeddedJson());
    }

    private static string ReadEmbeddedJson()
    {
        using Stream s = typeof(MarketArtifact).Assembly.GetManifestResourceStream("ZkInference.Market.ZkInferenceMarket.json")!;
        return new StreamReader(s).ReadToEnd();
    }

    /// <summary>
    /// Gas of each operation with the client's default options (eth_estimateGas plus the margin; submissions use
    /// the fixed verifier allowance). Figures go to docs/GAS.md:
    /// dotnet test tests/ZkInference.Market.Tests -c Release --filter MarketGas --logger "console;verbosity=detailed"
    /// </summary>
    [Fact]
    public async Task MarketGas()
    {
        Address verifier = ChainScenarioTests.DeployVerifier(node);
        (MarketClient owner, MarketTransaction deploy) = await MarketClient.DeployAsync(node.Connect(0), 250, Solc.Market);
        var modelOwner = new MarketClient(node.Connect(1), owner.Contract, Solc.Market);
        var user = new MarketClient(node.Connect(2), owner.Contract, Solc.Market);
        var server = new MarketClient(node.Connect(3), owner.Contract, Solc.Market);
        await owner.AuthorizeServerAsync(server.Sender);
        var meta = new ModelMetadata("tiny", "a test model", "1", "2", "ipfs://tiny", "QmWeights", "QmCircuit", "QmSettings");
        (BigInteger model, MarketTransaction register) = await modelOwner.RegisterModelAsync(verifier, TestCircuit.Commit(3), 2, PerUse, meta);
        ulong now = node.LatestTimestamp();
        (BigInteger r1, MarketTransaction request) = await user.RequestInferenceAsync(model, TestCircuit.Commit(9), now + 600, 1000);
        (BigInteger[] outputs, BigInteger[] proof) = TestCircuit.Instance.Prove(9, 3, r1, server.Sender);
        SubmitOutcome valid = await server.SubmitResultAsync(r1, outputs, proof);
        Assert.True(valid.Accepted);
        Assert.Equal(outputs, valid.Result!.Outputs);
        (BigInteger r2, _) = await user.RequestInferenceAsync(model, TestCircuit.Commit(9), now + 600, 1000);
        SubmitOutcome invalid = await server.SubmitResultAsync(r2, outputs, proof);   // the proof of r1: bound to another request
        Assert.False(invalid.Accepted);
        Assert.Equal(1000, invalid.Rejection!.Refund);
        (BigInteger r3, _) = await user.RequestInferenceAsync(model, TestCircuit.Commit(9), node.LatestTimestamp() + 60, 1000);
        node.SetNextTimestamp(node.LatestTimestamp() + 120);
        MarketTransaction cancel = await user.CancelRequestAsync(r3);
        MarketTransaction withdraw = await user.WithdrawAsync();
        Assert.Equal(2000, withdraw.Events.OfType<Withdrawal>().Single().Amount);
        MarketStatus status = await owner.GetStatusAsync();
        Assert.Equal(status.Held, node.Balance(owner.Contract));

        output.WriteLine("| operation | gas used |");
        output.WriteLine("|---|---:|");
        foreach ((string name, long gas) in new[]
        {
            ("deploy ZkInferenceMarket", deploy.GasUsed), ("registerModel (8 short metadata strings)", register.GasUsed),
            ("requestInference (pay per use)", request.GasUsed), ("submitResult, valid proof (2 outputs, 6 public signals)", valid.Transaction.GasUsed),
            ("submitResult, invalid proof (refund, penalty)", invalid.Transaction.GasUsed), ("cancelRequest", cancel.GasUsed), ("withdraw", withdraw.GasUsed),
        })
            output.WriteLine($"| {name} | {gas:N0} |");
        Assert.InRange(valid.Transaction.GasUsed, 200_000, 600_000);
    }

    [Fact]
    public async Task TooLittleGasForTheVerifierRevertsInsteadOfRejecting()
    {
        Address verifier = ChainScenarioTests.DeployVerifier(node);
        (MarketClient owner, _) = await MarketClient.DeployAsync(node.Connect(0), 0, Solc.Market);
        var server = new MarketClient(node.Connect(3), owner.Contract, Solc.Market);
        await owner.AuthorizeServerAsync(server.Sender);
        (BigInteger model, _) = await owner.RegisterModelAsync(verifier, TestCircuit.Commit(3), 2, ModelTerms.Free, ModelMetadata.Empty);
        (BigInteger id, _) = await owner.RequestInferenceAsync(model, TestCircuit.Commit(2), node.LatestTimestamp() + 600, 0);
        (BigInteger[] outputs, BigInteger[] proof) = TestCircuit.Instance.Prove(2, 3, id, server.Sender);
        var e = await Assert.ThrowsAsync<MarketRevertException>(() => server.SubmitResultAsync(id, outputs, proof, new TxOptions { GasLimit = 250_000 }));
        Assert.Equal(MarketErrorCode.InsufficientGasForVerification, e.Error.Code);
        Assert.Equal(RequestStatus.Pending, (await owner.GetRequestAsync(id))!.Status);   // nothing happened to the request
        Assert.True((await server.SubmitResultAsync(id, outputs, proof)).Accepted);
    }

    [Fact]
    public async Task WatcherDeliversOnlyConfirmedEventsAndSkipsReorganisedOnes()
    {
        (MarketClient owner, _) = await MarketClient.DeployAsync(node.Connect(0), 0, Solc.Market);
        var watcher = new MarketEventWatcher(node.Connect(0), owner, confirmations: 2, fromBlock: node.BlockNumber() + 1);

        string snapshot = node.Rpc("evm_snapshot").GetString()!;
        await owner.SetFeeAsync(10);                          // will be reorganised away
        node.Mine(1);
        Assert.Empty(await watcher.PollAsync());               // one confirmation only
        node.Rpc("evm_revert", snapshot);                       // the chain drops both blocks…
        await owner.SetFeeAsync(20);                          // …and takes another branch
        Assert.Empty(await watcher.PollAsync());
        node.Mine(2);
        IReadOnlyList<ChainEvent> events = await watcher.PollAsync();
        Assert.Equal([new FeeChanged(20)], events.Select(e => e.Event));
        Assert.Empty(await watcher.PollAsync());               // each event once

        // A reorganisation deeper than the confirmations is reported, never silently skipped.
        string deep = node.Rpc("evm_snapshot").GetString()!;
        node.Mine(3);
        await watcher.PollAsync();
        node.Rpc("evm_revert", deep);
        node.SetNextTimestamp(node.LatestTimestamp() + 1000);   // another branch (identical empty blocks would hash alike)
        node.Mine(4);
        await Assert.ThrowsAsync<MarketException>(() => watcher.PollAsync());
    }
}
