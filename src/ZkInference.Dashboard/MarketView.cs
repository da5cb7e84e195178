using System.Globalization;
using System.Numerics;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Onnx;
using ZkInference.Onnx.Settings;

namespace ZkInference.Dashboard;

/// <summary>
/// Builds the API's JSON shapes from the chain: every call reads the contract's views and its full event log
/// afresh, so the page can never show state that drifted from the chain. Big numbers travel as decimal strings.
/// </summary>
internal sealed class MarketView(MarketClient reader, ModelSettingsStore settings)
{
    private static string S(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<ChainEvent>> EventsAsync(CancellationToken ct)
    {
        var (head, _) = await reader.GetHeadAsync(ct).ConfigureAwait(false);
        return await reader.GetEventsAsync(0, head, ct).ConfigureAwait(false);
    }

    public async Task<object> StatusAsync(Address? requester, string? serverUrl, CancellationToken ct)
    {
        MarketStatus s = await reader.GetStatusAsync(ct).ConfigureAwait(false);
        var (head, time) = await reader.GetHeadAsync(ct).ConfigureAwait(false);
        return new
        {
            market = reader.Contract.ToString(),
            owner = s.Owner.ToString(),
            paused = s.Paused,
            feeBps = s.FeeBps,
            accruedFees = S(s.AccruedFees),
            held = S(s.Held),
            models = S(s.NextModelId - 1),
            requests = S(s.NextRequestId - 1),
            block = head,
            timestamp = time,
            requester = requester?.ToString(),
            serverUrl,
        };
    }

    public async Task<List<object>> ModelsAsync(CancellationToken ct)
    {
        MarketStatus s = await reader.GetStatusAsync(ct).ConfigureAwait(false);
        var events = await EventsAsync(ct).ConfigureAwait(false);
        var list = new List<object>();
        for (BigInteger id = 1; id < s.NextModelId; id++)
            if (await ModelAsync(id, events, ct).ConfigureAwait(false) is { } m) list.Add(m);
        return list;
    }

    public async Task<object?> ModelAsync(BigInteger id, IReadOnlyList<ChainEvent>? events, CancellationToken ct)
    {
        MarketModel? m = await reader.GetModelAsync(id, ct).ConfigureAwait(false);
        if (m is null) return null;
        events ??= await EventsAsync(ct).ConfigureAwait(false);
        var requested = events.Select(e => e.Event).OfType<InferenceRequested>().Where(e => e.ModelId == id).Select(e => e.RequestId).ToHashSet();
        int served = events.Select(e => e.Event).OfType<ResultAccepted>().Count(e => requested.Contains(e.RequestId));
        bool canRequest;
        try { canRequest = await settings.GetAsync(id, m, ct).ConfigureAwait(false) is not null; }
        catch (Exception e) when (e is DashboardException or OnnxException or IOException) { canRequest = false; }
        var t = m.Terms;
        return new
        {
            id = S(id),
            name = m.Metadata.Name,
            description = m.Metadata.Description,
            owner = m.Owner.ToString(),
            verifier = m.Verifier.ToString(),
            active = m.Active,
            numOutputs = m.NumOutputs,
            paramCommitment = S(m.ParamCommitment),
            inputShape = m.Metadata.InputShape,
            outputShape = m.Metadata.OutputShape,
            terms = new
            {
                perUsePrice = S(t.PerUsePrice), subscriptionPrice = S(t.SubscriptionPrice), subscriptionPeriod = t.SubscriptionPeriod,
                packPrice = S(t.PackPrice), packSize = t.PackSize, ownerShareBps = t.OwnerShareBps,
            },
            cids = new { weights = m.Metadata.WeightsCid, circuit = m.Metadata.CircuitCid, settings = m.Metadata.SettingsCid },
            requestsMade = requested.Count,
            requestsServed = served,
            canRequest,
        };
    }

    public async Task<List<object>> ServersAsync(CancellationToken ct)
    {
        var events = await EventsAsync(ct).ConfigureAwait(false);
        var addresses = events.Select(e => e.Event).OfType<ServerAuthorized>().Select(e => e.Server).Distinct().ToList();
        var list = new List<object>();
        foreach (Address a in addresses)
        {
            ServerRecord r = await reader.GetServerAsync(a, ct).ConfigureAwait(false);
            list.Add(new
            {
                address = a.ToString(),
                authorized = r.Authorized,
                suspended = r.Suspended,
                reputation = S(r.Reputation),
                valid = events.Select(e => e.Event).OfType<ResultAccepted>().Count(e => e.Server == a),
                invalid = events.Select(e => e.Event).OfType<ProofRejected>().Count(e => e.Server == a),
                balance = S(await reader.BalanceOfAsync(a, ct).ConfigureAwait(false)),
            });
        }
        return list;
    }

    public async Task<List<object>> RecentRequestsAsync(int count, CancellationToken ct)
    {
        var events = await EventsAsync(ct).ConfigureAwait(false);
        return events.Select(e => e.Event).OfType<InferenceRequested>().Reverse().Take(count)
            .Select(r => (object)new { id = S(r.RequestId), modelId = S(r.ModelId), user = r.User.ToString(), stage = StageOf(r.RequestId, events, null) })
            .ToList();
    }

    /// <summary>requested → proving → verified → settled, or refunded (a rejected proof or a cancellation).</summary>
    public static string StageOf(BigInteger id, IReadOnlyList<ChainEvent> events, string? serverState)
    {
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case ResultAccepted a when a.RequestId == id: return "settled";
                case ProofRejected p when p.RequestId == id: return "refunded";
                case RequestCancelled c when c.RequestId == id: return "refunded";
            }
        }
        return serverState is "queued" or "proving" or "submitting" ? "proving" : "requested";
    }

    public async Task<object?> RequestAsync(BigInteger id, System.Text.Json.JsonElement? serverStatus, CancellationToken ct)
    {
        // Events first, then the request: a settlement mined between the two reads then shows in both
        // (the other order could pair a "refunded" stage from new events with a stale "Pending" status).
        var all = await EventsAsync(ct).ConfigureAwait(false);
        InferenceRequest? r = await reader.GetRequestAsync(id, ct).ConfigureAwait(false);
        if (r is null) return null;
        var mine = all.Where(e => Concerns(e.Event, id)).ToList();
        string? serverState = serverStatus is { } st && st.TryGetProperty("state", out var s) ? s.GetString() : null;
        string stage = StageOf(id, all, serverState);
        var accepted = mine.Select(e => e.Event).OfType<ResultAccepted>().FirstOrDefault();
        double[]? output = null;
        int? predicted = null;
        string? decodeError = null;
        if (accepted is not null)
        {
            try
            {
                var model = await reader.GetModelAsync(r.ModelId, ct).ConfigureAwait(false);
                CircuitSettings cs = await settings.GetAsync(r.ModelId, model!, ct).ConfigureAwait(false);
                output = Decode(cs, accepted.Outputs);
                predicted = Array.IndexOf(output, output.Max());
            }
            catch (Exception e) when (e is DashboardException or OnnxException or IOException) { decodeError = e.Message; }
        }
        var ending = mine.FirstOrDefault(e => e.Event is ResultAccepted or ProofRejected or RequestCancelled);
        long? gas = ending is null ? null : await reader.GetGasUsedAsync(ending.TransactionHash, ct).ConfigureAwait(false);
        return new
        {
            id = S(id),
            modelId = S(r.ModelId),
            user = r.User.ToString(),
            status = r.Status.ToString(),
            payment = r.Payment.ToString(),
            amount = S(r.Amount),
            inputCommitment = S(r.InputCommitment),
            createdAt = r.CreatedAt,
            deadline = r.Deadline,
            server = r.Server.ToString(),
            stage,
            serverState,
            verified = accepted is not null,
            outputs = accepted?.Outputs.Select(S).ToArray(),
            output,
            predicted,
            decodeError,
            proof = serverStatus is { } ss && ss.TryGetProperty("proof", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Object ? p : (System.Text.Json.JsonElement?)null,
            serverReason = serverStatus is { } sr && sr.TryGetProperty("reason", out var why) && why.ValueKind == System.Text.Json.JsonValueKind.String ? why.GetString() : null,
            transaction = ending?.TransactionHash,
            gasUsed = gas,
            events = mine.Select(e => new { name = e.Event.Name, text = EventText(e.Event), block = e.BlockNumber, tx = e.TransactionHash, logIndex = e.LogIndex }),
        };
    }

    // The contract publishes only the output signals; DecodeOutput reads them at their layout offset.
    private static double[] Decode(CircuitSettings cs, IReadOnlyList<BigInteger> outputs)
    {
        var entry = cs.Signal("output") ?? throw new DashboardException("the model's outputs are not public signals");
        if (outputs.Count != entry.Count) throw new DashboardException($"the result has {outputs.Count} outputs; the model's layout has {entry.Count}");
        var signals = Enumerable.Repeat("0", cs.PublicSignals.Sum(e => e.Count)).ToArray();
        for (int i = 0; i < outputs.Count; i++) signals[entry.Offset + i] = S(outputs[i]);
        return OnnxCircuit.DecodeOutput(cs, signals);
    }

    // Records synthesize their own ToString in each event type; show the ABI view instead: Name(value, …).
    private static string EventText(MarketEvent e) =>
        $"{e.Name}({string.Join(", ", e.Values().Select(v => v switch
        {
            IEnumerable<BigInteger> list => "[" + string.Join(", ", list.Select(S)) + "]",
            BigInteger b => S(b),
            bool b => b ? "true" : "false",
            _ => v.ToString(),
        }))})";

    private static bool Concerns(MarketEvent e, BigInteger id) => e switch
    {
        InferenceRequested r => r.RequestId == id,
        ResultAccepted a => a.RequestId == id,
        ProofRejected p => p.RequestId == id,
        RequestCancelled c => c.RequestId == id,
        _ => false,
    };
}
