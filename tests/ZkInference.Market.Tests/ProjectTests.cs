using Xunit;
using ZkInference.Market;

namespace ZkInference.Market.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void ExceptionCarriesItsReason()
    {
        var e = new MarketException("model 3 is not active");
        Assert.Equal("model 3 is not active", e.Message);
    }
}
