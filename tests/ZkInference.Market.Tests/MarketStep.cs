using FsCheck;
using FsCheck.Fluent;

namespace ZkInference.Market.Tests;

/// <summary>What a random step does; its parameters are resolved against the engine's state when it runs.</summary>
public enum StepKind
{
    Register, UpdateTerms, SetActive, BuySubscription, BuyCredits, Request, Submit, Cancel,
    Withdraw, WithdrawFees, Pause, Unpause, SetFee, Authorize, Remove, TransferOwnership, Wait,
}

/// <summary>
/// One random action: who sends it (an actor index 0–4) and three small integers whose meaning depends on the
/// kind (which model or request, which price choice, which proof tampering…), plus the seconds that pass before it.
/// Many resolve to invalid actions on purpose (wrong role, unknown ids, wrong payment, bad proofs, late or early
/// cancellation, paused market).
/// </summary>
public sealed record MarketStep(StepKind Kind, int Actor, int A, int B, int C, ulong Seconds)
{
    public const int Actors = 5;

    /// <summary>The actor most steps of a kind come from: 0 platform owner, 1 model owner, 2 and 4 users, 3 and 4 servers.</summary>
    private static int NaturalActor(StepKind kind) => kind switch
    {
        StepKind.Register or StepKind.UpdateTerms or StepKind.SetActive => 1,
        StepKind.BuySubscription or StepKind.BuyCredits or StepKind.Request or StepKind.Cancel => 2,
        StepKind.Submit => 3,
        StepKind.Withdraw => 3,
        _ => 0,
    };

    private static readonly (int Weight, StepKind Kind)[] Weights =
    [
        (6, StepKind.Register), (2, StepKind.UpdateTerms), (2, StepKind.SetActive), (3, StepKind.BuySubscription),
        (3, StepKind.BuyCredits), (14, StepKind.Request), (14, StepKind.Submit), (4, StepKind.Cancel), (3, StepKind.Withdraw),
        (2, StepKind.WithdrawFees), (1, StepKind.Pause), (4, StepKind.Unpause), (2, StepKind.SetFee), (4, StepKind.Authorize),
        (1, StepKind.Remove), (1, StepKind.TransferOwnership), (4, StepKind.Wait),
    ];

    public static Gen<MarketStep> Generator { get; } =
        from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))).ToArray())
        from natural in Gen.Choose(0, 9)
        from other in Gen.Choose(0, Actors - 1)
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 1000)
        from c in Gen.Choose(0, 1000)
        from seconds in kind == StepKind.Wait ? Gen.Elements(100UL, 700UL, 4000UL) : Gen.Choose(1, 20).Select(s => (ulong)s)
        select new MarketStep(kind, natural < 7 ? NaturalActor(kind) : other, a, b, c, seconds);

    /// <summary>
    /// A sequence: the server is authorized and two models registered first (every tier with a 50 % owner share, and
    /// free; as steps too, so they are compared like the rest), then random steps.
    /// </summary>
    public static Gen<MarketStep[]> Sequence(int minSteps, int maxSteps) =>
        from n in Gen.Choose(minSteps, maxSteps)
        from steps in Generator.ArrayOf(n)
        select new[] { new MarketStep(StepKind.Authorize, 0, 3, 0, 0, 1), new MarketStep(StepKind.Register, 1, 0, 0, 112, 1), new MarketStep(StepKind.Register, 1, 0, 1, 81, 1) }.Concat(steps).ToArray();
}
