using System.Numerics;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Chain;

public sealed partial class MarketClient
{
    /// <summary>Registers a model owned by the sender; returns its id.</summary>
    /// <exception cref="MarketRevertException">ZeroAddress, FieldElementTooLarge, InvalidOutputCount, InvalidShare, InvalidTerms.</exception>
    public async Task<(BigInteger ModelId, MarketTransaction Transaction)> RegisterModelAsync(Address verifier, BigInteger paramCommitment, int numOutputs,
        ModelTerms terms, ModelMetadata metadata, TxOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (numOutputs is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(numOutputs));
        MarketTransaction tx = await SendAsync(new RegisterModelFunction
        {
            Verifier = verifier.ToString(), ParamCommitment = paramCommitment, NumOutputs = (ushort)numOutputs,
            Terms = ToDto(terms), Metadata = ToDto(metadata),
        }, 0, options, cancellationToken).ConfigureAwait(false);
        return (tx.Events.OfType<ModelRegistered>().Single().ModelId, tx);
    }

    /// <summary>Replaces a model's terms (model owner only).</summary>
    public Task<MarketTransaction> UpdateTermsAsync(BigInteger modelId, ModelTerms terms, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new UpdateTermsFunction { ModelId = modelId, Terms = ToDto(terms) }, 0, options, cancellationToken);

    /// <summary>Replaces a model's metadata (model owner only).</summary>
    public Task<MarketTransaction> UpdateMetadataAsync(BigInteger modelId, ModelMetadata metadata, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new UpdateMetadataFunction { ModelId = modelId, Metadata = ToDto(metadata) }, 0, options, cancellationToken);

    /// <summary>Activates or deactivates a model (model owner only).</summary>
    public Task<MarketTransaction> SetModelActiveAsync(BigInteger modelId, bool active, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new SetModelActiveFunction { ModelId = modelId, Active = active }, 0, options, cancellationToken);

    /// <summary>Buys one subscription period, paying <paramref name="value"/> (must equal the subscription price).</summary>
    public Task<MarketTransaction> BuySubscriptionAsync(BigInteger modelId, BigInteger value, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new BuySubscriptionFunction { ModelId = modelId }, value, options, cancellationToken);

    /// <summary>Buys one credit pack, paying <paramref name="value"/> (must equal the pack price).</summary>
    public Task<MarketTransaction> BuyCreditsAsync(BigInteger modelId, BigInteger value, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new BuyCreditsFunction { ModelId = modelId }, value, options, cancellationToken);

    /// <summary>Requests an inference; <paramref name="value"/> is the per-use price, or 0 under a subscription, a credit or a free model. Returns the request id.</summary>
    /// <exception cref="MarketRevertException">EnforcedPause, UnknownModel, ModelInactive, FieldElementTooLarge, InvalidDeadline, WrongPayment.</exception>
    public async Task<(BigInteger RequestId, MarketTransaction Transaction)> RequestInferenceAsync(BigInteger modelId, BigInteger inputCommitment, ulong deadline,
        BigInteger value, TxOptions? options = null, CancellationToken cancellationToken = default)
    {
        MarketTransaction tx = await SendAsync(new RequestInferenceFunction { ModelId = modelId, InputCommitment = inputCommitment, Deadline = deadline },
            value, options, cancellationToken).ConfigureAwait(false);
        return (tx.Events.OfType<InferenceRequested>().Single().RequestId, tx);
    }

