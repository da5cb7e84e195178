using Xunit;
using ZkInference.Market.Ipfs;
using ZkInference.TestSupport;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>IpfsFetcher against a loopback gateway serving right, wrong, short and missing content.</summary>
public sealed class IpfsFetcherTests : IDisposable
{
    private readonly LoopbackGateway _gateway = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        _gateway.Dispose();
    }

    private static byte[] Bytes(string name)
    {
        using Stream s = IpfsVectors.Named(name).Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private IpfsFetcher Fetcher(long maxBytes = 1L << 30) => new(_http, _gateway.Url + "/") { MaxBytes = maxBytes };

    [Theory]
    [InlineData("random_1MB.bin", "v0")]            // four dag-pb leaves under a v0 root
    [InlineData("random_1MiB.bin", "v1_rawLeaves")] // ipfs add --cid-version=1
    [InlineData("random_1MB.bin", "v1")]            // v1 with dag-pb leaves
    [InlineData("hello_world", "v1_rawLeaves")]     // a raw block
    [InlineData("empty", "v0")]
    [InlineData("det_262145B", "v0")]
    public async Task RightContentIsReturned(string name, string profile)
    {
        byte[] content = Bytes(name);
        Cid cid = Cid.Parse(IpfsVectors.Named(name).Cids[profile]);
        _gateway.Serve($"/ipfs/{cid}", content);
        Assert.Equal(content, await Fetcher().FetchAsync(cid));
        Assert.Equal([$"/ipfs/{cid}"], _gateway.Requested);
    }

    [Fact]
    public async Task HeliaDefaultCidIsAccepted()
    {
        byte[] content = Bytes("random_1MiB.bin");
        Cid cid = Cid.Parse(IpfsVectors.HeliaDefaults()["random_1MiB.bin"]);
        _gateway.Serve($"/ipfs/{cid}", content);
        Assert.Equal(content, await Fetcher().FetchAsync(cid));
    }

    [Theory]
    [InlineData("v0")]
    [InlineData("v1_rawLeaves")]
    [InlineData("v1")]
    public async Task OneFlippedBitIsAMismatch(string profile)
    {
        byte[] content = Bytes("random_1MB.bin");
        Cid cid = Cid.Parse(IpfsVectors.Named("random_1MB.bin").Cids[profile]);
        content[777_777] ^= 0x10;
        _gateway.Serve($"/ipfs/{cid}", content);
        var e = await Assert.ThrowsAsync<IpfsContentMismatchException>(() => Fetcher().FetchAsync(cid));
        Assert.Contains($"content for {cid} does not match its CID", e.Message);
        Assert.Equal(cid, e.Expected);
        Assert.IsAssignableFrom<MarketException>(e);
    }

    [Fact]
    public async Task OtherFilesContentIsAMismatch()
    {
        Cid cid = Cid.Parse(IpfsVectors.Named("hello_world").Cids["v0"]);
        _gateway.Serve($"/ipfs/{cid}", "hello world!"u8.ToArray());
        var e = await Assert.ThrowsAsync<IpfsContentMismatchException>(() => Fetcher().FetchAsync(cid));
        Assert.Contains("12 bytes received hash to Qm", e.Message);
    }

    [Fact]
    public async Task TruncatedContentIsAMismatch()
    {
        byte[] content = Bytes("random_1MiB.bin");
        Cid cid = Cid.Parse(IpfsVectors.Named("random_1MiB.bin").Cids["v0"]);
        _gateway.Serve($"/ipfs/{cid}", content[..(256 * 1024 * 3)]);
        await Assert.ThrowsAsync<IpfsContentMismatchException>(() => Fetcher().FetchAsync(cid));
    }

    [Fact]
    public async Task BrokenOffResponseIsAnError()
    {
        byte[] content = Bytes("random_100B.bin");
        Cid cid = Cid.Parse(IpfsVectors.Named("random_100B.bin").Cids["v0"]);
        _gateway.Serve($"/ipfs/{cid}", content[..50], declaredLength: 100);
        var e = await Assert.ThrowsAsync<IpfsException>(() => Fetcher().FetchAsync(cid));
        Assert.Contains($"{cid}: the gateway's response broke off", e.Message);
    }

    [Fact]
    public async Task MissingContentIsAnError()
    {
        Cid cid = Cid.Parse(IpfsVectors.Named("hello_world").Cids["v0"]);
        var e = await Assert.ThrowsAsync<IpfsException>(() => Fetcher().FetchAsync(cid));
        Assert.Contains("gateway answered 404", e.Message);
    }

    [Fact]
    public async Task SizeLimitIsEnforced()
    {
        byte[] content = Bytes("random_1MB.bin");
        Cid cid = Cid.Parse(IpfsVectors.Named("random_1MB.bin").Cids["v0"]);
        _gateway.Serve($"/ipfs/{cid}", content);
        var e = await Assert.ThrowsAsync<IpfsException>(() => Fetcher(maxBytes: 999_999).FetchAsync(cid));
        Assert.Contains("999999-byte limit", e.Message);
    }

    [Fact]
    public async Task UnreachableGatewayIsAnError()
    {
        string url = _gateway.Url;
        _gateway.Dispose(); // nothing listens on the port any more
        var fetcher = new IpfsFetcher(_http, url);
        var e = await Assert.ThrowsAsync<IpfsException>(() => fetcher.FetchAsync(Cid.Parse(IpfsVectors.Named("empty").Cids["v0"])));
        Assert.Contains("unreachable", e.Message);
    }

    [Fact]
    public async Task FetchToFileWritesOnlyVerifiedContent()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            byte[] content = Bytes("random_1MB.bin");
            Cid good = Cid.Parse(IpfsVectors.Named("random_1MB.bin").Cids["v0"]);
            _gateway.Serve($"/ipfs/{good}", content);
            string path = Path.Combine(dir, "weights.bin");
            await Fetcher().FetchToFileAsync(good, path);
            Assert.Equal(content, File.ReadAllBytes(path));

            Cid bad = Cid.Parse(IpfsVectors.Named("random_1MiB.bin").Cids["v0"]);
            _gateway.Serve($"/ipfs/{bad}", content); // another file's bytes
            string other = Path.Combine(dir, "other.bin");
            await Assert.ThrowsAsync<IpfsContentMismatchException>(() => Fetcher().FetchToFileAsync(bad, other));
            Assert.False(File.Exists(other));
            Assert.Equal(["weights.bin"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("ftp://gateway")]
    [InlineData("gateway.example")]
    [InlineData("")]
    public void GatewayMustBeAnHttpUrl(string gateway) =>
        Assert.Throws<IpfsException>(() => new IpfsFetcher(_http, gateway));

    [Fact]
    public void UrlIsGatewayIpfsCid()
    {
        Cid cid = Cid.Parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
        Assert.Equal("https://gw.example/base/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", new IpfsFetcher(_http, "https://gw.example/base").UrlOf(cid).ToString());
    }
}
