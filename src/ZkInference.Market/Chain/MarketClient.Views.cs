using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Chain;

public sealed partial class MarketClient
{
    /// <summary>The model, or null when unknown.</summary>
    public async Task<MarketModel?> GetModelAsync(BigInteger modelId, CancellationToken cancellationToken = default)
    {
        try
        {
            ModelDto m = (await QueryAsync<GetModelFunction, ModelOutput>(new GetModelFunction { ModelId = modelId }, cancellationToken).ConfigureAwait(false)).Model;
            var terms = new ModelTerms(m.Terms.PerUsePrice, m.Terms.SubscriptionPrice, m.Terms.SubscriptionPeriod, m.Terms.PackPrice, m.Terms.PackSize, m.Terms.OwnerShareBps);
            var meta = new ModelMetadata(m.Metadata.Name, m.Metadata.Description, m.Metadata.InputShape, m.Metadata.OutputShape, m.Metadata.Uri,
                m.Metadata.WeightsCid, m.Metadata.CircuitCid, m.Metadata.SettingsCid);
            return new MarketModel(Address.Parse(m.Owner), Address.Parse(m.Verifier), m.Active, m.NumOutputs, m.ParamCommitment, terms, meta);
        }
        catch (MarketRevertException e) when (e.Error.Code == MarketErrorCode.UnknownModel)
        {
            return null;
        }
    }

    /// <summary>The request, or null when unknown.</summary>
    public async Task<InferenceRequest?> GetRequestAsync(BigInteger requestId, CancellationToken cancellationToken = default)
    {
        try
        {
            RequestDto r = (await QueryAsync<GetRequestFunction, RequestOutput>(new GetRequestFunction { RequestId = requestId }, cancellationToken).ConfigureAwait(false)).Request;
            return new InferenceRequest(r.ModelId, Address.Parse(r.User), (RequestStatus)r.Status, (PaymentKind)r.Payment, r.FeeBps, r.OwnerShareBps,
                r.CreatedAt, r.Deadline, Address.Parse(r.Server), r.InputCommitment, r.Amount);
        }
        catch (MarketRevertException e) when (e.Error.Code == MarketErrorCode.UnknownRequest)
        {
            return null;
        }
    }

    /// <summary>A server's standing.</summary>
    public async Task<ServerRecord> GetServerAsync(Address server, CancellationToken cancellationToken = default)
    {
        ServerDto s = (await QueryAsync<GetServerFunction, ServerOutput>(new GetServerFunction { Server = server.ToString() }, cancellationToken).ConfigureAwait(false)).Server;
        return new ServerRecord(s.Authorized, s.Suspended, s.Reputation);
    }

    /// <summary>Platform state: owner, paused, fee, accrued fees, next model and request ids.</summary>
    public async Task<MarketStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        string owner = await ScalarAsync<OwnerFunction, string>(new(), cancellationToken).ConfigureAwait(false);
        bool paused = await ScalarAsync<PausedFunction, bool>(new(), cancellationToken).ConfigureAwait(false);
        int fee = await ScalarAsync<FeeBpsFunction, int>(new(), cancellationToken).ConfigureAwait(false);
        BigInteger fees = await ScalarAsync<AccruedFeesFunction, BigInteger>(new(), cancellationToken).ConfigureAwait(false);
        BigInteger nextModel = await ScalarAsync<NextModelIdFunction, BigInteger>(new(), cancellationToken).ConfigureAwait(false);
        BigInteger nextRequest = await ScalarAsync<NextRequestIdFunction, BigInteger>(new(), cancellationToken).ConfigureAwait(false);
        BigInteger held = (await _chain.Web3.Eth.GetBalance.SendRequestAsync(Contract.ToString()).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        return new MarketStatus(Address.Parse(owner), paused, fee, fees, nextModel, nextRequest, held);
    }

