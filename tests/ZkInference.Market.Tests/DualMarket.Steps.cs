using System.Numerics;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>A step with every argument concrete, the same for engine and chain.</summary>
public sealed record Resolved(StepKind Kind, int Actor)
{
    public BigInteger Value { get; init; }
    public BigInteger ModelId { get; init; }
    public BigInteger RequestId { get; init; }
    public ModelTerms Terms { get; init; } = ModelTerms.Free;
    public ModelMetadata Metadata { get; init; } = ModelMetadata.Empty;
    public Address Verifier { get; init; }
    public BigInteger Param { get; init; }
    public BigInteger ParamCommitment { get; init; }
    public int NumOutputs { get; init; }
    public BigInteger Input { get; init; }
    public BigInteger InputCommitment { get; init; }
    public ulong Deadline { get; init; }
    public BigInteger[] Outputs { get; init; } = [];
    public BigInteger[] Proof { get; init; } = [];
    public string ProofKind { get; init; } = "";
    public bool Active { get; init; }
    public Address Target { get; init; }
    public int Fee { get; init; }

    public override string ToString() => Kind switch
    {
        StepKind.Register => $"#{Actor} register(verifier {Verifier}, w {Param}, outputs {NumOutputs}, {Terms})",
        StepKind.UpdateTerms => $"#{Actor} updateTerms({ModelId}, {Terms})",
        StepKind.SetActive => $"#{Actor} setModelActive({ModelId}, {Active})",
        StepKind.BuySubscription or StepKind.BuyCredits => $"#{Actor} {Kind}({ModelId}) value {Value}",
        StepKind.Request => $"#{Actor} request({ModelId}, x {Input}, deadline {Deadline}) value {Value}",
        StepKind.Submit => $"#{Actor} submit({RequestId}, {ProofKind})",
        StepKind.Cancel => $"#{Actor} cancel({RequestId})",
        StepKind.SetFee => $"#{Actor} setFee({Fee})",
        StepKind.Authorize or StepKind.Remove or StepKind.TransferOwnership => $"#{Actor} {Kind}({Target})",
        _ => $"#{Actor} {Kind}",
    };
}

public sealed partial class DualMarket
{
    private static readonly BigInteger[] PerUse = [0, 1000, 12_345];
    private static readonly BigInteger[] PackPrices = [0, 10_000, 9_999];
    private static readonly ulong[] Periods = [0, 100, 3600];
    private static readonly ulong[] PackSizes = [0, 3, 7];
    private static readonly int[] Shares = [0, 5000, 7333, 10_000, 10_001];
    private static readonly int[] Fees = [0, 100, 1000, 1001];

    private static ModelTerms TermsFor(int seed)
    {
        ulong period = Periods[seed % 3];
        ulong pack = PackSizes[seed / 3 % 3];
        // Mostly consistent terms; now and then a price for a tier that is off (InvalidTerms).
        BigInteger subPrice = period == 0 && seed % 17 != 0 ? 0 : 5000;
        BigInteger packPrice = pack == 0 && seed % 19 != 0 ? 0 : PackPrices[1 + seed / 9 % 2];
        return new ModelTerms(PerUse[seed / 27 % 3], subPrice, period, packPrice, pack, Shares[seed / 81 % 5]);
    }

    // Mostly a registered model; sometimes any id from 0 to the next (0 and the next are unknown).
    private BigInteger ModelRef(int a)
    {
        int next = (int)Engine.NextModelId;
        return a % 5 == 0 || next < 2 ? a % (next + 1) : 1 + a / 5 % (next - 1);
    }

    // Mostly a pending request; sometimes any id from 0 to the next (0 and the next are unknown, others settled).
    private BigInteger RequestRef(int a)
    {
        int next = (int)Engine.NextRequestId;
        BigInteger[] pending = Enumerable.Range(1, next - 1).Select(i => (BigInteger)i).Where(i => Engine.Request(i)!.Status == RequestStatus.Pending).ToArray();
        return a % 4 == 0 || pending.Length == 0 ? a % (next + 1) : pending[a / 4 % pending.Length];
    }

    // The right payment eight times in ten; one more, or nothing, otherwise.
    private static BigInteger Choose(int choice, BigInteger expected) => (choice % 10) switch
    {
        8 => expected + 1,
        9 => 0,
        _ => expected,
    };

