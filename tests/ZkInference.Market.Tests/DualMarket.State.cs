using System.Numerics;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

public sealed partial class DualMarket
{
    /// <summary>
    /// Compares everything observable: platform state, the contract's wei, every actor's balance and server
    /// record, every model and request, and credits and subscriptions per model — of the acting account only unless
    /// <paramref name="allAccess"/> (of every account; only the actor's can change in a step, and reading all of
    /// them each step would dominate the test's time) — then checks value conservation on the chain's numbers.
    /// </summary>
    public void CompareState() => CompareState(-1, true);

    private void CompareState(int actor, bool allAccess)
    {
        MarketClient c = _clients![0];
        MarketStatus st = c.GetStatusAsync().GetAwaiter().GetResult();
        var engineStatus = new MarketStatus(Engine.Owner, Engine.IsPaused, Engine.FeeBps, Engine.AccruedFees, Engine.NextModelId, Engine.NextRequestId, Engine.Held);
        Assert(st == engineStatus, $"status: engine {engineStatus}, chain {st}");

        BigInteger balances = 0, credits = 0, escrow = 0;
        foreach (Address a in _actors)
        {
            BigInteger b = c.BalanceOfAsync(a).GetAwaiter().GetResult();
            Assert(b == Engine.BalanceOf(a), $"balance of {a}: engine {Engine.BalanceOf(a)}, chain {b}");
            balances += b;
            ServerRecord s = c.GetServerAsync(a).GetAwaiter().GetResult();
            Assert(s == Engine.Server(a), $"server {a}: engine {Engine.Server(a)}, chain {s}");
        }
        for (BigInteger id = 0; id <= Engine.NextModelId; id++)
        {
            MarketModel? m = c.GetModelAsync(id).GetAwaiter().GetResult();
            Assert(Equals(m, Engine.Model(id)), $"model {id}: engine {Engine.Model(id)}, chain {m}");
            if (m is null) continue;
            for (int i = 0; i < _actors.Length; i++)
            {
                Address a = _actors[i];
                if (!allAccess && i != actor)
                {
                    credits += Engine.CreditValue(a, id);
                    continue;
                }
                ulong count = c.CreditCountAsync(a, id).GetAwaiter().GetResult();
                BigInteger value = c.CreditValueAsync(a, id).GetAwaiter().GetResult();
                ulong expiry = c.SubscriptionExpiryAsync(a, id).GetAwaiter().GetResult();
                Assert(count == Engine.CreditCount(a, id) && value == Engine.CreditValue(a, id) && expiry == Engine.SubscriptionExpiry(a, id),
                    $"access of {a} to model {id}: engine {Engine.CreditCount(a, id)}/{Engine.CreditValue(a, id)}/{Engine.SubscriptionExpiry(a, id)}, chain {count}/{value}/{expiry}");
                credits += value;
            }
        }
        for (BigInteger id = 0; id <= Engine.NextRequestId; id++)
        {
            InferenceRequest? q = c.GetRequestAsync(id).GetAwaiter().GetResult();
            Assert(Equals(q, Engine.Request(id)), $"request {id}: engine {Engine.Request(id)}, chain {q}");
            if (q?.Status == RequestStatus.Pending) escrow += q.Amount;
        }
        BigInteger held = _node!.Balance(Contract);
        Assert(held == st.Held && held == balances + st.AccruedFees + credits + escrow,
            $"chain conservation: holds {held} ≠ balances {balances} + fees {st.AccruedFees} + credits {credits} + escrow {escrow}");
    }
}
