using System.Numerics;

namespace ZkInference.Market.Engine;

/// <summary>An event the marketplace emits; the record's name is the Solidity event's name.</summary>
public abstract record MarketEvent
{
    /// <summary>The event's name.</summary>
    public string Name => GetType().Name;

    /// <summary>The event's arguments in ABI order (indexed ones included), as <see cref="AbiText"/> prints them.</summary>
    public abstract object[] Values();

    /// <summary>Name(arg, …).</summary>
    public sealed override string ToString() => $"{Name}({string.Join(", ", Values().Select(AbiText.Format))})";
}

#pragma warning disable CS1591 // the event records' parameters are documented in docs/MARKET.md, one table per event
/// <summary>A model was registered.</summary>
public sealed record ModelRegistered(BigInteger ModelId, Address Owner, Address Verifier, BigInteger ParamCommitment, int NumOutputs) : MarketEvent
{ public override object[] Values() => [ModelId, Owner, Verifier, ParamCommitment, (BigInteger)NumOutputs]; }

/// <summary>A model's terms were set (at registration and on update).</summary>
public sealed record ModelTermsUpdated(BigInteger ModelId, ModelTerms Terms) : MarketEvent
{ public override object[] Values() => [ModelId, Terms.PerUsePrice, Terms.SubscriptionPrice, (BigInteger)Terms.SubscriptionPeriod, Terms.PackPrice, (BigInteger)Terms.PackSize, (BigInteger)Terms.OwnerShareBps]; }

/// <summary>A model's metadata was replaced.</summary>
public sealed record ModelMetadataUpdated(BigInteger ModelId) : MarketEvent
{ public override object[] Values() => [ModelId]; }

/// <summary>A model was activated or deactivated.</summary>
public sealed record ModelActivation(BigInteger ModelId, bool Active) : MarketEvent
{ public override object[] Values() => [ModelId, Active]; }

/// <summary>A subscription period was bought.</summary>
public sealed record SubscriptionBought(BigInteger ModelId, Address User, ulong Expiry, BigInteger Paid) : MarketEvent
{ public override object[] Values() => [ModelId, User, (BigInteger)Expiry, Paid]; }

/// <summary>A credit pack was bought.</summary>
public sealed record CreditsBought(BigInteger ModelId, Address User, ulong Credits, BigInteger Paid) : MarketEvent
{ public override object[] Values() => [ModelId, User, (BigInteger)Credits, Paid]; }

/// <summary>An inference was requested (what a prover server listens for).</summary>
public sealed record InferenceRequested(BigInteger RequestId, BigInteger ModelId, Address User, BigInteger InputCommitment, PaymentKind Payment, BigInteger Amount, ulong CreatedAt, ulong Deadline) : MarketEvent
{ public override object[] Values() => [RequestId, ModelId, User, InputCommitment, (BigInteger)(int)Payment, Amount, (BigInteger)CreatedAt, (BigInteger)Deadline]; }

/// <summary>A valid proof settled a request.</summary>
public sealed record ResultAccepted(BigInteger RequestId, Address Server, IReadOnlyList<BigInteger> Outputs, BigInteger Fee, BigInteger OwnerAmount, BigInteger ServerAmount) : MarketEvent
{ public override object[] Values() => [RequestId, Server, Outputs, Fee, OwnerAmount, ServerAmount]; }

/// <summary>A proof was rejected; the user was refunded.</summary>
public sealed record ProofRejected(BigInteger RequestId, Address Server, BigInteger Refund) : MarketEvent
{ public override object[] Values() => [RequestId, Server, Refund]; }

/// <summary>A request was cancelled after its deadline; the user was refunded.</summary>
public sealed record RequestCancelled(BigInteger RequestId, BigInteger Refund) : MarketEvent
{ public override object[] Values() => [RequestId, Refund]; }

/// <summary>A server's reputation or suspension changed.</summary>
public sealed record ReputationChanged(Address Server, BigInteger Reputation, bool Suspended) : MarketEvent
{ public override object[] Values() => [Server, Reputation, Suspended]; }

/// <summary>A server was authorized (or re-admitted).</summary>
public sealed record ServerAuthorized(Address Server) : MarketEvent
{ public override object[] Values() => [Server]; }

/// <summary>A server was removed.</summary>
public sealed record ServerRemoved(Address Server) : MarketEvent
{ public override object[] Values() => [Server]; }

/// <summary>An account withdrew its balance.</summary>
public sealed record Withdrawal(Address Account, BigInteger Amount) : MarketEvent
{ public override object[] Values() => [Account, Amount]; }

/// <summary>The owner withdrew the platform fees.</summary>
public sealed record FeesWithdrawn(Address To, BigInteger Amount) : MarketEvent
{ public override object[] Values() => [To, Amount]; }

/// <summary>The platform fee was set.</summary>
public sealed record FeeChanged(int FeeBps) : MarketEvent
{ public override object[] Values() => [(BigInteger)FeeBps]; }

/// <summary>The market was paused or unpaused.</summary>
public sealed record Paused(bool IsPaused) : MarketEvent
{ public override object[] Values() => [IsPaused]; }

/// <summary>Platform ownership moved.</summary>
public sealed record OwnershipTransferred(Address PreviousOwner, Address NewOwner) : MarketEvent
{ public override object[] Values() => [PreviousOwner, NewOwner]; }
#pragma warning restore CS1591
