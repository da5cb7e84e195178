using System.Text.Json;
using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary>go-ethereum's precompile vectors through the real <c>zkinfer evm</c> program.</summary>
public sealed class EvmCommandTests
{
    [Theory]
    [InlineData("ecadd", "bn256Add.json")]
    [InlineData("ecmul", "bn256ScalarMul.json")]
    [InlineData("ecpairing", "bn256Pairing.json")]
    public void EveryVectorThroughStdinBatchMode(string command, string file)
    {
        var vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "vectors", "evm", file)))
            .RootElement.EnumerateArray()
            .Select(e => (Input: e.GetProperty("Input").GetString()!, Expected: e.GetProperty("Expected").GetString()!))
            .ToList();
        // An invalid line in the middle must be reported inline without stopping the batch.
        string stdin = string.Join('\n', vectors.Select(v => v.Input).Append("zz")) + "\n";
        var result = Zkinfer.Run(["evm", command, "-"], stdin);
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(vectors.Count + 1, lines.Length);
        for (int i = 0; i < vectors.Count; i++)
            Assert.Equal("0x" + vectors[i].Expected, lines[i]);
        Assert.StartsWith("error: ", lines[^1]);
    }

    [Fact]
    public void SingleInputPrintsHex()
    {
        // 2·G1 via ecadd(G1, G1).
        string g1 = "0000000000000000000000000000000000000000000000000000000000000001" +
                    "0000000000000000000000000000000000000000000000000000000000000002";
        var result = Zkinfer.Run(["evm", "ecadd", "0x" + g1 + g1]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0x030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4", result.StdOut.Trim());
    }

    [Theory]
    [InlineData("ecpairing", "00", "multiple of 192")]
    [InlineData("ecadd", "0000000000000000000000000000000000000000000000000000000000000001" +
                         "0000000000000000000000000000000000000000000000000000000000000003", "not on the curve")]
    [InlineData("ecmul", "abc", "odd number of digits")]
    [InlineData("ecmul", "0xgg", "not a hex digit")]
    public void InvalidInputPrintsErrorAndExitsOne(string command, string hex, string reason)
    {
        var result = Zkinfer.Run(["evm", command, hex]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.StdOut);
        Assert.Contains(reason, result.StdOut);
    }
}
