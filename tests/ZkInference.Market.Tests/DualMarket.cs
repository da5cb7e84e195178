using System.Numerics;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>
/// Applies the same steps to the C# engine and, when a chain is given, to the contract on the Hardhat node, with
/// the same sender, value and block timestamp; after every step it checks that both succeeded with the same events
/// or failed with the same custom error, that the whole observable state matches, and that value is conserved
/// on both sides.
/// </summary>
public sealed partial class DualMarket
{
    public const int InitialFeeBps = 250;

    private static readonly BigInteger[] Params = [3, 5, 7];
    private static readonly BigInteger[] Inputs = [2, 9, 11];

    private readonly Address[] _actors;
    private readonly Address _bogusVerifier = Address.FromUInt160(0xdead);
    private readonly Address _verifier;
    private readonly Dictionary<BigInteger, BigInteger> _modelParam = [];
    private readonly Dictionary<BigInteger, BigInteger> _requestInput = [];
    private readonly HardhatNode? _node;
    private readonly MarketClient[]? _clients;
    private ulong _clock;

    /// <summary>Engine only (no chain): addresses are made up; the verifier key is registered for a made-up address.</summary>
    public DualMarket()
    {
        _actors = Enumerable.Range(1, MarketStep.Actors).Select(i => Address.FromUInt160(0x1000 + i)).ToArray();
        _verifier = Address.FromUInt160(0xbeef);
        Engine = NewEngine(_actors[0], _verifier, out _);
        _clock = 1_700_000_000;
    }

    /// <summary>Engine and contract: deploys a fresh market from actor 0 on <paramref name="node"/>.</summary>
    public DualMarket(HardhatNode node, Address verifier, MarketClient[] clients, MarketClient deployed, IReadOnlyList<MarketEvent> deployEvents)
    {
        _node = node;
        _verifier = verifier;
        _actors = clients.Select(c => c.Sender).ToArray();
        _clients = clients;
        Engine = NewEngine(_actors[0], verifier, out IReadOnlyList<MarketEvent> engineEvents);
        Compare.Events(engineEvents, deployEvents, "deploy");
        _clock = node.LatestTimestamp();
        Contract = deployed.Contract;
    }

    public MarketEngine Engine { get; }

    public Address Contract { get; }

    public IReadOnlyList<Address> Actors => _actors;

    /// <summary>Gas of the last successful chain transaction.</summary>
    public long LastGas { get; private set; }

    /// <summary>Log of what happened, for failure messages.</summary>
    public List<string> Log { get; } = [];

    private static MarketEngine NewEngine(Address owner, Address verifier, out IReadOnlyList<MarketEvent> events)
    {
        var keys = new Groth16ProofVerifier();
        keys.Add(verifier, TestCircuit.Instance.VerifyingKey);
        return new MarketEngine(owner, InitialFeeBps, keys, out events);
    }

    /// <summary>Runs one step on both sides and checks everything; returns the engine's outcome (events or error).</summary>
    public StepOutcome Step(MarketStep step)
    {
        _clock += step.Seconds;
        if (step.Kind == StepKind.Wait)
        {
            Log.Add($"wait {step.Seconds}s");
            return new StepOutcome([], null);
        }
        Resolved r = Resolve(step);
        var tx = new TxContext(_actors[step.Actor], r.Value, _clock);
        StepOutcome engine;
        try { engine = new StepOutcome(ApplyEngine(r, tx), null); }
        catch (MarketRevertException e) { engine = new StepOutcome([], e.Error); }
        Log.Add($"{r} -> {engine}");
        if (engine.Error is null) Remember(r, engine.Events);
        Assert(Engine.CheckConservation() is null, $"engine conservation after {r}: {Engine.CheckConservation()}");
        if (_node is null) return engine;

        _node.SetNextTimestamp(_clock);
        StepOutcome chain;
        try
        {
            MarketTransaction t = ApplyChain(r, _clients![step.Actor]);
            LastGas = t.GasUsed;
            chain = new StepOutcome(t.Events, null);
        }
        catch (MarketRevertException e) { chain = new StepOutcome([], e.Error); }
        Assert(Equals(engine.Error, chain.Error), $"{r}: engine error {engine.Error?.ToString() ?? "none"}, chain error {chain.Error?.ToString() ?? "none"}");
        Compare.Events(engine.Events, chain.Events, r.ToString());
        CompareState(step.Actor, allAccess: false);
        return engine;
    }

    private void Remember(Resolved r, IReadOnlyList<MarketEvent> events)
    {
        foreach (MarketEvent e in events)
        {
            if (e is ModelRegistered m) _modelParam[m.ModelId] = r.Param;
            if (e is InferenceRequested q) _requestInput[q.RequestId] = r.Input;
        }
    }

    internal static void Assert(bool condition, string message)
    {
        if (!condition) throw new DifferentialException(message);
    }
}

/// <summary>What one side did: its events, or the custom error it reverted with.</summary>
public sealed record StepOutcome(IReadOnlyList<MarketEvent> Events, MarketError? Error)
{
    public override string ToString() => Error is not null ? $"revert {Error}" : string.Join("; ", Events);
}

/// <summary>The engine and the contract disagreed (or an invariant broke).</summary>
public sealed class DifferentialException(string message) : Exception(message);

internal static class Compare
{
    public static void Events(IReadOnlyList<MarketEvent> engine, IReadOnlyList<MarketEvent> chain, string what)
    {
        string a = string.Join("\n", engine), b = string.Join("\n", chain);
        DualMarket.Assert(a == b, $"{what}: events differ\nengine:\n{a}\nchain:\n{b}");
    }
}
