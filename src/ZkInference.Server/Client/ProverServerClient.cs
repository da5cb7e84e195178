using System.Net.Http.Json;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace ZkInference.Server.Client;

/// <summary>The user's side of a prover server's HTTP endpoint: post an input, read a request's status.</summary>
public sealed class ProverServerClient
{
    private readonly HttpClient http;
    private readonly Uri baseUri;

    /// <summary>Talks to the server at <paramref name="serverUrl"/> over <paramref name="http"/>.</summary>
    public ProverServerClient(HttpClient http, string serverUrl)
    {
        this.http = http;
        baseUri = new Uri(serverUrl.EndsWith('/') ? serverUrl : serverUrl + "/");
    }

    /// <summary>Posts the input of a request; throws with the server's reason when it refuses it.</summary>
    public async Task PostInputAsync(BigInteger requestId, string inputJson, CancellationToken cancellation = default)
    {
        using var content = new StringContent(inputJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(baseUri, $"requests/{requestId}/input"), content, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the server refused the input of request {requestId}: {await ErrorOf(response, cancellation).ConfigureAwait(false)}");
    }

    /// <summary>The server's view of a request (state, decoded output, proof, transaction), or null when it has not seen it.</summary>
    public async Task<JsonElement?> GetStatusAsync(BigInteger requestId, CancellationToken cancellation = default)
    {
        using var response = await http.GetAsync(new Uri(baseUri, $"requests/{requestId}"), cancellation).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the server could not report request {requestId}: {await ErrorOf(response, cancellation).ConfigureAwait(false)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellation).ConfigureAwait(false);
    }

    /// <summary>Waits until the server reports a final state for the request, and returns its status.</summary>
    public async Task<JsonElement> WaitForFinalAsync(BigInteger requestId, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await GetStatusAsync(requestId, cancellation).ConfigureAwait(false);
            if (status is { } s && s.GetProperty("state").GetString() is "settled" or "rejected" or "closed" or "failed") return s;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"request {requestId} did not finish within {timeout.TotalSeconds:F0} s");
            await Task.Delay(100, cancellation).ConfigureAwait(false);
        }
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken cancellation)
    {
        var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var e)) return e.GetString() ?? body;
        }
        catch (JsonException)
        {
            // Not ours: show the body.
        }
        return $"{(int)response.StatusCode} {body}";
    }
}
