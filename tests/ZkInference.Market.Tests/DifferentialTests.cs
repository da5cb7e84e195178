using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>
/// Random action sequences (valid and invalid) applied to the C# engine and to the contract on the Hardhat node;
/// after every step events, errors, the whole state and value conservation must agree (<see cref="DualMarket"/>).
/// </summary>
[Collection(ChainCollection.Name)]
public sealed class DifferentialTests(HardhatNode node, ITestOutputHelper output)
{
    [Fact]
    public void EngineAndContractAgreeOnRandomSequences()
    {
        Address verifier = ChainScenarioTests.DeployVerifier(node);
        int sequences = 0, steps = 0, reverts = 0, rejected = 0, accepted = 0;
        var property = Prop.ForAll(MarketStep.Sequence(14, 18).ToArbitrary(), (MarketStep[] sequence) =>
        {
            DualMarket m = ChainScenarioTests.NewDual(node, verifier);
            try
            {
                foreach (MarketStep step in sequence)
                {
                    StepOutcome o = m.Step(step);
                    steps++;
                    if (o.Error is not null) reverts++;
                    if (o.Events.OfType<ProofRejected>().Any()) rejected++;
                    if (o.Events.OfType<ResultAccepted>().Any()) accepted++;
                }
                m.CompareState();
            }
            catch (DifferentialException e)
            {
                throw new DifferentialException($"{e.Message}\nsteps so far:\n{string.Join("\n", m.Log)}");
            }
            sequences++;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20).WithQuietOnSuccess(true), property);
        output.WriteLine($"{sequences} sequences, {steps} steps: {reverts} reverted, {accepted} proofs accepted, {rejected} rejected");
        // The generator must reach the interesting outcomes, or the comparison proves little.
        Assert.True(accepted > 0 && rejected > 0 && reverts > steps / 10, $"{accepted} accepted, {rejected} rejected, {reverts} reverts of {steps}");
    }
}
