using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using ZkInference.Server.Http;
using ZkInference.TestSupport;

namespace ZkInference.Server.Tests;

public sealed class HttpEndpointTests
{
    [Fact]
    public async Task InputsStatusHealthAndMetricsOverHttp()
    {
        var feed = new FakeFeed();
        var server = new ProverServer(
            new ServerOptions { StateDirectory = RepoPaths.NewTempDirectory(), PollInterval = TimeSpan.FromMilliseconds(10) },
            feed, new FakeSubmitter(feed), new FakeProver(), NullLogger.Instance);
        await using var app = ProverServerHost.Build(server, "http://127.0.0.1:0", jsonLogs: false);
        await app.StartAsync();
        var url = app.Urls.Single();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/requests/abc/input", new StringContent("[1]"))).StatusCode);
        var notJson = await http.PostAsync("/requests/1/input", new StringContent("[1,"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("not JSON", await notJson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/requests/1")).StatusCode);

        feed.Add(1, "[1,2]");
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/requests/1/input", new StringContent("[1,2]"))).StatusCode);
        JsonElement status = default;
        for (var i = 0; i < 500; i++)
        {
            var response = await http.GetAsync("/requests/1");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                status = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (status.GetProperty("state").GetString() == "settled") break;
            }
            await Task.Delay(20);
        }
        Assert.Equal("settled", status.GetProperty("state").GetString());
        Assert.Equal(7, status.GetProperty("output").GetProperty("output")[0].GetInt32());
        Assert.Equal("groth16", status.GetProperty("proof").GetProperty("protocol").GetString());

        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("zkinfer_requests_settled_total 1", metrics);
        Assert.Contains("zkinfer_requests_proved_total 1", metrics);
        await app.StopAsync();
    }
}
