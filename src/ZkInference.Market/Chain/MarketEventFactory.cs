using System.Numerics;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Chain;

/// <summary>Builds the typed event record from an event's name and its decoded ABI values (the inverse of <see cref="MarketEvent.Values"/>).</summary>
internal static class MarketEventFactory
{
    public static MarketEvent Create(string name, object[] v)
    {
        BigInteger U(int i) => (BigInteger)v[i];
        Address A(int i) => (Address)v[i];
        bool B(int i) => (bool)v[i];
        return name switch
        {
            nameof(ModelRegistered) => new ModelRegistered(U(0), A(1), A(2), U(3), (int)U(4)),
            nameof(ModelTermsUpdated) => new ModelTermsUpdated(U(0), new ModelTerms(U(1), U(2), (ulong)U(3), U(4), (ulong)U(5), (int)U(6))),
            nameof(ModelMetadataUpdated) => new ModelMetadataUpdated(U(0)),
            nameof(ModelActivation) => new ModelActivation(U(0), B(1)),
            nameof(SubscriptionBought) => new SubscriptionBought(U(0), A(1), (ulong)U(2), U(3)),
            nameof(CreditsBought) => new CreditsBought(U(0), A(1), (ulong)U(2), U(3)),
            nameof(InferenceRequested) => new InferenceRequested(U(0), U(1), A(2), U(3), (PaymentKind)(int)U(4), U(5), (ulong)U(6), (ulong)U(7)),
            nameof(ResultAccepted) => new ResultAccepted(U(0), A(1), (BigInteger[])v[2], U(3), U(4), U(5)),
            nameof(ProofRejected) => new ProofRejected(U(0), A(1), U(2)),
            nameof(RequestCancelled) => new RequestCancelled(U(0), U(1)),
            nameof(ReputationChanged) => new ReputationChanged(A(0), U(1), B(2)),
            nameof(ServerAuthorized) => new ServerAuthorized(A(0)),
            nameof(ServerRemoved) => new ServerRemoved(A(0)),
            nameof(Withdrawal) => new Withdrawal(A(0), U(1)),
            nameof(FeesWithdrawn) => new FeesWithdrawn(A(0), U(1)),
            nameof(FeeChanged) => new FeeChanged((int)U(0)),
            nameof(Paused) => new Paused(B(0)),
            nameof(OwnershipTransferred) => new OwnershipTransferred(A(0), A(1)),
            _ => throw new MarketException($"event {name} has no C# record"),
        };
    }
}
