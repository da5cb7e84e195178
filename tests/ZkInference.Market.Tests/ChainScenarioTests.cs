using System.Numerics;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>Fixed scenarios on the Hardhat node, each step checked against the engine by <see cref="DualMarket"/>.</summary>
[Collection(ChainCollection.Name)]
public sealed class ChainScenarioTests(HardhatNode node, ITestOutputHelper output)
{
    internal static Address DeployVerifier(HardhatNode node) =>
        MarketClient.DeployBytecodeAsync(node.Connect(0), Solc.TestVerifierBytecode).GetAwaiter().GetResult();

    internal static DualMarket NewDual(HardhatNode node, Address verifier)
    {
        MarketClient[] clients = new MarketClient[MarketStep.Actors];
        ChainConnection owner = node.Connect(0);
        (MarketClient deployed, MarketTransaction tx) = MarketClient.DeployAsync(owner, DualMarket.InitialFeeBps, Solc.Market).GetAwaiter().GetResult();
        for (int i = 0; i < clients.Length; i++) clients[i] = new MarketClient(node.Connect(i), deployed.Contract, Solc.Market);
        return new DualMarket(node, verifier, clients, deployed, tx.Events);
    }

    [Fact]
    public void PayPerUseLifecycleMatchesTheEngine()
    {
        DualMarket m = NewDual(node, DeployVerifier(node));
        StepOutcome Do(StepKind k, int actor, int a = 0, int b = 0, int c = 0, ulong s = 5) => m.Step(new MarketStep(k, actor, a, b, c, s));
        Do(StepKind.Authorize, 0, a: 3);
        // C = 27 gives terms: per-use 1000, no subscription, no packs, owner share 0… pick one with a share.
        Do(StepKind.Register, 1, c: 27 + 81);                   // per-use 1000, owner share 5000
        Assert.Equal(1000, m.Engine.Model(1)!.Terms.PerUsePrice);
        StepOutcome req = Do(StepKind.Request, 2, a: 1, c: 3);  // deadline +600, exact price
        Assert.Null(req.Error);
        StepOutcome ok = Do(StepKind.Submit, 3, a: 1, b: 0);    // request 1, valid proof
        var accepted = Assert.IsType<ResultAccepted>(ok.Events[0]);
        Assert.Equal(25, accepted.Fee);                          // 1000 · 250 / 10000
        Assert.Equal(487, accepted.OwnerAmount);                 // 975 · 5000 / 10000, rounded down
        Assert.Equal(488, accepted.ServerAmount);                // the remainder
        StepOutcome again = Do(StepKind.Submit, 3, a: 1, b: 0); // double submission
        Assert.Equal(MarketErrorCode.RequestNotPending, again.Error!.Code);
        Assert.Null(Do(StepKind.Withdraw, 3).Error);
        Assert.Null(Do(StepKind.Withdraw, 1).Error);
        Assert.Null(Do(StepKind.WithdrawFees, 0).Error);
        Assert.Equal(0, m.Engine.Held);
        output.WriteLine(string.Join("\n", m.Log));
    }

    [Fact]
    public void BadProofsRefundPenaliseAndSuspend()
    {
        DualMarket m = NewDual(node, DeployVerifier(node));
        StepOutcome Do(StepKind k, int actor, int a = 0, int b = 0, int c = 0, ulong s = 5) => m.Step(new MarketStep(k, actor, a, b, c, s));
        Do(StepKind.Authorize, 0, a: 3);
        Do(StepKind.Register, 1, c: 27 + 81);
        for (int i = 0; i < 3; i++)
        {
            Assert.Null(Do(StepKind.Request, 2, a: 1, c: 3).Error);
            StepOutcome bad = Do(StepKind.Submit, 3, a: 1, b: 5 + i);   // tampered output, other server, other request
            Assert.IsType<ProofRejected>(bad.Events[0]);
        }
        Assert.True(m.Engine.Server(m.Actors[3]).Suspended);             // 50 → 40 → 30 → 20 < 30
        Assert.Equal(3000, m.Engine.BalanceOf(m.Actors[2]));             // three refunds
        Assert.Null(Do(StepKind.Request, 2, a: 1, c: 3).Error);
        Assert.Equal(MarketErrorCode.ServerSuspended, Do(StepKind.Submit, 3, a: 1, b: 0).Error!.Code);
        Assert.Equal(MarketErrorCode.DeadlineNotReached, Do(StepKind.Cancel, 2, a: 1).Error!.Code);
        Assert.Equal(MarketErrorCode.NotRequester, Do(StepKind.Cancel, 4, a: 1, s: 700).Error!.Code);
        Assert.Null(Do(StepKind.Pause, 0).Error);
        Assert.Null(Do(StepKind.Cancel, 2, a: 1).Error);                 // refunds work while paused
        Assert.Null(Do(StepKind.Withdraw, 2).Error);
        Assert.Equal(MarketErrorCode.EnforcedPause, Do(StepKind.Request, 2, a: 1, c: 3).Error!.Code);
    }
}
