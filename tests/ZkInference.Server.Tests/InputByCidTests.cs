using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using ZkInference.Market.Ipfs;
using ZkInference.Server.Journal;
using ZkInference.TestSupport;

namespace ZkInference.Server.Tests;

/// <summary>Inputs referenced by an IPFS CID: fetched from a gateway, checked against the CID, then against the commitment.</summary>
public sealed class InputByCidTests
{
    private static async Task<WebApplication> Gateway(Dictionary<string, byte[]> content)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/ipfs/{cid}", (string cid) => content.TryGetValue(cid, out var bytes) ? Results.Bytes(bytes) : Results.NotFound());
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task AnInputFetchedByCidIsCheckedAndServed()
    {
        const string input = "[4,2]";
        var good = UnixFs.ComputeCid(Encoding.UTF8.GetBytes(input)).ToString();
        var lying = UnixFs.ComputeCid(Encoding.UTF8.GetBytes("[9,9]")).ToString();
        var wrongInput = UnixFs.ComputeCid(Encoding.UTF8.GetBytes("[1,1]")).ToString();
        await using var gateway = await Gateway(new()
        {
            [good] = Encoding.UTF8.GetBytes(input),
            [lying] = Encoding.UTF8.GetBytes("[4,2]"), // not the bytes its CID names
            [wrongInput] = Encoding.UTF8.GetBytes("[1,1]"),
        });
        using var http = new HttpClient();
        var feed = new FakeFeed();
        var submitter = new FakeSubmitter(feed);
        var server = new ProverServer(
            new ServerOptions { StateDirectory = RepoPaths.NewTempDirectory(), PollInterval = TimeSpan.FromMilliseconds(10), InputFetcher = new IpfsFetcher(http, gateway.Urls.Single()) },
            feed, submitter, new FakeProver(), NullLogger.Instance);
        feed.Add(1, input);
        await server.PollOnceAsync(CancellationToken.None);

        Assert.Contains("refused", await server.PostInputCidAsync(1, lying, CancellationToken.None));
        Assert.Contains("does not match", await server.PostInputCidAsync(1, wrongInput, CancellationToken.None));
        Assert.Contains("refused", await server.PostInputCidAsync(1, "QmNotACid", CancellationToken.None));
        Assert.Equal(RequestState.AwaitingInput, server.Journal.Find(1)!.State);

        Assert.Null(await server.PostInputCidAsync(1, good, CancellationToken.None));
        using var stop = new CancellationTokenSource();
        var run = server.RunAsync(stop.Token);
        for (int i = 0; i < 1000 && server.Journal.Find(1)!.State != RequestState.Settled; i++) await Task.Delay(10);
        await stop.CancelAsync();
        await run;
        Assert.Equal(RequestState.Settled, server.Journal.Find(1)!.State);
        Assert.Single(submitter.Submissions);
    }

    [Fact]
    public async Task WithoutAGatewayInputsByCidAreRefused()
    {
        var feed = new FakeFeed();
        var server = new ProverServer(new ServerOptions { StateDirectory = RepoPaths.NewTempDirectory() }, feed, new FakeSubmitter(feed), new FakeProver(), NullLogger.Instance);
        Assert.Contains("without a gateway", await server.PostInputCidAsync(1, "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", CancellationToken.None));
    }
}
