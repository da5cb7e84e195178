using System.Text.Json;
using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary><c>zkinfer ipfs cid</c> run as a user runs it, against shared/vectors/ipfs.</summary>
public sealed class IpfsCommandTests
{
    private static string Vectors => Path.Combine(RepoPaths.Shared, "vectors", "ipfs");

    private static Dictionary<string, JsonElement> Rows()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Vectors, "cids.json")));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.Clone());
    }

    [Theory]
    [InlineData("random_100B.bin")]
    [InlineData("random_1MB.bin")]
    [InlineData("random_1MiB.bin")]
    public void PrintsWhatIpfsAddWould(string name)
    {
        JsonElement row = Rows()[name];
        string file = Path.Combine(Vectors, name);
        ProcessResult v0 = Zkinfer.Run(["ipfs", "cid", file]);
        Assert.True(v0.ExitCode == 0, v0.StdErr);
        Assert.Equal(row.GetProperty("v0").GetString() + "\n", v0.StdOut);
        ProcessResult v1 = Zkinfer.Run(["ipfs", "cid", file, "--cid-version", "1"]);
        Assert.True(v1.ExitCode == 0, v1.StdErr);
        Assert.Equal(row.GetProperty("v1_rawLeaves").GetString() + "\n", v1.StdOut);
        Assert.Equal(v1.StdOut, Zkinfer.Run(["ipfs", "cid", "--cid-version=1", file]).StdOut);
    }

    [Fact]
    public void ReadsStandardInput()
    {
        JsonElement row = Rows()["hello_world"];
        ProcessResult r = Zkinfer.Run(["ipfs", "cid", "-"], stdin: "hello world\n");
        Assert.Equal(row.GetProperty("v0").GetString() + "\n", r.StdOut);
        ProcessResult empty = Zkinfer.Run(["ipfs", "cid", "-", "--cid-version", "1"], stdin: "");
        Assert.Equal(Rows()["empty"].GetProperty("v1_rawLeaves").GetString() + "\n", empty.StdOut);
    }

    [Fact]
    public void BadInputIsAOneLineError()
    {
        ProcessResult missing = Zkinfer.Run(["ipfs", "cid", "/nonexistent/model.onnx"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("error: /nonexistent/model.onnx: cannot be read", missing.StdErr);
        Assert.Equal("", missing.StdOut);
        ProcessResult version = Zkinfer.Run(["ipfs", "cid", Path.Combine(Vectors, "random_100B.bin"), "--cid-version", "2"]);
        Assert.NotEqual(0, version.ExitCode);
        Assert.Contains("--cid-version must be 0 or 1", version.StdErr);
    }
}
