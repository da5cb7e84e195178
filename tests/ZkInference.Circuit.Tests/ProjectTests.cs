using Xunit;

namespace ZkInference.Circuit.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void ExceptionCarriesItsMessage() =>
        Assert.Equal("bad", new CircuitException("bad").Message);
}
