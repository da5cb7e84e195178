using System.Numerics;

namespace ZkInference.Market.Engine;

/// <summary>
/// The marketplace's rules (docs/MARKET.md) as a deterministic state machine: the same state, checks (in the
/// same order), effects, events and errors as contracts/ZkInferenceMarket.sol. Every action takes the
/// transaction context explicitly (sender, value, block timestamp), checks everything before changing anything,
/// and either returns the events it emitted or throws <see cref="MarketRevertException"/> with the contract's
/// custom error and no state changed. <see cref="Held"/> tracks the wei the contract holds.
/// </summary>
public sealed partial class MarketEngine
{
    private readonly IProofVerifier _verifier;
    private readonly Dictionary<BigInteger, MarketModel> _models = [];
    private readonly Dictionary<BigInteger, InferenceRequest> _requests = [];
    private readonly Dictionary<Address, ServerRecord> _servers = [];
    private readonly Dictionary<Address, BigInteger> _balances = [];
    private readonly Dictionary<(Address User, BigInteger Model), ulong> _subscriptionExpiry = [];
    private readonly Dictionary<(Address User, BigInteger Model), ulong> _creditCount = [];
    private readonly Dictionary<(Address User, BigInteger Model), BigInteger> _creditValue = [];

    /// <summary>Deploys the market: <paramref name="deployer"/> becomes the owner; emits OwnershipTransferred and FeeChanged.</summary>
    /// <exception cref="MarketRevertException">FeeTooHigh.</exception>
    public MarketEngine(Address deployer, int initialFeeBps, IProofVerifier verifier, out IReadOnlyList<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (initialFeeBps is < 0 or > MarketRules.MaxFeeBps) Revert(MarketErrorCode.FeeTooHigh, (BigInteger)initialFeeBps);
        _verifier = verifier;
        Owner = deployer;
        FeeBps = initialFeeBps;
        events = [new OwnershipTransferred(Address.Zero, deployer), new FeeChanged(initialFeeBps)];
    }

    /// <summary>The platform owner (admin).</summary>
    public Address Owner { get; private set; }

    /// <summary>Whether requests, submissions and access purchases are stopped.</summary>
    public bool IsPaused { get; private set; }

    /// <summary>The platform fee in basis points for new requests and subscriptions.</summary>
    public int FeeBps { get; private set; }

    /// <summary>Platform fees not yet withdrawn.</summary>
    public BigInteger AccruedFees { get; private set; }

    /// <summary>The id the next model gets (ids start at 1).</summary>
    public BigInteger NextModelId { get; private set; } = 1;

    /// <summary>The id the next request gets (ids start at 1).</summary>
    public BigInteger NextRequestId { get; private set; } = 1;

    /// <summary>Wei the contract holds: everything paid in minus everything paid out.</summary>
    public BigInteger Held { get; private set; }

    /// <summary>The model, or null when unknown.</summary>
    public MarketModel? Model(BigInteger modelId) => _models.GetValueOrDefault(modelId);

    /// <summary>The request, or null when unknown.</summary>
    public InferenceRequest? Request(BigInteger requestId) => _requests.GetValueOrDefault(requestId);

    /// <summary>The server's standing (<see cref="ServerRecord.Unknown"/> when never authorized).</summary>
    public ServerRecord Server(Address server) => _servers.GetValueOrDefault(server, ServerRecord.Unknown);

    /// <summary>Wei the account can withdraw.</summary>
    public BigInteger BalanceOf(Address account) => _balances.GetValueOrDefault(account);

    /// <summary>When the user's subscription to the model ends (0: never bought).</summary>
    public ulong SubscriptionExpiry(Address user, BigInteger modelId) => _subscriptionExpiry.GetValueOrDefault((user, modelId));

    /// <summary>Unspent credits of the user for the model.</summary>
    public ulong CreditCount(Address user, BigInteger modelId) => _creditCount.GetValueOrDefault((user, modelId));

    /// <summary>Wei held for the user's unspent credits for the model.</summary>
    public BigInteger CreditValue(Address user, BigInteger modelId) => _creditValue.GetValueOrDefault((user, modelId));

    /// <summary>
    /// Value conservation: what the contract holds equals withdrawable balances + platform fees + credit values +
    /// the escrow of pending requests. Returns null when it holds, else a description of the difference.
    /// </summary>
    public string? CheckConservation()
    {
        BigInteger balances = Sum(_balances.Values), credits = Sum(_creditValue.Values);
        BigInteger escrow = Sum(_requests.Values.Where(r => r.Status == RequestStatus.Pending).Select(r => r.Amount));
        BigInteger accounted = balances + AccruedFees + credits + escrow;
        return accounted == Held ? null
            : $"held {Held} ≠ balances {balances} + fees {AccruedFees} + credits {credits} + escrow {escrow} = {accounted}";
    }

    /// <summary>The public signals a proof for <paramref name="requestId"/> by <paramref name="server"/> with these outputs must have:
    /// [outputs…, inputCommitment, paramCommitment, requestId, server as uint160].</summary>
    /// <exception cref="MarketRevertException">UnknownRequest.</exception>
    public BigInteger[] PublicSignals(BigInteger requestId, Address server, IReadOnlyList<BigInteger> outputs)
    {
        InferenceRequest r = _requests.GetValueOrDefault(requestId) ?? throw Error(MarketErrorCode.UnknownRequest, requestId);
        return BuildSignals(_models[r.ModelId], r, requestId, server, outputs);
    }

    private static BigInteger[] BuildSignals(MarketModel m, InferenceRequest r, BigInteger requestId, Address server, IReadOnlyList<BigInteger> outputs)
    {
        var s = new BigInteger[outputs.Count + 4];
        for (int i = 0; i < outputs.Count; i++) s[i] = outputs[i];
        s[outputs.Count] = r.InputCommitment;
        s[outputs.Count + 1] = m.ParamCommitment;
        s[outputs.Count + 2] = requestId;
        s[outputs.Count + 3] = server.ToUInt160();
        return s;
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);

    private void Credit(Address account, BigInteger amount) => _balances[account] = BalanceOf(account) + amount;

    private static MarketRevertException Error(MarketErrorCode code, params object[] args) => new(new MarketError(code, args));

    private static void Revert(MarketErrorCode code, params object[] args) => throw Error(code, args);

    private static void NotPayable(in TxContext tx)
    {
        if (!tx.Value.IsZero) throw new ArgumentException("this action is not payable: the transaction must carry no value", nameof(tx));
    }

    private void OnlyOwner(in TxContext tx)
    {
        if (tx.Sender != Owner) Revert(MarketErrorCode.NotOwner, tx.Sender);
    }

    private void WhenNotPaused()
    {
        if (IsPaused) Revert(MarketErrorCode.EnforcedPause);
    }
}