    private Resolved Resolve(MarketStep s)
    {
        var r = new Resolved(s.Kind, s.Actor);
        Address me = _actors[s.Actor];
        switch (s.Kind)
        {
            case StepKind.Register:
            {
                BigInteger w = Params[s.B % Params.Length];
                int numOutputs = s.C % 23 == 5 ? 0 : s.C % 29 == 6 ? MarketRules.MaxOutputs + 1 : TestCircuit.NumOutputs;
                return r with
                {
                    Verifier = s.A % 7 == 6 ? _bogusVerifier : _verifier, Param = w, ParamCommitment = TestCircuit.Commit(w),
                    NumOutputs = numOutputs, Terms = TermsFor(s.C), Metadata = new ModelMetadata($"model {s.B}", "test", "1", "2", "ipfs://x", "Qm1", "Qm2", "Qm3"),
                };
            }
            case StepKind.UpdateTerms:
                return r with { ModelId = ModelRef(s.A), Terms = TermsFor(s.C) };
            case StepKind.SetActive:
                return r with { ModelId = ModelRef(s.A), Active = s.B % 2 == 0 };
            case StepKind.BuySubscription:
            {
                BigInteger id = ModelRef(s.A);
                return r with { ModelId = id, Value = Choose(s.B, Engine.Model(id)?.Terms.SubscriptionPrice ?? 0) };
            }
            case StepKind.BuyCredits:
            {
                BigInteger id = ModelRef(s.A);
                return r with { ModelId = id, Value = Choose(s.B, Engine.Model(id)?.Terms.PackPrice ?? 0) };
            }
            case StepKind.Request:
            {
                BigInteger id = ModelRef(s.A);
                BigInteger expected = Engine.SubscriptionExpiry(me, id) > _clock || Engine.CreditCount(me, id) > 0 ? 0 : Engine.Model(id)?.Terms.PerUsePrice ?? 0;
                ulong[] offsets = [0, 600, 3600, 600, 3600, 120, 600, 3600, 30, MarketRules.MaxRequestTtl + 1];
                BigInteger x = Inputs[s.B % Inputs.Length];
                return r with { ModelId = id, Input = x, InputCommitment = TestCircuit.Commit(x), Deadline = _clock + offsets[s.C % offsets.Length], Value = Choose(s.C / 10, expected) };
            }
            case StepKind.Submit:
                return ResolveSubmit(r, RequestRef(s.A), s.B, me);
            case StepKind.Cancel:
                return r with { RequestId = RequestRef(s.A) };
            case StepKind.SetFee:
                return r with { Fee = Fees[s.A % Fees.Length] };
            case StepKind.Authorize or StepKind.Remove or StepKind.TransferOwnership:
                return r with { Target = s.A % 11 == 10 ? Address.Zero : _actors[s.A % _actors.Length] };
            default:
                return r;
        }
    }

    private Resolved ResolveSubmit(Resolved r, BigInteger requestId, int choice, Address me)
    {
        InferenceRequest? q = Engine.Request(requestId);
        BigInteger x = _requestInput.GetValueOrDefault(requestId, 2);
        BigInteger w = q is null ? 3 : _modelParam[q.ModelId];
        TestCircuit c = TestCircuit.Instance;
        string[] kinds = ["valid", "valid", "valid", "valid", "valid", "tampered output", "proof for another server", "proof for another request", "garbage proof", "wrong output count", "output ≥ r"];
        string kind = kinds[choice % kinds.Length];
        (BigInteger[] outputs, BigInteger[] proof) = kind switch
        {
            "proof for another server" => c.Prove(x, w, requestId, _actors[(Array.IndexOf(_actors, me) + 1) % _actors.Length]),
            "proof for another request" => c.Prove(x, w, requestId + 1, me),
            "garbage proof" => (TestCircuit.Outputs(x, w), Enumerable.Range(1, 8).Select(i => (BigInteger)i).ToArray()),
            _ when q is null => (TestCircuit.Outputs(x, w), Enumerable.Repeat(BigInteger.Zero, 8).ToArray()),
            _ => c.Prove(x, w, requestId, me),
        };
        if (kind == "tampered output") outputs = [outputs[0] + 1, outputs[1]];
        if (kind == "wrong output count") outputs = outputs[..1];
        if (kind == "output ≥ r") outputs = [outputs[0] + MarketRules.ScalarField, outputs[1]];
        return r with { RequestId = requestId, Outputs = outputs, Proof = proof, ProofKind = kind };
    }

