using System.Numerics;

namespace ZkInference.Server.Feed;

/// <summary>An inference request as the market recorded it on chain.</summary>
/// <param name="RequestId">The market's unique request id.</param>
/// <param name="ModelId">The model the user asked for.</param>
/// <param name="InputCommitment">Poseidon commitment to the quantized input; the user's input must hash to it.</param>
/// <param name="User">The requesting account (0x-hex).</param>
/// <param name="BlockNumber">The block holding the request event.</param>
/// <param name="Timestamp">The request's timestamp (seconds since the Unix epoch).</param>
/// <param name="InputCid">An IPFS CID of the input, when the user published it there instead of posting it.</param>
public sealed record ServedRequest(
    BigInteger RequestId,
    BigInteger ModelId,
    BigInteger InputCommitment,
    string User,
    ulong BlockNumber,
    ulong Timestamp,
    string? InputCid = null);
