using Xunit;
using ZkInference.Onnx;

namespace ZkInference.Onnx.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void ExceptionCarriesItsReason()
    {
        var e = new OnnxException("node 'n': op Foo is not supported");
        Assert.Equal("node 'n': op Foo is not supported", e.Message);
    }
}