    private IReadOnlyList<MarketEvent> ApplyEngine(Resolved r, TxContext tx) => r.Kind switch
    {
        StepKind.Register => Engine.RegisterModel(tx, r.Verifier, r.ParamCommitment, r.NumOutputs, r.Terms, r.Metadata),
        StepKind.UpdateTerms => Engine.UpdateTerms(tx, r.ModelId, r.Terms),
        StepKind.SetActive => Engine.SetModelActive(tx, r.ModelId, r.Active),
        StepKind.BuySubscription => Engine.BuySubscription(tx, r.ModelId),
        StepKind.BuyCredits => Engine.BuyCredits(tx, r.ModelId),
        StepKind.Request => Engine.RequestInference(tx, r.ModelId, r.InputCommitment, r.Deadline),
        StepKind.Submit => Engine.SubmitResult(tx, r.RequestId, r.Outputs, r.Proof),
        StepKind.Cancel => Engine.CancelRequest(tx, r.RequestId),
        StepKind.Withdraw => Engine.Withdraw(tx),
        StepKind.WithdrawFees => Engine.WithdrawFees(tx),
        StepKind.Pause => Engine.Pause(tx),
        StepKind.Unpause => Engine.Unpause(tx),
        StepKind.SetFee => Engine.SetFee(tx, r.Fee),
        StepKind.Authorize => Engine.AuthorizeServer(tx, r.Target),
        StepKind.Remove => Engine.RemoveServer(tx, r.Target),
        StepKind.TransferOwnership => Engine.TransferOwnership(tx, r.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    // Every transaction carries an explicit gas limit: a failing one is then mined too (Hardhat reports its revert
    // data), so block timestamps stay exactly where the test put them.
    private static readonly TxOptions Gas = new() { GasLimit = 3_000_000 };

    private static MarketTransaction ApplyChain(Resolved r, MarketClient c) => r.Kind switch
    {
        StepKind.Register => c.RegisterModelAsync(r.Verifier, r.ParamCommitment, r.NumOutputs, r.Terms, r.Metadata, Gas).GetAwaiter().GetResult().Transaction,
        StepKind.UpdateTerms => c.UpdateTermsAsync(r.ModelId, r.Terms, Gas).GetAwaiter().GetResult(),
        StepKind.SetActive => c.SetModelActiveAsync(r.ModelId, r.Active, Gas).GetAwaiter().GetResult(),
        StepKind.BuySubscription => c.BuySubscriptionAsync(r.ModelId, r.Value, Gas).GetAwaiter().GetResult(),
        StepKind.BuyCredits => c.BuyCreditsAsync(r.ModelId, r.Value, Gas).GetAwaiter().GetResult(),
        StepKind.Request => c.RequestInferenceAsync(r.ModelId, r.InputCommitment, r.Deadline, r.Value, Gas).GetAwaiter().GetResult().Transaction,
        StepKind.Submit => c.SubmitResultAsync(r.RequestId, r.Outputs, r.Proof, Gas).GetAwaiter().GetResult().Transaction,
        StepKind.Cancel => c.CancelRequestAsync(r.RequestId, Gas).GetAwaiter().GetResult(),
        StepKind.Withdraw => c.WithdrawAsync(Gas).GetAwaiter().GetResult(),
        StepKind.WithdrawFees => c.WithdrawFeesAsync(Gas).GetAwaiter().GetResult(),
        StepKind.Pause => c.PauseAsync(Gas).GetAwaiter().GetResult(),
        StepKind.Unpause => c.UnpauseAsync(Gas).GetAwaiter().GetResult(),
        StepKind.SetFee => c.SetFeeAsync(r.Fee, Gas).GetAwaiter().GetResult(),
        StepKind.Authorize => c.AuthorizeServerAsync(r.Target, Gas).GetAwaiter().GetResult(),
        StepKind.Remove => c.RemoveServerAsync(r.Target, Gas).GetAwaiter().GetResult(),
        StepKind.TransferOwnership => c.TransferOwnershipAsync(r.Target, Gas).GetAwaiter().GetResult(),
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };
}
