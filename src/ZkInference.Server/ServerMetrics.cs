using System.Globalization;
using System.Text;

namespace ZkInference.Server;

/// <summary>Counters the server exposes on /metrics in Prometheus's text format.</summary>
public sealed class ServerMetrics
{
    private long seen, proved, submitted, settled, rejected, failed;
    private long provingTicks, provingMaxTicks;
    private int inFlight;

    /// <summary>Requests seen on chain for models this server serves.</summary>
    public long Seen => Interlocked.Read(ref seen);
    /// <summary>Requests proved.</summary>
    public long Proved => Interlocked.Read(ref proved);
    /// <summary>Submissions sent.</summary>
    public long Submitted => Interlocked.Read(ref submitted);
    /// <summary>Submissions the market accepted.</summary>
    public long Settled => Interlocked.Read(ref settled);
    /// <summary>Submissions the market refused.</summary>
    public long Rejected => Interlocked.Read(ref rejected);
    /// <summary>Requests the server could not serve.</summary>
    public long Failed => Interlocked.Read(ref failed);
    /// <summary>Proofs being computed right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    internal void OnSeen() => Interlocked.Increment(ref seen);
    internal void OnSubmitted() => Interlocked.Increment(ref submitted);
    internal void OnSettled() => Interlocked.Increment(ref settled);
    internal void OnRejected() => Interlocked.Increment(ref rejected);
    internal void OnFailed() => Interlocked.Increment(ref failed);
    internal void OnProvingStarted() => Interlocked.Increment(ref inFlight);

    internal void OnProvingEnded(TimeSpan? time)
    {
        Interlocked.Decrement(ref inFlight);
        if (time is not { } t) return;
        Interlocked.Increment(ref proved);
        Interlocked.Add(ref provingTicks, t.Ticks);
        long max;
        while (t.Ticks > (max = Interlocked.Read(ref provingMaxTicks)))
            if (Interlocked.CompareExchange(ref provingMaxTicks, t.Ticks, max) == max) break;
    }

    /// <summary>The metrics in Prometheus's text exposition format.</summary>
    public string ToPrometheusText()
    {
        var s = new StringBuilder();
        void Counter(string name, string help, double value, string type = "counter")
        {
            s.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            s.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            s.Append(name).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        Counter("zkinfer_requests_seen_total", "Requests seen on chain for served models.", Seen);
        Counter("zkinfer_requests_proved_total", "Requests proved.", Proved);
        Counter("zkinfer_requests_submitted_total", "Results submitted on chain.", Submitted);
        Counter("zkinfer_requests_settled_total", "Submissions the market accepted.", Settled);
        Counter("zkinfer_requests_rejected_total", "Submissions the market refused.", Rejected);
        Counter("zkinfer_requests_failed_total", "Requests the server could not serve.", Failed);
        Counter("zkinfer_proving_in_flight", "Proofs being computed now.", InFlight, "gauge");
        Counter("zkinfer_proving_seconds_sum", "Total witness and proving time.", TimeSpan.FromTicks(Interlocked.Read(ref provingTicks)).TotalSeconds);
        Counter("zkinfer_proving_seconds_count", "Proofs timed.", Proved);
        Counter("zkinfer_proving_seconds_max", "Longest witness and proving time.", TimeSpan.FromTicks(Interlocked.Read(ref provingMaxTicks)).TotalSeconds, "gauge");
        return s.ToString();
    }
}
