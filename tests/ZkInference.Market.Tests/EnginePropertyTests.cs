using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>Random sequences on the engine alone (fast, so many more of them): conservation after every step, and no
/// exception other than the rules' custom errors.</summary>
public sealed class EnginePropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void ValueIsConservedAndOnlyRuleErrorsOccur()
    {
        var errors = new Dictionary<string, int>();
        int steps = 0, accepted = 0, rejected = 0;
        var property = Prop.ForAll(MarketStep.Sequence(20, 40).ToArbitrary(), (MarketStep[] sequence) =>
        {
            var m = new DualMarket();
            foreach (MarketStep step in sequence)
            {
                StepOutcome o = m.Step(step);   // throws DifferentialException when conservation breaks
                steps++;
                if (o.Error is not null) errors[o.Error.Code.ToString()] = errors.GetValueOrDefault(o.Error.Code.ToString()) + 1;
                accepted += o.Events.OfType<ResultAccepted>().Count();
                rejected += o.Events.OfType<ProofRejected>().Count();
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20).WithQuietOnSuccess(true), property);
        output.WriteLine($"{steps} steps, {accepted} accepted, {rejected} rejected; errors: {string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}"))}");
        Assert.True(accepted > 0 && rejected > 0);
    }
}
