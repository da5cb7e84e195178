using Xunit;

namespace ZkInference.Groth16.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void ExceptionKeepsItsCause()
    {
        var inner = new IOException("disk");
        var e = new Groth16Exception("zkey: truncated", inner);
        Assert.Same(inner, e.InnerException);
        Assert.Equal("zkey: truncated", e.Message);
    }
}
