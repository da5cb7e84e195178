using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace ZkInference.Market.Chain;

// Nethereum message types for the contract's functions (encoding only; names and types as in the ABI).
#pragma warning disable CA1812

internal sealed class TermsDto
{
    [Parameter("uint256", "perUsePrice", 1)] public BigInteger PerUsePrice { get; set; }
    [Parameter("uint256", "subscriptionPrice", 2)] public BigInteger SubscriptionPrice { get; set; }
    [Parameter("uint64", "subscriptionPeriod", 3)] public ulong SubscriptionPeriod { get; set; }
    [Parameter("uint256", "packPrice", 4)] public BigInteger PackPrice { get; set; }
    [Parameter("uint64", "packSize", 5)] public ulong PackSize { get; set; }
    [Parameter("uint16", "ownerShareBps", 6)] public ushort OwnerShareBps { get; set; }
}

internal sealed class MetadataDto
{
    [Parameter("string", "name", 1)] public string Name { get; set; } = "";
    [Parameter("string", "description", 2)] public string Description { get; set; } = "";
    [Parameter("string", "inputShape", 3)] public string InputShape { get; set; } = "";
    [Parameter("string", "outputShape", 4)] public string OutputShape { get; set; } = "";
    [Parameter("string", "uri", 5)] public string Uri { get; set; } = "";
    [Parameter("string", "weightsCid", 6)] public string WeightsCid { get; set; } = "";
    [Parameter("string", "circuitCid", 7)] public string CircuitCid { get; set; } = "";
    [Parameter("string", "settingsCid", 8)] public string SettingsCid { get; set; } = "";
}

internal sealed class ModelDto
{
    [Parameter("address", "owner", 1)] public string Owner { get; set; } = "";
    [Parameter("address", "verifier", 2)] public string Verifier { get; set; } = "";
    [Parameter("bool", "active", 3)] public bool Active { get; set; }
    [Parameter("uint16", "numOutputs", 4)] public ushort NumOutputs { get; set; }
    [Parameter("bytes4", "verifySelector", 5)] public byte[] VerifySelector { get; set; } = [];
    [Parameter("uint256", "paramCommitment", 6)] public BigInteger ParamCommitment { get; set; }
    [Parameter("tuple", "terms", 7)] public TermsDto Terms { get; set; } = new();
    [Parameter("tuple", "metadata", 8)] public MetadataDto Metadata { get; set; } = new();
}

internal sealed class RequestDto
{
    [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; }
    [Parameter("address", "user", 2)] public string User { get; set; } = "";
    [Parameter("uint8", "status", 3)] public byte Status { get; set; }
    [Parameter("uint8", "payment", 4)] public byte Payment { get; set; }
    [Parameter("uint16", "feeBps", 5)] public ushort FeeBps { get; set; }
    [Parameter("uint16", "ownerShareBps", 6)] public ushort OwnerShareBps { get; set; }
    [Parameter("uint64", "createdAt", 7)] public ulong CreatedAt { get; set; }
    [Parameter("uint64", "deadline", 8)] public ulong Deadline { get; set; }
    [Parameter("address", "server", 9)] public string Server { get; set; } = "";
    [Parameter("uint256", "inputCommitment", 10)] public BigInteger InputCommitment { get; set; }
    [Parameter("uint256", "amount", 11)] public BigInteger Amount { get; set; }
}

internal sealed class ServerDto
{
    [Parameter("bool", "authorized", 1)] public bool Authorized { get; set; }
    [Parameter("bool", "suspended", 2)] public bool Suspended { get; set; }
    [Parameter("uint256", "reputation", 3)] public BigInteger Reputation { get; set; }
}

[FunctionOutput] internal sealed class ModelOutput : IFunctionOutputDTO { [Parameter("tuple", "", 1)] public ModelDto Model { get; set; } = new(); }
[FunctionOutput] internal sealed class RequestOutput : IFunctionOutputDTO { [Parameter("tuple", "", 1)] public RequestDto Request { get; set; } = new(); }
[FunctionOutput] internal sealed class ServerOutput : IFunctionOutputDTO { [Parameter("tuple", "", 1)] public ServerDto Server { get; set; } = new(); }

[Function("registerModel", "uint256")]
internal sealed class RegisterModelFunction : FunctionMessage
{
    [Parameter("address", "verifier", 1)] public string Verifier { get; set; } = "";
    [Parameter("uint256", "paramCommitment", 2)] public BigInteger ParamCommitment { get; set; }
    [Parameter("uint16", "numOutputs", 3)] public ushort NumOutputs { get; set; }
    [Parameter("tuple", "terms", 4)] public TermsDto Terms { get; set; } = new();
    [Parameter("tuple", "metadata", 5)] public MetadataDto Metadata { get; set; } = new();
}

[Function("updateTerms")]
internal sealed class UpdateTermsFunction : FunctionMessage
{
    [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; }
    [Parameter("tuple", "terms", 2)] public TermsDto Terms { get; set; } = new();
}

