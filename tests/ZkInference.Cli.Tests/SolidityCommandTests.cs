using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using ZkInference.Groth16;
using ZkInference.Groth16.Solidity;
using ZkInference.TestSupport;

namespace ZkInference.Cli.Tests;

/// <summary>
/// <c>zkinfer zkey export solidityverifier</c> through the real program: snarkjs's defaults, atomic writes, errors;
/// and the whole user workflow on a real EVM: export the verifier, compile it with solcjs, deploy it, call it with
/// the calldata <c>zkinfer zkey export soliditycalldata</c> prints.
/// </summary>
public sealed class SolidityCommandTests
{
    private static string Fx(string fixture, string file) => RepoPaths.Fixture(fixture, file);

    [Fact]
    public void DefaultNamesWriteTheVerifierThatAcceptsTheExportedCalldataOnAnEvm()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            File.Copy(Fx("multiplier", "circuit_final.zkey"), Path.Combine(dir, "circuit_final.zkey"));
            File.Copy(Fx("multiplier", "proof.json"), Path.Combine(dir, "proof.json"));
            File.Copy(Fx("multiplier", "public.json"), Path.Combine(dir, "public.json"));
            ProcessResult export = Zkinfer.Run(["zkey", "export", "solidityverifier"], workingDirectory: dir);
            Assert.True(export.ExitCode == 0, export.StdOut + export.StdErr);
            Assert.Equal("", export.StdOut);
            string sol = Path.Combine(dir, "verifier.sol");
            Assert.Equal(SolidityVerifier.Generate(ZkeyFile.ReadVerifyingKey(Fx("multiplier", "circuit_final.zkey"))), File.ReadAllText(sol));
            Assert.Equal(new[] { "circuit_final.zkey", "proof.json", "public.json", "verifier.sol" },
                Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray());

            ProcessResult calldata = Zkinfer.Run(["zkey", "export", "soliditycalldata"], workingDirectory: dir);
            Assert.Equal(0, calldata.ExitCode);
            Assert.Equal(new[] { "0x0000000000000000000000000000000000000000000000000000000000000001" }, CallVerifier(dir, sol, calldata.StdOut, nPublic: 3));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ExplicitPathsAndOverwrite()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            string output = Path.Combine(dir, "Poseidon.sol");
            File.WriteAllText(output, "old");
            ProcessResult r = Zkinfer.Run(["zkey", "export", "solidityverifier", Fx("poseidon", "circuit_final.zkey"), output]);
            Assert.True(r.ExitCode == 0, r.StdErr);
            Assert.Equal(SolidityVerifier.Generate(ZkeyFile.ReadVerifyingKey(Fx("poseidon", "circuit_final.zkey"))), File.ReadAllText(output));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void ErrorsAreOneLineWithExitCode1AndLeaveNoFile()
    {
        string dir = RepoPaths.NewTempDirectory();
        try
        {
            ProcessResult missing = Zkinfer.Run(["zkey", "export", "solidityverifier"], workingDirectory: dir);
            Assert.Equal(1, missing.ExitCode);
            Assert.StartsWith("error: ", missing.StdErr, StringComparison.Ordinal);
            Assert.Single(missing.StdErr.Trim().Split('\n'));

            File.WriteAllBytes(Path.Combine(dir, "circuit_final.zkey"), File.ReadAllBytes(Fx("multiplier", "circuit_final.zkey"))[..100]);
            ProcessResult truncated = Zkinfer.Run(["zkey", "export", "solidityverifier"], workingDirectory: dir);
            Assert.Equal(1, truncated.ExitCode);
            Assert.StartsWith("error: ", truncated.StdErr, StringComparison.Ordinal);

            ProcessResult noDir = Zkinfer.Run(["zkey", "export", "solidityverifier", Fx("multiplier", "circuit_final.zkey"), Path.Combine(dir, "nope", "v.sol")]);
            Assert.Equal(1, noDir.ExitCode);
            Assert.StartsWith("error: ", noDir.StdErr, StringComparison.Ordinal);
            Assert.Equal(new[] { "circuit_final.zkey" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    // Compiles the verifier with solcjs, deploys it on @ethereumjs/vm and sends verifyProof with the words of the
    // soliditycalldata text; returns each call's return data.
    private static string[] CallVerifier(string dir, string sol, string calldataText, int nPublic)
    {
        ProcessResult compiled = NodeTools.Node([Path.Combine("evm", "compile.js"), sol, SolidityVerifier.ContractName, "cancun"]);
        Assert.True(compiled.ExitCode == 0, compiled.StdErr);
        using JsonDocument c = JsonDocument.Parse(compiled.StdOut);
        string selector = c.RootElement.GetProperty("methodIdentifiers").GetProperty($"verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[{nPublic}])").GetString()!;
        string data = "0x" + selector + string.Concat(Regex.Matches(calldataText, "0x([0-9a-f]{64})").Select(m => m.Groups[1].Value));
        string spec = Path.Combine(dir, "spec.json");
        File.WriteAllText(spec, JsonSerializer.Serialize(new { bytecode = c.RootElement.GetProperty("bytecode").GetString(), calls = new[] { new { data } } }));
        ProcessResult run = NodeTools.Node([Path.Combine("evm", "run.js"), spec]);
        File.Delete(spec);
        Assert.True(run.ExitCode == 0, run.StdErr);
        using JsonDocument r = JsonDocument.Parse(run.StdOut);
        return r.RootElement.GetProperty("calls").EnumerateArray().Select(x => x.GetProperty("returnData").GetString()!).ToArray();
    }
}
