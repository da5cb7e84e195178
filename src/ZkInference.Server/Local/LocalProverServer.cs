using Microsoft.AspNetCore.Builder;

namespace ZkInference.Server.Local;

/// <summary>A prover server running in this process behind its HTTP endpoint on loopback.</summary>
public sealed class LocalProverServer : IAsyncDisposable
{
    private readonly WebApplication app;

    internal LocalProverServer(ProverServer server, WebApplication app, string url)
    {
        Server = server;
        this.app = app;
        Url = url;
    }

    /// <summary>The server.</summary>
    public ProverServer Server { get; }

    /// <summary>Its HTTP endpoint.</summary>
    public string Url { get; }

    /// <summary>Stops it: no new work, proofs in flight finish, the journal keeps the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