[Function("updateMetadata")]
internal sealed class UpdateMetadataFunction : FunctionMessage
{
    [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; }
    [Parameter("tuple", "metadata", 2)] public MetadataDto Metadata { get; set; } = new();
}

[Function("setModelActive")]
internal sealed class SetModelActiveFunction : FunctionMessage
{
    [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; }
    [Parameter("bool", "active", 2)] public bool Active { get; set; }
}

[Function("buySubscription")] internal sealed class BuySubscriptionFunction : FunctionMessage { [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; } }
[Function("buyCredits")] internal sealed class BuyCreditsFunction : FunctionMessage { [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; } }

[Function("requestInference", "uint256")]
internal sealed class RequestInferenceFunction : FunctionMessage
{
    [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; }
    [Parameter("uint256", "inputCommitment", 2)] public BigInteger InputCommitment { get; set; }
    [Parameter("uint64", "deadline", 3)] public ulong Deadline { get; set; }
}

[Function("submitResult", "bool")]
internal sealed class SubmitResultFunction : FunctionMessage
{
    [Parameter("uint256", "requestId", 1)] public BigInteger RequestId { get; set; }
    [Parameter("uint256[]", "outputs", 2)] public List<BigInteger> Outputs { get; set; } = [];
    [Parameter("uint256[8]", "proof", 3)] public List<BigInteger> Proof { get; set; } = [];
}

[Function("cancelRequest")] internal sealed class CancelRequestFunction : FunctionMessage { [Parameter("uint256", "requestId", 1)] public BigInteger RequestId { get; set; } }
[Function("withdraw")] internal sealed class WithdrawFunction : FunctionMessage { }
[Function("withdrawFees")] internal sealed class WithdrawFeesFunction : FunctionMessage { }
[Function("pause")] internal sealed class PauseFunction : FunctionMessage { }
[Function("unpause")] internal sealed class UnpauseFunction : FunctionMessage { }
[Function("setFee")] internal sealed class SetFeeFunction : FunctionMessage { [Parameter("uint16", "newFeeBps", 1)] public ushort FeeBps { get; set; } }
[Function("authorizeServer")] internal sealed class AuthorizeServerFunction : FunctionMessage { [Parameter("address", "server", 1)] public string Server { get; set; } = ""; }
[Function("removeServer")] internal sealed class RemoveServerFunction : FunctionMessage { [Parameter("address", "server", 1)] public string Server { get; set; } = ""; }
[Function("transferOwnership")] internal sealed class TransferOwnershipFunction : FunctionMessage { [Parameter("address", "newOwner", 1)] public string NewOwner { get; set; } = ""; }

[Function("getModel", typeof(ModelOutput))] internal sealed class GetModelFunction : FunctionMessage { [Parameter("uint256", "modelId", 1)] public BigInteger ModelId { get; set; } }
[Function("getRequest", typeof(RequestOutput))] internal sealed class GetRequestFunction : FunctionMessage { [Parameter("uint256", "requestId", 1)] public BigInteger RequestId { get; set; } }
[Function("getServer", typeof(ServerOutput))] internal sealed class GetServerFunction : FunctionMessage { [Parameter("address", "server", 1)] public string Server { get; set; } = ""; }
[Function("owner", "address")] internal sealed class OwnerFunction : FunctionMessage { }
[Function("paused", "bool")] internal sealed class PausedFunction : FunctionMessage { }
[Function("feeBps", "uint16")] internal sealed class FeeBpsFunction : FunctionMessage { }
[Function("accruedFees", "uint256")] internal sealed class AccruedFeesFunction : FunctionMessage { }
[Function("nextModelId", "uint256")] internal sealed class NextModelIdFunction : FunctionMessage { }
[Function("nextRequestId", "uint256")] internal sealed class NextRequestIdFunction : FunctionMessage { }
[Function("balanceOf", "uint256")] internal sealed class BalanceOfFunction : FunctionMessage { [Parameter("address", "", 1)] public string Account { get; set; } = ""; }

[Function("subscriptionExpiry", "uint64")]
internal sealed class SubscriptionExpiryFunction : FunctionMessage
{
    [Parameter("address", "", 1)] public string User { get; set; } = "";
    [Parameter("uint256", "", 2)] public BigInteger ModelId { get; set; }
}

[Function("creditCount", "uint64")]
internal sealed class CreditCountFunction : FunctionMessage
{
    [Parameter("address", "", 1)] public string User { get; set; } = "";
    [Parameter("uint256", "", 2)] public BigInteger ModelId { get; set; }
}

[Function("creditValue", "uint256")]
internal sealed class CreditValueFunction : FunctionMessage
{
    [Parameter("address", "", 1)] public string User { get; set; } = "";
    [Parameter("uint256", "", 2)] public BigInteger ModelId { get; set; }
}
#pragma warning restore CA1812