    /// <summary>The latest block's timestamp: the chain's "now", which deadlines are measured against.</summary>
    public async Task<ulong> LatestBlockTimestampAsync(CancellationToken cancellationToken = default)
    {
        BlockWithTransactionHashes b = await _chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false);
        return (ulong)b.Timestamp.Value;
    }

    /// <summary>Wei the account can withdraw.</summary>
    public Task<BigInteger> BalanceOfAsync(Address account, CancellationToken cancellationToken = default) =>
        ScalarAsync<BalanceOfFunction, BigInteger>(new BalanceOfFunction { Account = account.ToString() }, cancellationToken);

    /// <summary>When the user's subscription to the model ends (0: never bought).</summary>
    public Task<ulong> SubscriptionExpiryAsync(Address user, BigInteger modelId, CancellationToken cancellationToken = default) =>
        ScalarAsync<SubscriptionExpiryFunction, ulong>(new SubscriptionExpiryFunction { User = user.ToString(), ModelId = modelId }, cancellationToken);

    /// <summary>The user's unspent credits for the model.</summary>
    public Task<ulong> CreditCountAsync(Address user, BigInteger modelId, CancellationToken cancellationToken = default) =>
        ScalarAsync<CreditCountFunction, ulong>(new CreditCountFunction { User = user.ToString(), ModelId = modelId }, cancellationToken);

    /// <summary>Wei held for the user's unspent credits for the model.</summary>
    public Task<BigInteger> CreditValueAsync(Address user, BigInteger modelId, CancellationToken cancellationToken = default) =>
        ScalarAsync<CreditValueFunction, BigInteger>(new CreditValueFunction { User = user.ToString(), ModelId = modelId }, cancellationToken);

    /// <summary>The market's events in blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>], in chain order.</summary>
    public async Task<IReadOnlyList<ChainEvent>> GetEventsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default)
    {
        var filter = new NewFilterInput
        {
            Address = [Contract.ToString()],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
        };
        FilterLog[] logs = await Rpc(Abi, () => _chain.Web3.Eth.Filters.GetLogs.SendRequestAsync(filter), cancellationToken).ConfigureAwait(false);
        var result = new List<ChainEvent>();
        foreach (FilterLog log in logs.OrderBy(l => l.BlockNumber.Value).ThenBy(l => l.LogIndex.Value))
        {
            if (log.Removed) continue;
            if (Abi.DecodeEvent(log.Topics.Select(t => t.ToString()!).ToArray(), Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(log.Data)) is MarketEvent e)
                result.Add(new ChainEvent(e, (ulong)log.BlockNumber.Value, log.BlockHash, log.TransactionHash, (int)log.LogIndex.Value));
        }
        return result;
    }

    private async Task<TOut> QueryAsync<TFunction, TOut>(TFunction function, CancellationToken ct) where TFunction : FunctionMessage, new() where TOut : IFunctionOutputDTO, new()
    {
        var call = new CallInput(Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.ToHex(function.GetCallData(), true), Contract.ToString()) { From = _chain.Sender.ToString() };
        string result = await Rpc(Abi, () => _chain.Web3.Eth.Transactions.Call.SendRequestAsync(call), ct).ConfigureAwait(false);
        return new TOut().DecodeOutput(result);
    }

    private async Task<TOut> ScalarAsync<TFunction, TOut>(TFunction function, CancellationToken ct) where TFunction : FunctionMessage, new()
    {
        var handler = _chain.Web3.Eth.GetContractQueryHandler<TFunction>();
        return await Rpc(Abi, () => handler.QueryAsync<TOut>(Contract.ToString(), function), ct).ConfigureAwait(false);
    }
}

/// <summary>The platform's state as the contract reports it.</summary>
/// <param name="Owner">Platform owner.</param>
/// <param name="Paused">Whether paused.</param>
/// <param name="FeeBps">Platform fee.</param>
/// <param name="AccruedFees">Fees not yet withdrawn.</param>
/// <param name="NextModelId">Next model id.</param>
/// <param name="NextRequestId">Next request id.</param>
/// <param name="Held">The contract's wei balance.</param>
public sealed record MarketStatus(Address Owner, bool Paused, int FeeBps, BigInteger AccruedFees, BigInteger NextModelId, BigInteger NextRequestId, BigInteger Held);
