using System.Numerics;

namespace ZkInference.Market.Engine;

/// <summary>Where a request stands. The numeric values are the contract's enum values.</summary>
public enum RequestStatus
{
    /// <summary>No such request.</summary>
    None = 0,
    /// <summary>Waiting for a result; its payment is in escrow.</summary>
    Pending = 1,
    /// <summary>A valid proof was accepted and the escrow paid out.</summary>
    Fulfilled = 2,
    /// <summary>A proof was rejected and the escrow refunded.</summary>
    Rejected = 3,
    /// <summary>Cancelled by the user after the deadline and refunded.</summary>
    Cancelled = 4,
}

/// <summary>How a request was paid (and so what a refund returns). Values are the contract's.</summary>
public enum PaymentKind
{
    /// <summary>The model is free (per-use price 0): nothing in escrow.</summary>
    Free = 0,
    /// <summary>Paid the per-use price, held in escrow.</summary>
    PerUse = 1,
    /// <summary>Covered by an unexpired subscription: nothing in escrow.</summary>
    Subscription = 2,
    /// <summary>Paid with one credit, whose value is held in escrow; a refund returns the credit.</summary>
    Credit = 3,
}

/// <summary>A model's prices and revenue split. A zero period or pack size turns that tier off.</summary>
/// <param name="PerUsePrice">Wei per inference when neither a subscription nor a credit covers it; 0 makes the model free.</param>
/// <param name="SubscriptionPrice">Wei per subscription period.</param>
/// <param name="SubscriptionPeriod">Seconds one subscription purchase adds; 0: no subscriptions.</param>
/// <param name="PackPrice">Wei per credit pack.</param>
/// <param name="PackSize">Credits per pack; 0: no credit packs.</param>
/// <param name="OwnerShareBps">The model owner's share, in basis points, of what is left after the platform fee; the server gets the rest.</param>
public sealed record ModelTerms(BigInteger PerUsePrice, BigInteger SubscriptionPrice, ulong SubscriptionPeriod, BigInteger PackPrice, ulong PackSize, int OwnerShareBps)
{
    /// <summary>A free model: no tiers, the owner takes the whole (zero) revenue.</summary>
    public static ModelTerms Free { get; } = new(0, 0, 0, 0, 0, MarketRules.Bps);
}

/// <summary>A model's descriptive metadata and content identifiers, stored as given.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Description">Free text.</param>
/// <param name="InputShape">Input tensor shape, e.g. "1x4".</param>
/// <param name="OutputShape">Output tensor shape.</param>
/// <param name="Uri">Where to learn more.</param>
/// <param name="WeightsCid">IPFS CID of the weights.</param>
/// <param name="CircuitCid">IPFS CID of the compiled circuit.</param>
/// <param name="SettingsCid">IPFS CID of settings.json.</param>
public sealed record ModelMetadata(string Name, string Description, string InputShape, string OutputShape, string Uri, string WeightsCid, string CircuitCid, string SettingsCid)
{
    /// <summary>All fields empty.</summary>
    public static ModelMetadata Empty { get; } = new("", "", "", "", "", "", "", "");
}

/// <summary>A registered model.</summary>
/// <param name="Owner">Who registered it and is paid its share.</param>
/// <param name="Verifier">The Groth16 verifier contract (snarkjs's verifyProof ABI).</param>
/// <param name="Active">Whether it accepts requests and sells access.</param>
/// <param name="NumOutputs">How many output field elements a result has.</param>
/// <param name="ParamCommitment">The Poseidon commitment to its parameters (a public signal).</param>
/// <param name="Terms">Prices and split.</param>
/// <param name="Metadata">Descriptive metadata.</param>
public sealed record MarketModel(Address Owner, Address Verifier, bool Active, int NumOutputs, BigInteger ParamCommitment, ModelTerms Terms, ModelMetadata Metadata);

/// <summary>An inference request.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="User">Who asked and is refunded.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Payment">How it was paid.</param>
/// <param name="FeeBps">The platform fee when it was made (applied at settlement).</param>
/// <param name="OwnerShareBps">The model's owner share when it was made.</param>
/// <param name="CreatedAt">Block timestamp of the request.</param>
/// <param name="Deadline">Last timestamp a result is accepted; afterwards the user may cancel.</param>
/// <param name="Server">The server that submitted a result (zero while pending or cancelled).</param>
/// <param name="InputCommitment">Poseidon commitment to the quantized input (a public signal).</param>
/// <param name="Amount">Wei held in escrow.</param>
public sealed record InferenceRequest(BigInteger ModelId, Address User, RequestStatus Status, PaymentKind Payment, int FeeBps, int OwnerShareBps, ulong CreatedAt, ulong Deadline, Address Server, BigInteger InputCommitment, BigInteger Amount);

/// <summary>A prover server's standing.</summary>
/// <param name="Authorized">Authorized by the platform owner (and not removed since).</param>
/// <param name="Suspended">Suspended after its reputation fell below the threshold.</param>
/// <param name="Reputation">Current reputation.</param>
public sealed record ServerRecord(bool Authorized, bool Suspended, BigInteger Reputation)
{
    /// <summary>An address never authorized.</summary>
    public static ServerRecord Unknown { get; } = new(false, false, 0);
}

/// <summary>The context of one transaction: sender, attached value (wei) and block timestamp.</summary>
/// <param name="Sender">msg.sender.</param>
/// <param name="Value">msg.value in wei.</param>
/// <param name="Timestamp">block.timestamp in seconds.</param>
public readonly record struct TxContext(Address Sender, BigInteger Value, ulong Timestamp)
{
    /// <summary>A call without value.</summary>
    public static TxContext From(Address sender, ulong timestamp) => new(sender, BigInteger.Zero, timestamp);
}
