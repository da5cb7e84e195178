using System.Numerics;

namespace ZkInference.Market.Engine;

public sealed partial class MarketEngine
{
    /// <summary>
    /// Requests an inference of an active model. Payment, first that applies: an unexpired subscription (no value),
    /// a credit (no value; the credit's share of the credit value goes into escrow), else exactly the per-use price
    /// into escrow (0 for a free model). The request id is the event's RequestId.
    /// </summary>
    /// <exception cref="MarketRevertException">EnforcedPause, UnknownModel, ModelInactive, FieldElementTooLarge, InvalidDeadline, WrongPayment.</exception>
    public IReadOnlyList<MarketEvent> RequestInference(in TxContext tx, BigInteger modelId, BigInteger inputCommitment, ulong deadline)
    {
        WhenNotPaused();
        MarketModel m = ActiveModel(modelId);
        if (inputCommitment.Sign < 0) throw new ArgumentOutOfRangeException(nameof(inputCommitment));
        if (inputCommitment >= MarketRules.ScalarField) Revert(MarketErrorCode.FieldElementTooLarge, inputCommitment);
        if (deadline <= tx.Timestamp || (BigInteger)deadline > (BigInteger)tx.Timestamp + MarketRules.MaxRequestTtl)
            Revert(MarketErrorCode.InvalidDeadline, (BigInteger)deadline);
        var key = (tx.Sender, modelId);
        PaymentKind payment;
        BigInteger amount = BigInteger.Zero;
        if (SubscriptionExpiry(tx.Sender, modelId) > tx.Timestamp)
        {
            if (!tx.Value.IsZero) Revert(MarketErrorCode.WrongPayment, BigInteger.Zero, tx.Value);
            payment = PaymentKind.Subscription;
        }
        else if (CreditCount(tx.Sender, modelId) > 0)
        {
            if (!tx.Value.IsZero) Revert(MarketErrorCode.WrongPayment, BigInteger.Zero, tx.Value);
            payment = PaymentKind.Credit;
            ulong count = _creditCount[key];
            BigInteger value = CreditValue(tx.Sender, modelId);
            amount = value / count;
            _creditCount[key] = count - 1;
            _creditValue[key] = value - amount;
        }
        else
        {
            BigInteger price = m.Terms.PerUsePrice;
            if (tx.Value != price) Revert(MarketErrorCode.WrongPayment, price, tx.Value);
            payment = price.IsZero ? PaymentKind.Free : PaymentKind.PerUse;
            amount = price;
            Held += tx.Value;
        }
        BigInteger id = NextRequestId++;
        _requests[id] = new InferenceRequest(modelId, tx.Sender, RequestStatus.Pending, payment, FeeBps, m.Terms.OwnerShareBps,
            tx.Timestamp, deadline, Address.Zero, inputCommitment, amount);
        return [new InferenceRequested(id, modelId, tx.Sender, inputCommitment, payment, amount, tx.Timestamp, deadline)];
    }

    /// <summary>
    /// Submits a result: the public signals are built from the stored request and model, the submitted outputs and
    /// the sender, and checked by the model's verifier. Valid: the escrow is split (fee, owner, server) and the
    /// server's reputation rises. Invalid: the user is refunded (wei or the credit), the reputation falls, and the
    /// server is suspended below the threshold. Either way the transaction succeeds; the events say which.
    /// </summary>
    /// <exception cref="MarketRevertException">EnforcedPause, NotAuthorizedServer, ServerSuspended, UnknownRequest, RequestNotPending, DeadlinePassed, WrongOutputCount.</exception>
    public IReadOnlyList<MarketEvent> SubmitResult(in TxContext tx, BigInteger requestId, IReadOnlyList<BigInteger> outputs, IReadOnlyList<BigInteger> proof)
    {
        NotPayable(tx);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Count != ProofCalldata.WordCount) throw new ArgumentException("a proof is eight words", nameof(proof));
        WhenNotPaused();
        ServerRecord s = Server(tx.Sender);
        if (!s.Authorized) Revert(MarketErrorCode.NotAuthorizedServer, tx.Sender);
        if (s.Suspended) Revert(MarketErrorCode.ServerSuspended, tx.Sender);
        InferenceRequest r = PendingRequest(requestId);
        if (tx.Timestamp > r.Deadline) Revert(MarketErrorCode.DeadlinePassed, requestId, (BigInteger)r.Deadline);
        MarketModel m = _models[r.ModelId];
        if (outputs.Count != m.NumOutputs) Revert(MarketErrorCode.WrongOutputCount, (BigInteger)m.NumOutputs, (BigInteger)outputs.Count);