    /// <summary>
    /// Submits a result with its proof (eight words, <see cref="ProofCalldata.ToWords"/>). A rejected proof is an
    /// explicit outcome (<see cref="SubmitOutcome.Accepted"/> false), not an exception; rule violations throw.
    /// </summary>
    /// <exception cref="MarketRevertException">EnforcedPause, NotAuthorizedServer, ServerSuspended, UnknownRequest, RequestNotPending, DeadlinePassed, WrongOutputCount, InsufficientGasForVerification.</exception>
    public async Task<SubmitOutcome> SubmitResultAsync(BigInteger requestId, IReadOnlyList<BigInteger> outputs, IReadOnlyList<BigInteger> proof,
        TxOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Count != ProofCalldata.WordCount) throw new ArgumentException("a proof is eight words", nameof(proof));
        MarketTransaction tx = await SendAsync(new SubmitResultFunction { RequestId = requestId, Outputs = [.. outputs], Proof = [.. proof] },
            0, options ?? SubmitOptions(outputs.Count), cancellationToken).ConfigureAwait(false);
        bool accepted = tx.Events.OfType<ResultAccepted>().Any();
        if (!accepted && !tx.Events.OfType<ProofRejected>().Any()) throw new MarketException($"submission {tx.Hash} emitted neither ResultAccepted nor ProofRejected");
        return new SubmitOutcome(tx, accepted);
    }

    /// <summary>
    /// Gas options for a submission with <paramref name="numOutputs"/> outputs: the estimate plus a margin, but at
    /// least what the contract needs to forward the verifier its fixed gas (so the estimate cannot come out short).
    /// </summary>
    public static TxOptions SubmitOptions(int numOutputs)
    {
        long verifierGas = MarketRules.VerifyGasBase + MarketRules.VerifyGasPerSignal * MarketRules.PublicSignalCount(numOutputs);
        return new TxOptions { GasLimit = 2 * verifierGas + 300_000 };
    }

    /// <summary>Cancels a request after its deadline (requester only) and refunds it.</summary>
    public Task<MarketTransaction> CancelRequestAsync(BigInteger requestId, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new CancelRequestFunction { RequestId = requestId }, 0, options, cancellationToken);

    /// <summary>Withdraws the sender's balance.</summary>
    public Task<MarketTransaction> WithdrawAsync(TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new WithdrawFunction(), 0, options, cancellationToken);

    /// <summary>Withdraws the platform fees to the owner (owner only).</summary>
    public Task<MarketTransaction> WithdrawFeesAsync(TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new WithdrawFeesFunction(), 0, options, cancellationToken);

    /// <summary>Pauses the market (owner only).</summary>
    public Task<MarketTransaction> PauseAsync(TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new PauseFunction(), 0, options, cancellationToken);

    /// <summary>Unpauses the market (owner only).</summary>
    public Task<MarketTransaction> UnpauseAsync(TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new UnpauseFunction(), 0, options, cancellationToken);

    /// <summary>Sets the platform fee in basis points (owner only; at most 1000).</summary>
    public Task<MarketTransaction> SetFeeAsync(int feeBps, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        feeBps is < 0 or > ushort.MaxValue ? throw new ArgumentOutOfRangeException(nameof(feeBps))
            : SendAsync(new SetFeeFunction { FeeBps = (ushort)feeBps }, 0, options, cancellationToken);

    /// <summary>Authorizes (or re-admits) a prover server (owner only).</summary>
    public Task<MarketTransaction> AuthorizeServerAsync(Address server, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new AuthorizeServerFunction { Server = server.ToString() }, 0, options, cancellationToken);

    /// <summary>Removes a prover server (owner only).</summary>
    public Task<MarketTransaction> RemoveServerAsync(Address server, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new RemoveServerFunction { Server = server.ToString() }, 0, options, cancellationToken);

    /// <summary>Transfers platform ownership (owner only).</summary>
    public Task<MarketTransaction> TransferOwnershipAsync(Address newOwner, TxOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new TransferOwnershipFunction { NewOwner = newOwner.ToString() }, 0, options, cancellationToken);

    private static TermsDto ToDto(ModelTerms t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.OwnerShareBps is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(t), "the owner share is a uint16");
        return new TermsDto
        {
            PerUsePrice = t.PerUsePrice, SubscriptionPrice = t.SubscriptionPrice, SubscriptionPeriod = t.SubscriptionPeriod,
            PackPrice = t.PackPrice, PackSize = t.PackSize, OwnerShareBps = (ushort)t.OwnerShareBps,
        };
    }

    private static MetadataDto ToDto(ModelMetadata m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MetadataDto
        {
            Name = m.Name, Description = m.Description, InputShape = m.InputShape, OutputShape = m.OutputShape,
            Uri = m.Uri, WeightsCid = m.WeightsCid, CircuitCid = m.CircuitCid, SettingsCid = m.SettingsCid,
        };
    }
}
