using System.Numerics;

namespace ZkInference.Market.Engine;

/// <summary>The marketplace's constants, equal to the contract's (docs/MARKET.md).</summary>
public static class MarketRules
{
    /// <summary>The BN254 scalar field order r: commitments and public signals must be below it.</summary>
    public static readonly BigInteger ScalarField = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Basis points in one whole.</summary>
    public const int Bps = 10_000;

    /// <summary>The largest platform fee, 10 %.</summary>
    public const int MaxFeeBps = 1_000;

    /// <summary>The most outputs a model may have (its verifier then has MaxOutputs + 4 public signals).</summary>
    public const int MaxOutputs = 64;

    /// <summary>The latest deadline a request may set, in seconds after it is made (30 days).</summary>
    public const ulong MaxRequestTtl = 30 * 24 * 3600;

    /// <summary>A server's reputation when it is authorized.</summary>
    public const int InitialReputation = 50;

    /// <summary>Reputation gained per accepted proof.</summary>
    public const int ReputationReward = 1;

    /// <summary>Reputation lost per rejected proof (never below zero).</summary>
    public const int ReputationPenalty = 10;

    /// <summary>A server whose reputation falls below this is suspended.</summary>
    public const int SuspensionThreshold = 30;

    /// <summary>Gas the contract forwards to a verifier: this base plus <see cref="VerifyGasPerSignal"/> per public signal.</summary>
    public const long VerifyGasBase = 300_000;

    /// <summary>Verifier gas per public signal (one ecMul and one ecAdd, with room).</summary>
    public const long VerifyGasPerSignal = 10_000;

    /// <summary>The number of public signals of a model with <paramref name="numOutputs"/> outputs.</summary>
    public static int PublicSignalCount(int numOutputs) => numOutputs + 4;
}