        bool valid = _verifier.Verify(m.Verifier, BuildSignals(m, r, requestId, tx.Sender, outputs), proof);
        var events = new List<MarketEvent>();
        if (valid)
        {
            BigInteger fee = r.Amount * r.FeeBps / MarketRules.Bps;
            BigInteger ownerAmount = (r.Amount - fee) * r.OwnerShareBps / MarketRules.Bps;
            BigInteger serverAmount = r.Amount - fee - ownerAmount;
            _requests[requestId] = r with { Status = RequestStatus.Fulfilled, Server = tx.Sender };
            AccruedFees += fee;
            Credit(m.Owner, ownerAmount);
            Credit(tx.Sender, serverAmount);
            s = s with { Reputation = s.Reputation + MarketRules.ReputationReward };
            events.Add(new ResultAccepted(requestId, tx.Sender, outputs.ToArray(), fee, ownerAmount, serverAmount));
        }
        else
        {
            _requests[requestId] = r with { Status = RequestStatus.Rejected, Server = tx.Sender };
            Refund(r);
            BigInteger rep = s.Reputation > MarketRules.ReputationPenalty ? s.Reputation - MarketRules.ReputationPenalty : 0;
            s = s with { Reputation = rep, Suspended = s.Suspended || rep < MarketRules.SuspensionThreshold };
            events.Add(new ProofRejected(requestId, tx.Sender, r.Amount));
        }
        _servers[tx.Sender] = s;
        events.Add(new ReputationChanged(tx.Sender, s.Reputation, s.Suspended));
        return events;
    }

    /// <summary>Cancels a pending request after its deadline (requester only; also while paused) and refunds it.</summary>
    /// <exception cref="MarketRevertException">UnknownRequest, RequestNotPending, NotRequester, DeadlineNotReached.</exception>
    public IReadOnlyList<MarketEvent> CancelRequest(in TxContext tx, BigInteger requestId)
    {
        NotPayable(tx);
        InferenceRequest r = PendingRequest(requestId);
        if (tx.Sender != r.User) Revert(MarketErrorCode.NotRequester, requestId, tx.Sender);
        if (tx.Timestamp <= r.Deadline) Revert(MarketErrorCode.DeadlineNotReached, requestId, (BigInteger)r.Deadline);
        _requests[requestId] = r with { Status = RequestStatus.Cancelled };
        Refund(r);
        return [new RequestCancelled(requestId, r.Amount)];
    }

    private InferenceRequest PendingRequest(BigInteger requestId)
    {
        InferenceRequest r = _requests.GetValueOrDefault(requestId) ?? throw Error(MarketErrorCode.UnknownRequest, requestId);
        if (r.Status != RequestStatus.Pending) Revert(MarketErrorCode.RequestNotPending, requestId, (BigInteger)(int)r.Status);
        return r;
    }

    private void Refund(InferenceRequest r)
    {
        var key = (r.User, r.ModelId);
        if (r.Payment == PaymentKind.Credit)
        {
            _creditCount[key] = CreditCount(r.User, r.ModelId) + 1;
            _creditValue[key] = CreditValue(r.User, r.ModelId) + r.Amount;
        }
        else Credit(r.User, r.Amount);
    }
}
