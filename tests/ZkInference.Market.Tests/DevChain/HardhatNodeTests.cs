using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Xunit;
using ZkInference.Market.DevChain;
using ZkInference.TestSupport;

namespace ZkInference.Market.Tests.DevChain;

public sealed class HardhatNodeTests
{
    private static async Task<JsonElement> Rpc(HttpClient http, string url, string method, params object[] args)
    {
        var response = await http.PostAsJsonAsync(url, new { jsonrpc = "2.0", id = 1, method, @params = args });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("result");
    }

    [Fact]
    public async Task StartsOnLoopbackWithOurFundedAccountsAndStopsOnDispose()
    {
        string url;
        using var http = new HttpClient();
        await using (var node = await ZkInference.Market.DevChain.HardhatNode.StartAsync(RepoPaths.Interop, accounts: 2))
        {
            url = node.Url;
            Assert.StartsWith("http://127.0.0.1:", url);
            Assert.Equal("0x7a69", (await Rpc(http, url, "eth_chainId")).GetString());
            var accounts = (await Rpc(http, url, "eth_accounts")).EnumerateArray().Select(a => a.GetString()!).ToArray();
            Assert.Equal(2, accounts.Length);
            var balance = BigInteger.Parse("0" + (await Rpc(http, url, "eth_getBalance", accounts[0], "latest")).GetString()![2..],
                System.Globalization.NumberStyles.HexNumber);
            Assert.Equal(BigInteger.Pow(10, 24), balance);
            Assert.Equal(2, node.PrivateKeys.Distinct().Count());
        }
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsJsonAsync(url, new { jsonrpc = "2.0", id = 1, method = "eth_chainId" }));
    }
}
