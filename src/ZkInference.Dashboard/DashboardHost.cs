using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Server.Client;

namespace ZkInference.Dashboard;

/// <summary>
/// The dashboard web app: the embedded page (<c>/</c>, <c>/app.js</c>, <c>/app.css</c>) and a JSON API under
/// <c>/api</c> that reads the market through <see cref="MarketClient"/> on every call.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>GET /api/status</c>: platform state (owner, paused, fee, accrued fees, head block).</item>
/// <item><c>GET /api/models</c>, <c>GET /api/models/{id}</c>: models with terms, CIDs and requests served.</item>
/// <item><c>GET /api/servers</c>: authorized servers with reputation and valid/invalid submissions.</item>
/// <item><c>GET /api/requests</c>, <c>GET /api/requests/{id}</c>: recent requests; one request's stage, output, proof, gas and events.</item>
/// <item><c>POST /api/requests</c> <c>{"modelId": "1", "input": "[…]"}</c>: checks the input, requests, posts the input to the prover server.</item>
/// </list>
/// </remarks>
public static class DashboardHost
{
    /// <summary>Builds (does not start) the dashboard over <paramref name="reader"/>'s market.</summary>
    public static WebApplication Build(MarketClient reader, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
        var app = builder.Build();
        var http = app.Services.GetRequiredService<HttpClient>();
        var store = new ModelSettingsStore(options.ModelsDirectory);
        var view = new MarketView(reader, store);
        var form = new RequestForm(reader, store, options, http);

        foreach (var (path, resource, type) in new[]
                 {
                     ("/", "index.html", "text/html; charset=utf-8"),
                     ("/app.js", "app.js", "text/javascript; charset=utf-8"),
                     ("/app.css", "app.css", "text/css; charset=utf-8"),
                 })
        {
            byte[] body = Resource(resource);
            app.MapGet(path, () => Results.Bytes(body, type));
        }

        app.MapGet("/api/status", (CancellationToken ct) => Guard(async () => Results.Json(await view.StatusAsync(options.Requester?.Sender, options.ServerUrl, ct))));
        app.MapGet("/api/models", (CancellationToken ct) => Guard(async () => Results.Json(await view.ModelsAsync(ct))));
        app.MapGet("/api/models/{id}", (string id, CancellationToken ct) => Guard(async () =>
            await view.ModelAsync(ParseId(id, "model"), null, ct) is { } m ? Results.Json(m) : Error(404, $"model {id} does not exist")));
        app.MapGet("/api/servers", (CancellationToken ct) => Guard(async () => Results.Json(await view.ServersAsync(ct))));
        app.MapGet("/api/requests", (CancellationToken ct) => Guard(async () => Results.Json(await view.RecentRequestsAsync(50, ct))));
        app.MapGet("/api/requests/{id}", (string id, CancellationToken ct) => Guard(async () =>
        {
            BigInteger requestId = ParseId(id, "request");
            JsonElement? serverStatus = null;
            if (options.ServerUrl is not null)
            {
                try { serverStatus = await new ProverServerClient(http, options.ServerUrl).GetStatusAsync(requestId, ct); }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException) { /* the server's view is optional */ }
            }
            return await view.RequestAsync(requestId, serverStatus, ct) is { } r ? Results.Json(r) : Error(404, $"request {id} does not exist");
        }));
        app.MapPost("/api/requests", (HttpRequest request, CancellationToken ct) => Guard(async () =>
        {
            JsonElement body;
            try { body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct); }
            catch (JsonException) { throw new DashboardException("the form is not JSON"); }
            if (body.ValueKind != JsonValueKind.Object) throw new DashboardException("the form is not a JSON object");
            string modelId = body.TryGetProperty("modelId", out var m) ? (m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText()) ?? "" : "";
            string? input = body.TryGetProperty("input", out var i) ? (i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText()) : null;
            var (requestId, delivery) = await form.SubmitAsync(modelId, input, ct);
            return Results.Json(new { requestId = requestId.ToString(CultureInfo.InvariantCulture), deliveryError = delivery });
        }));
        return app;
    }

    private static async Task<IResult> Guard(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (DashboardException e)
        {
            return Error(400, e.Message);
        }
        catch (MarketRevertException e)
        {
            return Error(409, $"the market refused: {e.Message}");
        }
        catch (MarketException e)
        {
            return Error(502, $"chain: {e.Message}");
        }
    }

    private static BigInteger ParseId(string text, string what) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new DashboardException($"'{text}' is not a {what} id");

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static byte[] Resource(string name)
    {
        using Stream s = typeof(DashboardHost).Assembly.GetManifestResourceStream("wwwroot/" + name)
                         ?? throw new InvalidOperationException($"embedded resource wwwroot/{name} is missing");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
