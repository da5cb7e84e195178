using System.Numerics;

namespace ZkInference.Market.Engine;

public sealed partial class MarketEngine
{
    /// <summary>Registers a model owned by the sender (active at once). Its id is the first event's ModelId.</summary>
    /// <exception cref="MarketRevertException">ZeroAddress, FieldElementTooLarge, InvalidOutputCount, InvalidShare, InvalidTerms.</exception>
    public IReadOnlyList<MarketEvent> RegisterModel(in TxContext tx, Address verifier, BigInteger paramCommitment, int numOutputs, ModelTerms terms, ModelMetadata metadata)
    {
        NotPayable(tx);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(metadata);
        if (verifier.IsZero) Revert(MarketErrorCode.ZeroAddress);
        if (paramCommitment >= MarketRules.ScalarField) Revert(MarketErrorCode.FieldElementTooLarge, paramCommitment);
        if (numOutputs is <= 0 or > MarketRules.MaxOutputs) Revert(MarketErrorCode.InvalidOutputCount, (BigInteger)numOutputs);
        CheckTerms(terms);
        BigInteger id = NextModelId++;
        _models[id] = new MarketModel(tx.Sender, verifier, true, numOutputs, paramCommitment, terms, metadata);
        return [new ModelRegistered(id, tx.Sender, verifier, paramCommitment, numOutputs), new ModelTermsUpdated(id, terms)];
    }

    /// <summary>Replaces a model's terms (owner only); pending requests keep theirs.</summary>
    /// <exception cref="MarketRevertException">UnknownModel, NotModelOwner, InvalidShare, InvalidTerms.</exception>
    public IReadOnlyList<MarketEvent> UpdateTerms(in TxContext tx, BigInteger modelId, ModelTerms terms)
    {
        NotPayable(tx);
        ArgumentNullException.ThrowIfNull(terms);
        MarketModel m = OwnedModel(tx, modelId);
        CheckTerms(terms);
        _models[modelId] = m with { Terms = terms };
        return [new ModelTermsUpdated(modelId, terms)];
    }

    /// <summary>Replaces a model's metadata (owner only).</summary>
    /// <exception cref="MarketRevertException">UnknownModel, NotModelOwner.</exception>
    public IReadOnlyList<MarketEvent> UpdateMetadata(in TxContext tx, BigInteger modelId, ModelMetadata metadata)
    {
        NotPayable(tx);
        ArgumentNullException.ThrowIfNull(metadata);
        MarketModel m = OwnedModel(tx, modelId);
        _models[modelId] = m with { Metadata = metadata };
        return [new ModelMetadataUpdated(modelId)];
    }

    /// <summary>Activates or deactivates a model (owner only).</summary>
    /// <exception cref="MarketRevertException">UnknownModel, NotModelOwner, ActivationUnchanged.</exception>
    public IReadOnlyList<MarketEvent> SetModelActive(in TxContext tx, BigInteger modelId, bool active)
    {
        NotPayable(tx);
        MarketModel m = OwnedModel(tx, modelId);
        if (m.Active == active) Revert(MarketErrorCode.ActivationUnchanged, modelId, active);
        _models[modelId] = m with { Active = active };
        return [new ModelActivation(modelId, active)];
    }

    private static void CheckTerms(ModelTerms t)
    {
        if (t.PerUsePrice.Sign < 0 || t.SubscriptionPrice.Sign < 0 || t.PackPrice.Sign < 0 || t.OwnerShareBps is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(t), "prices must be non-negative and the share a uint16");
        if (t.OwnerShareBps > MarketRules.Bps) Revert(MarketErrorCode.InvalidShare, (BigInteger)t.OwnerShareBps);
        if ((t.SubscriptionPeriod == 0 && !t.SubscriptionPrice.IsZero) || (t.PackSize == 0 && !t.PackPrice.IsZero)) Revert(MarketErrorCode.InvalidTerms);
    }

    private MarketModel ExistingModel(BigInteger modelId) =>
        _models.GetValueOrDefault(modelId) ?? throw Error(MarketErrorCode.UnknownModel, modelId);

    private MarketModel OwnedModel(in TxContext tx, BigInteger modelId)
    {
        MarketModel m = ExistingModel(modelId);
        if (m.Owner != tx.Sender) Revert(MarketErrorCode.NotModelOwner, modelId, tx.Sender);
        return m;
    }

    private MarketModel ActiveModel(BigInteger modelId)
    {
        MarketModel m = ExistingModel(modelId);
        if (!m.Active) Revert(MarketErrorCode.ModelInactive, modelId);
        return m;
    }
}
