using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using ZkInference.TestSupport;

namespace ZkInference.Dashboard.Tests;

/// <summary>
/// The page in a real browser (Debian's /usr/bin/chromium driven by playwright-core from tests/interop): draw a
/// digit, request, see it settle with the reference class; a bad input is refused on the page with nothing sent;
/// the bad-proof server's request shows "refunded". Screenshots stay in the test output folder.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardMarketFixture f, ITestOutputHelper output)
{
    [Fact]
    public async Task DrawRequestSettleAndRefundInHeadlessChromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "/usr/bin/chromium is missing: ./test.sh apt-installs it (tests/apt-packages.txt)");
        const int sample = 0;
        var digit = DashboardMarketFixture.Samples()[sample];
        int expected = DashboardMarketFixture.ReferenceArgMax()[sample];
        var shots = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard");
        Directory.CreateDirectory(shots);
        var before = (await f.Market.Operator.GetStatusAsync()).NextRequestId;

        var script = Path.Combine(RepoPaths.Interop, "dashboard", "browser-e2e.js");
        var result = await Task.Run(() => NodeTools.Node(
            [script, f.UrlHonest, f.UrlFaulty, f.Registered.ModelId.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(digit), shots],
            TimeSpan.FromMinutes(8)));
        output.WriteLine(result.StdErr);
        Assert.True(result.ExitCode == 0, $"browser script failed: {result.StdErr}");
        using var doc = JsonDocument.Parse(result.StdOut);
        var r = doc.RootElement;
        output.WriteLine(r.ToString());

        Assert.Equal(expected, r.GetProperty("predicted").GetInt32());
        Assert.True(r.GetProperty("hasProof").GetBoolean());
        Assert.True(long.Parse(r.GetProperty("gas").GetString()!, CultureInfo.InvariantCulture) > 21_000);
        Assert.Contains("not a number", r.GetProperty("badInputError").GetString());
        Assert.Equal("#/request/" + f.Registered.ModelId, r.GetProperty("badInputHash").GetString());

        // On chain: exactly the two drawn requests were sent (the bad input sent nothing), one settled, one refunded.
        var settledId = BigInteger.Parse(r.GetProperty("settledId").GetString()!, CultureInfo.InvariantCulture);
        var refundedId = BigInteger.Parse(r.GetProperty("refundedId").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(before + 2, (await f.Market.Operator.GetStatusAsync()).NextRequestId);
        Assert.Equal(ZkInference.Market.Engine.RequestStatus.Fulfilled, (await f.Market.Operator.GetRequestAsync(settledId))!.Status);
        Assert.Equal(ZkInference.Market.Engine.RequestStatus.Rejected, (await f.Market.Operator.GetRequestAsync(refundedId))!.Status);
        // The drawn pad produced exactly the sample: its commitment is the sample's.
        Assert.Equal(ZkInference.Onnx.OnnxCircuit.InputCommitment(f.Registered.Settings, digit).ToBigInteger(),
            (await f.Market.Operator.GetRequestAsync(settledId))!.InputCommitment);
        Assert.True(File.Exists(Path.Combine(shots, "last.png")));
        output.WriteLine($"screenshots: {shots}");
    }
}
