using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary>The README's main job, <c>zkinfer demo</c>: the whole marketplace on the bundled model, end to end.</summary>
public sealed class MarketplaceDemoTests
{
    [Fact]
    public void DemoRunsTheMarketplaceAndEveryRequestSettles()
    {
        string dir = RepoPaths.NewTempDirectory("market-demo");
        var result = Zkinfer.Run(["demo", "--dir", dir, "--requests", "2"], timeout: TimeSpan.FromMinutes(15));
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("2 of 2 requests settled on chain", result.StdOut);
        Assert.Contains("OK: every request settled, every proof verified, every proved output agrees with", result.StdOut);
        foreach (string f in new[] { "model/model.onnx", "model/circuit.r1cs", "model/settings.json", "model/circuit.zkey", "server-1/journal.json", "server-2/journal.json" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f + " missing");
    }
}
