using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ZkInference.Server.Http;

/// <summary>The server's HTTP surface: inputs in, request status, health and metrics out.</summary>
public static class ServerEndpoints
{
    /// <summary>The largest input body accepted (a 28×28 image as JSON is far below this).</summary>
    public const int MaxInputBytes = 4 << 20;

    /// <summary>Maps /health, /metrics, POST /requests/{id}/input, POST /requests/{id}/input-cid and GET /requests/{id}.</summary>
    public static IEndpointRouteBuilder MapProverServer(this IEndpointRouteBuilder routes, ProverServer server)
    {
        routes.MapGet("/health", () => Results.Json(new
        {
            status = "ok",
            server = server.ServerAddress,
            cursor = server.Journal.Cursor,
            inFlight = server.Metrics.InFlight,
        }));
        routes.MapGet("/metrics", () => Results.Text(server.Metrics.ToPrometheusText(), "text/plain; version=0.0.4"));
        routes.MapPost("/requests/{id}/input", async (string id, HttpRequest http) =>
        {
            if (!TryParseId(id, out var requestId)) return Error(StatusCodes.Status400BadRequest, $"'{id}' is not a request id");
            if (http.ContentLength > MaxInputBytes) return Error(StatusCodes.Status413PayloadTooLarge, $"input larger than {MaxInputBytes} bytes");
            using var reader = new StreamReader(http.Body);
            var body = await reader.ReadToEndAsync(http.HttpContext.RequestAborted).ConfigureAwait(false);
            if (body.Length > MaxInputBytes) return Error(StatusCodes.Status413PayloadTooLarge, $"input larger than {MaxInputBytes} bytes");
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                return Error(StatusCodes.Status400BadRequest, $"input is not JSON: {e.Message}");
            }
            return server.PostInput(requestId, body) is { } reason
                ? Error(StatusCodes.Status400BadRequest, reason)
                : Results.Accepted($"/requests/{requestId}", new { requestId = requestId.ToString(CultureInfo.InvariantCulture), status = "accepted" });
        });
        routes.MapPost("/requests/{id}/input-cid", async (string id, HttpRequest http) =>
        {
            if (!TryParseId(id, out var requestId)) return Error(StatusCodes.Status400BadRequest, $"'{id}' is not a request id");
            string? cid;
            try
            {
                using var doc = await JsonDocument.ParseAsync(http.Body, cancellationToken: http.HttpContext.RequestAborted).ConfigureAwait(false);
                cid = doc.RootElement.TryGetProperty("cid", out var c) ? c.GetString() : null;
            }
            catch (JsonException e)
            {
                return Error(StatusCodes.Status400BadRequest, $"expected {{\"cid\": \"…\"}}: {e.Message}");
            }
            if (string.IsNullOrWhiteSpace(cid)) return Error(StatusCodes.Status400BadRequest, "expected {\"cid\": \"…\"}");
            return await server.PostInputCidAsync(requestId, cid, http.HttpContext.RequestAborted).ConfigureAwait(false) is { } reason
                ? Error(StatusCodes.Status400BadRequest, reason)
                : Results.Accepted($"/requests/{requestId}", new { requestId = requestId.ToString(CultureInfo.InvariantCulture), status = "accepted" });
        });
        routes.MapGet("/requests/{id}", (string id) =>
        {
            if (!TryParseId(id, out var requestId)) return Error(StatusCodes.Status400BadRequest, $"'{id}' is not a request id");
            var entry = server.Journal.Find(requestId);
            if (entry is null) return Error(StatusCodes.Status404NotFound, $"request {requestId} has not been seen by this server");
            return Results.Json(new
            {
                requestId = requestId.ToString(CultureInfo.InvariantCulture),
                modelId = entry.Request.ModelId.ToString(CultureInfo.InvariantCulture),
                state = entry.State.ToString().ToLowerInvariant(),
                output = entry.DecodedOutputJson is { } o ? JsonDocument.Parse(o).RootElement : (JsonElement?)null,
                proof = entry.ProofJson is { } p ? JsonDocument.Parse(p).RootElement : (JsonElement?)null,
                transaction = entry.TransactionHash,
                gasUsed = entry.GasUsed,
                provingMilliseconds = entry.ProvingMilliseconds,
                reason = entry.Reason,
            });
        });
        return routes;
    }

    private static bool TryParseId(string text, out BigInteger id) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
