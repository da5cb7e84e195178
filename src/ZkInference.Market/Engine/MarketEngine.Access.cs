using System.Numerics;

namespace ZkInference.Market.Engine;

public sealed partial class MarketEngine
{
    /// <summary>
    /// Buys one subscription period (exactly the subscription price): it starts now, or extends an unexpired one.
    /// The payment settles at once: the platform fee to the platform, the rest to the model owner.
    /// </summary>
    /// <exception cref="MarketRevertException">EnforcedPause, UnknownModel, ModelInactive, TierNotOffered, WrongPayment.</exception>
    public IReadOnlyList<MarketEvent> BuySubscription(in TxContext tx, BigInteger modelId)
    {
        WhenNotPaused();
        MarketModel m = ActiveModel(modelId);
        if (m.Terms.SubscriptionPeriod == 0) Revert(MarketErrorCode.TierNotOffered, modelId, (BigInteger)(int)PaymentKind.Subscription);
        if (tx.Value != m.Terms.SubscriptionPrice) Revert(MarketErrorCode.WrongPayment, m.Terms.SubscriptionPrice, tx.Value);
        ulong current = SubscriptionExpiry(tx.Sender, modelId);
        ulong expiry = checked(Math.Max(current, tx.Timestamp) + m.Terms.SubscriptionPeriod);
        _subscriptionExpiry[(tx.Sender, modelId)] = expiry;
        Held += tx.Value;
        BigInteger fee = tx.Value * FeeBps / MarketRules.Bps;
        AccruedFees += fee;
        Credit(m.Owner, tx.Value - fee);
        return [new SubscriptionBought(modelId, tx.Sender, expiry, tx.Value)];
    }

    /// <summary>Buys one credit pack (exactly the pack price); the contract holds its price until the credits are spent.</summary>
    /// <exception cref="MarketRevertException">EnforcedPause, UnknownModel, ModelInactive, TierNotOffered, WrongPayment.</exception>
    public IReadOnlyList<MarketEvent> BuyCredits(in TxContext tx, BigInteger modelId)
    {
        WhenNotPaused();
        MarketModel m = ActiveModel(modelId);
        if (m.Terms.PackSize == 0) Revert(MarketErrorCode.TierNotOffered, modelId, (BigInteger)(int)PaymentKind.Credit);
        if (tx.Value != m.Terms.PackPrice) Revert(MarketErrorCode.WrongPayment, m.Terms.PackPrice, tx.Value);
        _creditCount[(tx.Sender, modelId)] = checked(CreditCount(tx.Sender, modelId) + m.Terms.PackSize);
        _creditValue[(tx.Sender, modelId)] = CreditValue(tx.Sender, modelId) + tx.Value;
        Held += tx.Value;
        return [new CreditsBought(modelId, tx.Sender, m.Terms.PackSize, tx.Value)];
    }
}
