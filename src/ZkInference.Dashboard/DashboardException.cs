namespace ZkInference.Dashboard;

/// <summary>A request the dashboard refuses (bad form input, unknown model, no signing key); the message says why.</summary>
public sealed class DashboardException : Exception
{
    /// <summary>A refusal with its reason.</summary>
    public DashboardException(string message) : base(message) { }

    /// <summary>A refusal caused by <paramref name="inner"/>.</summary>
    public DashboardException(string message, Exception inner) : base(message, inner) { }
}
