using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Xunit;
using ZkInference.Market.Engine;

namespace ZkInference.Dashboard.Tests;

/// <summary>The JSON API against a real local market: every figure is compared with the chain's own views and events.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardApiTests(DashboardMarketFixture f)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task ModelsServersAndAdminMatchTheChain()
    {
        var status = await Get(f.UrlHonest, "/api/status");
        var chain = await f.Market.Operator.GetStatusAsync();
        Assert.Equal(chain.Owner.ToString(), status.GetProperty("owner").GetString());
        Assert.Equal(DashboardMarketFixture.FeeBps, status.GetProperty("feeBps").GetInt32());
        Assert.False(status.GetProperty("paused").GetBoolean());
        Assert.Equal(chain.AccruedFees.ToString(CultureInfo.InvariantCulture), status.GetProperty("accruedFees").GetString());

        var models = await Get(f.UrlHonest, "/api/models");
        var m = Assert.Single(models.EnumerateArray());
        var onChain = (await f.Market.Operator.GetModelAsync(f.Registered.ModelId))!;
        Assert.Equal("digits-linear", m.GetProperty("name").GetString());
        Assert.Equal(onChain.Owner.ToString(), m.GetProperty("owner").GetString());
        Assert.Equal(onChain.ParamCommitment.ToString(CultureInfo.InvariantCulture), m.GetProperty("paramCommitment").GetString());
        Assert.Equal(onChain.Metadata.SettingsCid, m.GetProperty("cids").GetProperty("settings").GetString());
        Assert.Equal(DashboardMarketFixture.Milli.ToString(CultureInfo.InvariantCulture), m.GetProperty("terms").GetProperty("perUsePrice").GetString());
        Assert.Equal(5ul, m.GetProperty("terms").GetProperty("packSize").GetUInt64());
        Assert.True(m.GetProperty("active").GetBoolean());
        Assert.True(m.GetProperty("canRequest").GetBoolean());

        var detail = await Get(f.UrlHonest, $"/api/models/{f.Registered.ModelId}");
        Assert.Equal(m.GetProperty("paramCommitment").GetString(), detail.GetProperty("paramCommitment").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(f.UrlHonest + "/api/models/999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync(f.UrlHonest + "/api/models/abc")).StatusCode);

        var servers = (await Get(f.UrlHonest, "/api/servers")).EnumerateArray().ToList();
        Assert.Equal(2, servers.Count);
        foreach (var s in servers)
        {
            var record = await f.Market.Operator.GetServerAsync(ZkInference.Market.Address.Parse(s.GetProperty("address").GetString()!));
            Assert.Equal(record.Reputation.ToString(CultureInfo.InvariantCulture), s.GetProperty("reputation").GetString());
            Assert.Equal(record.Suspended, s.GetProperty("suspended").GetBoolean());
        }

        var page = await Http.GetStringAsync(f.UrlHonest + "/");
        Assert.Contains("<script src=\"/app.js\">", page);
        Assert.Contains("drawing pad", (await Http.GetStringAsync(f.UrlHonest + "/app.js")).Replace("The 8×8 pad", "drawing pad"));
    }

    [Fact]
    public async Task BadFormInputIsRefusedWithAMessageAndNothingIsSent()
    {
        var before = (await f.Market.Operator.GetStatusAsync()).NextRequestId;
        var (head, _) = await f.Market.Operator.GetHeadAsync();
        string id = f.Registered.ModelId.ToString(CultureInfo.InvariantCulture);
        var cases = new (object Body, string Expect)[]
        {
            (new { modelId = id, input = "" }, "empty"),
            (new { modelId = id, input = "   " }, "empty"),
            (new { modelId = id, input = "[]" }, "empty"),
            (new { modelId = id, input = JsonSerializer.Serialize(Enumerable.Repeat(0.5, 63)) }, "63 elements"),
            (new { modelId = id, input = "[" + string.Join(",", Enumerable.Repeat("\"x\"", 64)) + "]" }, ""),
            (new { modelId = id, input = "not json" }, ""),
            (new { modelId = id, input = JsonSerializer.Serialize(Enumerable.Repeat(1e6, 64)) }, "input_range"),
            (new { modelId = "999", input = "[0]" }, "does not exist"),
            (new { modelId = "one", input = "[0]" }, "not a model id"),
        };
        foreach (var (body, expect) in cases)
        {
            using var response = await Http.PostAsJsonAsync(f.UrlHonest + "/api/requests", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.False(string.IsNullOrWhiteSpace(error));
            Assert.Contains(expect, error);
        }
        Assert.Equal(before, (await f.Market.Operator.GetStatusAsync()).NextRequestId);
        // Nothing on chain at all: no new InferenceRequested since the cases began.
        var (now, _) = await f.Market.Operator.GetHeadAsync();
        var events = await f.Market.Operator.GetEventsAsync(head + 1, Math.Max(now, head + 1));
        Assert.DoesNotContain(events, e => e.Event is InferenceRequested);
    }

    [Fact]
    public async Task AFormRequestSettlesWithTheRightClassAndABadProofIsRefunded()
    {
        var samples = DashboardMarketFixture.Samples();
        var expected = DashboardMarketFixture.ReferenceArgMax();
        string model = f.Registered.ModelId.ToString(CultureInfo.InvariantCulture);

        var good = await Post(f.UrlHonest, new { modelId = model, input = JsonSerializer.Serialize(samples[3]) });
        var bad = await Post(f.UrlFaulty, new { modelId = model, input = JsonSerializer.Serialize(samples[1]) });
        var settled = await WaitForStage(f.UrlHonest, good, "settled");
        var refunded = await WaitForStage(f.UrlFaulty, bad, "refunded");

        Assert.Equal(expected[3], settled.GetProperty("predicted").GetInt32());
        Assert.True(settled.GetProperty("verified").GetBoolean());
        Assert.Equal("Fulfilled", settled.GetProperty("status").GetString());
        Assert.True(settled.GetProperty("gasUsed").GetInt64() > 21_000);
        Assert.Equal(JsonValueKind.Object, settled.GetProperty("proof").ValueKind);
        var names = settled.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["InferenceRequested", "ResultAccepted"], names);
        // The commitment the dashboard sent is the one the chain holds, and it binds this input.
        var onChain = (await f.Market.Operator.GetRequestAsync(BigInteger.Parse(good, CultureInfo.InvariantCulture)))!;
        Assert.Equal(ZkInference.Onnx.OnnxCircuit.InputCommitment(f.Registered.Settings, samples[3]).ToBigInteger(), onChain.InputCommitment);
        Assert.Equal(PaymentKind.PerUse, onChain.Payment);

        Assert.False(refunded.GetProperty("verified").GetBoolean());
        Assert.Equal("Rejected", refunded.GetProperty("status").GetString());
        Assert.Contains(refunded.GetProperty("events").EnumerateArray(), e => e.GetProperty("name").GetString() == "ProofRejected");

        var servers = (await Get(f.UrlHonest, "/api/servers")).EnumerateArray().ToList();
        Assert.True(servers.Single(s => string.Equals(s.GetProperty("address").GetString(), f.Honest.Server.ServerAddress, StringComparison.OrdinalIgnoreCase)).GetProperty("valid").GetInt32() >= 1);
        Assert.True(servers.Single(s => string.Equals(s.GetProperty("address").GetString(), f.Faulty.Server.ServerAddress, StringComparison.OrdinalIgnoreCase)).GetProperty("invalid").GetInt32() >= 1);
        var m = Assert.Single((await Get(f.UrlHonest, "/api/models")).EnumerateArray());
        Assert.True(m.GetProperty("requestsServed").GetInt32() >= 1);
    }

    private static async Task<JsonElement> Get(string url, string path) => await Http.GetFromJsonAsync<JsonElement>(url + path);

    private static async Task<string> Post(string url, object body)
    {
        using var response = await Http.PostAsJsonAsync(url + "/api/requests", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("deliveryError").ValueKind);
        return json.GetProperty("requestId").GetString()!;
    }

    private static async Task<JsonElement> WaitForStage(string url, string id, string stage)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var r = await Get(url, $"/api/requests/{id}");
            if (r.GetProperty("stage").GetString() == stage) return r;
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"request {id} stuck at {r.GetProperty("stage").GetString()}");
            await Task.Delay(250);
        }
    }
}
