using System.Numerics;
using Xunit;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Tests;

/// <summary>The engine's rules on their own: fee math and rounding, credits, roles, and atomic reverts.</summary>
public sealed class EngineTests
{
    private static readonly Address Admin = Address.FromUInt160(1), Owner = Address.FromUInt160(2), User = Address.FromUInt160(3), Server = Address.FromUInt160(4);
    private static readonly Address Verifier = Address.FromUInt160(0xbeef);
    private const ulong T0 = 1_000_000;

    private sealed class Accept(bool valid) : IProofVerifier
    {
        public bool Valid { get; set; } = valid;
        public bool Verify(Address verifier, IReadOnlyList<BigInteger> publicSignals, IReadOnlyList<BigInteger> proof) => Valid;
    }

    private static readonly BigInteger[] NoProof = new BigInteger[8];

    private static (MarketEngine Engine, Accept Verifier) Market(int feeBps, ModelTerms terms)
    {
        var v = new Accept(true);
        var e = new MarketEngine(Admin, feeBps, v, out _);
        e.AuthorizeServer(TxContext.From(Admin, T0), Server);
        e.RegisterModel(TxContext.From(Owner, T0), Verifier, 42, 1, terms, ModelMetadata.Empty);
        return (e, v);
    }

    [Theory]
    [InlineData(1000, 250, 5000, 25, 487, 488)]
    [InlineData(999, 1000, 3333, 99, 299, 601)]
    [InlineData(1, 1000, 10000, 0, 1, 0)]
    [InlineData(12345, 0, 0, 0, 0, 12345)]
    public void SettlementSplitsWithStatedRounding(int price, int fee, int share, int expectFee, int expectOwner, int expectServer)
    {
        var (e, _) = Market(fee, new ModelTerms(price, 0, 0, 0, 0, share));
        e.RequestInference(new TxContext(User, price, T0 + 1), 1, 7, T0 + 100);
        var accepted = Assert.IsType<ResultAccepted>(e.SubmitResult(TxContext.From(Server, T0 + 2), 1, [5], NoProof)[0]);
        Assert.Equal((expectFee, expectOwner, expectServer), ((int)accepted.Fee, (int)accepted.OwnerAmount, (int)accepted.ServerAmount));
        Assert.Equal(price, expectFee + expectOwner + expectServer);
        Assert.Null(e.CheckConservation());
    }

    [Fact]
    public void CreditsCarryThePackPriceExactlyAndRefundsReturnTheCredit()
    {
        var (e, v) = Market(0, new ModelTerms(500, 0, 0, 10, 3, 10000));
        e.BuyCredits(new TxContext(User, 10, T0 + 1), 1);
        var amounts = new List<BigInteger>();
        for (int i = 0; i < 3; i++)
            amounts.Add(((InferenceRequested)e.RequestInference(TxContext.From(User, T0 + 2), 1, 7, T0 + 100)[0]).Amount);
        Assert.Equal([3, 3, 4], amounts);                                   // ⌊10/3⌋, ⌊7/2⌋, the remainder
        v.Valid = false;
        e.SubmitResult(TxContext.From(Server, T0 + 3), 3, [5], NoProof);     // rejected: the 4-wei credit comes back
        Assert.Equal((1UL, (BigInteger)4), (e.CreditCount(User, 1), e.CreditValue(User, 1)));
        Assert.Equal(0, e.BalanceOf(User));
        Assert.Null(e.CheckConservation());
        // With no credit and no subscription, the per-use price applies again after the credit is spent.
        e.RequestInference(TxContext.From(User, T0 + 4), 1, 7, T0 + 100);
        var err = Assert.Throws<MarketRevertException>(() => e.RequestInference(TxContext.From(User, T0 + 5), 1, 7, T0 + 100));
        Assert.Equal("WrongPayment(500, 0)", err.Error.ToString());
    }

    [Fact]
    public void SubscriptionsExtendAndExpire()
    {
        var (e, _) = Market(100, new ModelTerms(500, 2000, 60, 0, 0, 10000));
        e.BuySubscription(new TxContext(User, 2000, T0 + 10), 1);
        e.BuySubscription(new TxContext(User, 2000, T0 + 20), 1);
        Assert.Equal(T0 + 130, e.SubscriptionExpiry(User, 1));
        Assert.Equal(40, e.AccruedFees);                                     // 1 % of each 2000
        Assert.Equal(3960, e.BalanceOf(Owner));
        Assert.Equal(PaymentKind.Subscription, ((InferenceRequested)e.RequestInference(TxContext.From(User, T0 + 129), 1, 7, T0 + 200)[0]).Payment);
        Assert.Throws<MarketRevertException>(() => e.RequestInference(TxContext.From(User, T0 + 130), 1, 7, T0 + 200));
    }

    [Fact]
    public void OnlyTheRightRoleActsAndRevertsChangeNothing()
    {
        var (e, _) = Market(0, ModelTerms.Free);
        string Err(Action a) => Assert.Throws<MarketRevertException>(a).Error.ToString();
        Assert.Equal($"NotOwner({User})", Err(() => e.Pause(TxContext.From(User, T0))));
        Assert.Equal($"NotOwner({Owner})", Err(() => e.SetFee(TxContext.From(Owner, T0), 10)));
        Assert.Equal($"NotModelOwner(1, {Admin})", Err(() => e.SetModelActive(TxContext.From(Admin, T0), 1, false)));
        e.RequestInference(TxContext.From(User, T0), 1, 7, T0 + 10);
        Assert.Equal($"NotAuthorizedServer({User})", Err(() => e.SubmitResult(TxContext.From(User, T0), 1, [5], NoProof)));
        Assert.Equal($"NotRequester(1, {Server})", Err(() => e.CancelRequest(TxContext.From(Server, T0 + 11), 1)));
        Assert.Equal("DeadlineNotReached(1, 1000010)", Err(() => e.CancelRequest(TxContext.From(User, T0 + 10), 1)));
        Assert.Equal("DeadlinePassed(1, 1000010)", Err(() => e.SubmitResult(TxContext.From(Server, T0 + 11), 1, [5], NoProof)));
        Assert.Equal("FeeTooHigh(1001)", Err(() => e.SetFee(TxContext.From(Admin, T0), 1001)));
        Assert.Equal("WrongOutputCount(1, 2)", Err(() => e.SubmitResult(TxContext.From(Server, T0 + 1), 1, [5, 6], NoProof)));
        Assert.Equal(RequestStatus.Pending, e.Request(1)!.Status);             // nothing changed by the reverts
        Assert.Equal(0, e.FeeBps);
        Assert.True(e.Model(1)!.Active);
        Assert.Equal(new ServerRecord(true, false, MarketRules.InitialReputation), e.Server(Server));
    }

    [Fact]
    public void AddressesParseAndPrintAsTheChainDoes()
    {
        Address a = Address.Parse("0xAbCdEf0123456789abcdef0123456789ABCDEF01");
        Assert.Equal("0xabcdef0123456789abcdef0123456789abcdef01", a.ToString());
        Assert.Equal("0x0000000000000000000000000000000000000001", Address.FromUInt160(1).ToString());
        Assert.False(Address.TryParse("0x123", out _));
        Assert.Throws<MarketException>(() => Address.FromUInt160(BigInteger.One << 160));
    }
}
