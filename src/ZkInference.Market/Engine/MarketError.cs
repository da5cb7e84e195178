using System.Globalization;
using System.Numerics;

namespace ZkInference.Market.Engine;

/// <summary>The contract's custom errors; each name is the Solidity error's name.</summary>
public enum MarketErrorCode
{
    /// <summary>NotOwner(address caller): only the platform owner may do this.</summary>
    NotOwner,
    /// <summary>NotModelOwner(uint256 modelId, address caller).</summary>
    NotModelOwner,
    /// <summary>EnforcedPause(): the market is paused (or pause() while paused).</summary>
    EnforcedPause,
    /// <summary>ExpectedPause(): unpause() while not paused.</summary>
    ExpectedPause,
    /// <summary>Reentrancy(): a guarded function was re-entered.</summary>
    Reentrancy,
    /// <summary>FeeTooHigh(uint256 feeBps): above 1000 basis points.</summary>
    FeeTooHigh,
    /// <summary>ZeroAddress(): the zero address where an account is needed.</summary>
    ZeroAddress,
    /// <summary>InvalidShare(uint256 ownerShareBps): above 10000.</summary>
    InvalidShare,
    /// <summary>InvalidOutputCount(uint256 numOutputs): zero or above 64.</summary>
    InvalidOutputCount,
    /// <summary>InvalidTerms(): a price for a tier that is off.</summary>
    InvalidTerms,
    /// <summary>FieldElementTooLarge(uint256 value): a commitment ≥ r.</summary>
    FieldElementTooLarge,
    /// <summary>UnknownModel(uint256 modelId).</summary>
    UnknownModel,
    /// <summary>ModelInactive(uint256 modelId).</summary>
    ModelInactive,
    /// <summary>ActivationUnchanged(uint256 modelId, bool active).</summary>
    ActivationUnchanged,
    /// <summary>TierNotOffered(uint256 modelId, uint8 tier).</summary>
    TierNotOffered,
    /// <summary>WrongPayment(uint256 expected, uint256 sent).</summary>
    WrongPayment,
    /// <summary>InvalidDeadline(uint64 deadline): not after now, or more than 30 days ahead.</summary>
    InvalidDeadline,
    /// <summary>UnknownRequest(uint256 requestId).</summary>
    UnknownRequest,
    /// <summary>RequestNotPending(uint256 requestId, uint8 status).</summary>
    RequestNotPending,
    /// <summary>DeadlinePassed(uint256 requestId, uint64 deadline): a result after the deadline.</summary>
    DeadlinePassed,
    /// <summary>DeadlineNotReached(uint256 requestId, uint64 deadline): a cancellation before the deadline has passed.</summary>
    DeadlineNotReached,
    /// <summary>NotRequester(uint256 requestId, address caller).</summary>
    NotRequester,
    /// <summary>NotAuthorizedServer(address server).</summary>
    NotAuthorizedServer,
    /// <summary>ServerSuspended(address server).</summary>
    ServerSuspended,
    /// <summary>WrongOutputCount(uint256 expected, uint256 actual).</summary>
    WrongOutputCount,
    /// <summary>InsufficientGasForVerification(): the transaction's gas cannot cover the verifier call (chain only).</summary>
    InsufficientGasForVerification,
    /// <summary>NothingToWithdraw(address account).</summary>
    NothingToWithdraw,
    /// <summary>TransferFailed(address to, uint256 amount): the recipient refused the payment (chain only).</summary>
    TransferFailed,
}

/// <summary>
/// A custom error with its arguments in ABI order: <see cref="BigInteger"/> for unsigned integers,
/// <see cref="Address"/> for addresses, <see cref="bool"/> for booleans.
/// </summary>
public sealed class MarketError : IEquatable<MarketError>
{
    /// <summary>Creates the error.</summary>
    public MarketError(MarketErrorCode code, params object[] args)
    {
        Code = code;
        Args = args;
    }

    /// <summary>Which error.</summary>
    public MarketErrorCode Code { get; }

    /// <summary>Its arguments in ABI order.</summary>
    public IReadOnlyList<object> Args { get; }

    /// <summary>Name(arg, …) with decimal numbers and hex addresses, e.g. <c>WrongPayment(100, 0)</c>.</summary>
    public override string ToString() => $"{Code}({string.Join(", ", Args.Select(AbiText.Format))})";

    /// <inheritdoc/>
    public bool Equals(MarketError? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MarketError);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

/// <summary>A transaction the rules refuse: the engine throws it where the contract reverts with <see cref="Error"/>.</summary>
public sealed class MarketRevertException : MarketException
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public MarketRevertException(MarketError error) : base($"reverted: {error}") => Error = error;

    /// <summary>The custom error.</summary>
    public MarketError Error { get; }
}

/// <summary>How ABI values print: decimal integers, 0x addresses, true/false, [a, b] arrays.</summary>
public static class AbiText
{
    /// <summary>The text of one ABI value.</summary>
    public static string Format(object value) => value switch
    {
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        Address a => a.ToString(),
        bool f => f ? "true" : "false",
        IEnumerable<BigInteger> list => "[" + string.Join(", ", list.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]",
        _ => throw new ArgumentException($"{value.GetType().Name} is not an ABI value here", nameof(value)),
    };
}
