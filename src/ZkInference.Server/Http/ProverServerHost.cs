using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZkInference.Server.Http;

/// <summary>Runs a <see cref="ProverServer"/> behind its HTTP endpoints, stopping cleanly on SIGTERM or Ctrl+C.</summary>
public static class ProverServerHost
{
    /// <summary>
    /// Builds the web application: structured JSON logs, the endpoints, and the server's chain loop as a hosted
    /// service (on shutdown the loop stops taking work and waits for proofs in flight).
    /// </summary>
    public static WebApplication Build(ProverServer server, string urls, bool jsonLogs = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        if (jsonLogs) builder.Logging.AddJsonConsole(o => o.TimestampFormat = "O");
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<ServerLoop>();
        var app = builder.Build();
        app.MapProverServer(server);
        return app;
    }

    private sealed class ServerLoop(ProverServer server) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => server.RunAsync(stoppingToken);
    }
}
