using System.Numerics;

namespace ZkInference.Market.Engine;

public sealed partial class MarketEngine
{
    /// <summary>Pays the sender its whole balance (pull payment; also while paused).</summary>
    /// <exception cref="MarketRevertException">NothingToWithdraw.</exception>
    public IReadOnlyList<MarketEvent> Withdraw(in TxContext tx)
    {
        NotPayable(tx);
        BigInteger amount = BalanceOf(tx.Sender);
        if (amount.IsZero) Revert(MarketErrorCode.NothingToWithdraw, tx.Sender);
        _balances[tx.Sender] = 0;
        Held -= amount;
        return [new Withdrawal(tx.Sender, amount)];
    }

    /// <summary>Pays the accrued platform fees to the owner.</summary>
    /// <exception cref="MarketRevertException">NotOwner, NothingToWithdraw.</exception>
    public IReadOnlyList<MarketEvent> WithdrawFees(in TxContext tx)
    {
        NotPayable(tx);
        OnlyOwner(tx);
        BigInteger amount = AccruedFees;
        if (amount.IsZero) Revert(MarketErrorCode.NothingToWithdraw, tx.Sender);
        AccruedFees = 0;
        Held -= amount;
        return [new FeesWithdrawn(tx.Sender, amount)];
    }

    /// <summary>Stops requests, submissions and access purchases.</summary>
    /// <exception cref="MarketRevertException">NotOwner, EnforcedPause.</exception>
    public IReadOnlyList<MarketEvent> Pause(in TxContext tx)
    {
        NotPayable(tx);
        OnlyOwner(tx);
        if (IsPaused) Revert(MarketErrorCode.EnforcedPause);
        IsPaused = true;
        return [new Paused(true)];
    }

    /// <summary>Resumes the market.</summary>
    /// <exception cref="MarketRevertException">NotOwner, ExpectedPause.</exception>
    public IReadOnlyList<MarketEvent> Unpause(in TxContext tx)
    {
        NotPayable(tx);
        OnlyOwner(tx);
        if (!IsPaused) Revert(MarketErrorCode.ExpectedPause);
        IsPaused = false;
        return [new Paused(false)];
    }

    /// <summary>Sets the platform fee for requests and subscriptions from now on.</summary>
    /// <exception cref="MarketRevertException">NotOwner, FeeTooHigh.</exception>
    public IReadOnlyList<MarketEvent> SetFee(in TxContext tx, int feeBps)
    {
        NotPayable(tx);
        if (feeBps is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(feeBps), "the fee is a uint16");
        OnlyOwner(tx);
        if (feeBps > MarketRules.MaxFeeBps) Revert(MarketErrorCode.FeeTooHigh, (BigInteger)feeBps);
        FeeBps = feeBps;
        return [new FeeChanged(feeBps)];
    }

    /// <summary>Authorizes a server, or re-admits one with the initial reputation and no suspension.</summary>
    /// <exception cref="MarketRevertException">NotOwner, ZeroAddress.</exception>
    public IReadOnlyList<MarketEvent> AuthorizeServer(in TxContext tx, Address server)
    {
        NotPayable(tx);
        OnlyOwner(tx);
        if (server.IsZero) Revert(MarketErrorCode.ZeroAddress);
        _servers[server] = new ServerRecord(true, false, MarketRules.InitialReputation);
        return [new ServerAuthorized(server), new ReputationChanged(server, MarketRules.InitialReputation, false)];
    }

    /// <summary>Removes a server's authorization (its reputation is kept until it is re-admitted).</summary>
    /// <exception cref="MarketRevertException">NotOwner, NotAuthorizedServer.</exception>
    public IReadOnlyList<MarketEvent> RemoveServer(in TxContext tx, Address server)
    {
        NotPayable(tx);
        OnlyOwner(tx);
        ServerRecord s = Server(server);
        if (!s.Authorized) Revert(MarketErrorCode.NotAuthorizedServer, server);
        _servers[server] = s with { Authorized = false };
        return [new ServerRemoved(server)];
    }

    /// <summary>Hands the platform to <paramref name="newOwner"/>.</summary>
    /// <exception cref="MarketRevertException">NotOwner, ZeroAddress.</exception>
    public IReadOnlyList<MarketEvent> TransferOwnership(in TxContext tx, Address newOwner)
    {
        NotPayable(tx);
        OnlyOwner(tx);
        if (newOwner.IsZero) Revert(MarketErrorCode.ZeroAddress);
        Address previous = Owner;
        Owner = newOwner;
        return [new OwnershipTransferred(previous, newOwner)];
    }
}
