using System.Numerics;
using System.Text.RegularExpressions;
using Xunit;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;
using ZkInference.Market.Chain;
using ZkInference.TestSupport;

namespace ZkInference.Market.Tests;

/// <summary>The real zkinfer against the Hardhat node: deploy → authorize → register → access → request → submit → status → withdraw.</summary>
[Collection(ChainCollection.Name)]
public sealed partial class CliTests(HardhatNode node)
{
    [GeneratedRegex(@"^(?<key>[a-z]+): (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Line();

    private static string Value(ProcessResult r, string key) =>
        Line().Matches(r.StdOut).First(m => m.Groups["key"].Value == key).Groups["value"].Value;

    private ProcessResult Run(string dir, int actor, params string[] args)
    {
        string keyFile = Path.Combine(dir, $"key{actor}");
        File.WriteAllText(keyFile, node.Keys[actor]);
        ProcessResult r = Zkinfer.Run(["market", .. args, "--rpc", node.Url, "--key-file", keyFile]);
        return r;
    }

    [Fact]
    public void WholeWorkflowThroughTheCommandLine()
    {
        string dir = RepoPaths.NewTempDirectory("market-cli");
        ProcessResult deploy = Run(dir, 0, "deploy", "--fee-bps", "100");
        Assert.True(deploy.ExitCode == 0, deploy.StdErr);
        string market = Value(deploy, "market");
        Address verifier = ChainScenarioTests.DeployVerifier(node);
        string server = node.Connect(3).Sender.ToString();

        Assert.Equal(0, Run(dir, 0, "admin", "authorize", server, "--market", market).ExitCode);
        BigInteger w = 7, x = 9;
        ProcessResult reg = Run(dir, 1, "register", "--market", market, "--verifier", verifier.ToString(), "--param-commitment", TestCircuit.Commit(w).ToString(),
            "--outputs", "2", "--price", "1000", "--pack-price", "3000", "--pack-size", "3", "--owner-share-bps", "6000", "--name", "tiny");
        Assert.True(reg.ExitCode == 0, reg.StdErr);
        string model = Value(reg, "model");

        ProcessResult access = Run(dir, 2, "access", "credits", "--model", model, "--market", market);
        Assert.True(access.ExitCode == 0, access.StdErr);
        Assert.Contains("CreditsBought", access.StdOut);
        ProcessResult req = Run(dir, 2, "request", "--model", model, "--input-commitment", TestCircuit.Commit(x).ToString(), "--market", market);
        Assert.True(req.ExitCode == 0, req.StdErr);
        Assert.Contains(", 3, 1000, ", req.StdOut);   // payment kind 3 (a credit) worth 3000 / 3
        BigInteger requestId = BigInteger.Parse(Value(req, "request"), System.Globalization.CultureInfo.InvariantCulture);

        (BigInteger[] outputs, BigInteger[] words) = TestCircuit.Instance.Prove(x, w, requestId, Address.Parse(server));
        var proof = new Proof(
            new G1Affine(Fp.FromBigInteger(words[0]), Fp.FromBigInteger(words[1])),
            new G2Affine(new Fp2(Fp.FromBigInteger(words[3]), Fp.FromBigInteger(words[2])), new Fp2(Fp.FromBigInteger(words[5]), Fp.FromBigInteger(words[4]))),
            new G1Affine(Fp.FromBigInteger(words[6]), Fp.FromBigInteger(words[7])));
        ProofJson.Write(Path.Combine(dir, "proof.json"), proof);
        Fr[] signals = [.. outputs.Select(Fr.FromBigInteger), Fr.FromBigInteger(TestCircuit.Commit(x)), Fr.FromBigInteger(TestCircuit.Commit(w)), Fr.FromBigInteger(requestId), Fr.FromBigInteger(Address.Parse(server).ToUInt160())];
        PublicSignalsJson.Write(Path.Combine(dir, "public.json"), signals);

        ProcessResult submit = Run(dir, 3, "submit", Path.Combine(dir, "proof.json"), Path.Combine(dir, "public.json"), "--request", requestId.ToString(), "--market", market);
        Assert.True(submit.ExitCode == 0, submit.StdOut + submit.StdErr);
        Assert.StartsWith("accepted", submit.StdOut);
        ProcessResult twice = Run(dir, 3, "submit", Path.Combine(dir, "proof.json"), Path.Combine(dir, "public.json"), "--request", requestId.ToString(), "--market", market);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("RequestNotPending", twice.StdErr);

        ProcessResult status = Zkinfer.Run(["market", "status", "--rpc", node.Url, "--market", market, "--request", requestId.ToString(), "--account", server]);
        Assert.True(status.ExitCode == 0, status.StdErr);
        Assert.Contains($"request {requestId}: fulfilled", status.StdOut);
        // 1000 wei per credit: fee 10, owner 594 (990 · 60 %), server 396.
        Assert.Contains($"account {server}: balance 396, server authorized", status.StdOut);

        ProcessResult withdraw = Run(dir, 3, "withdraw", "--market", market);
        Assert.True(withdraw.ExitCode == 0, withdraw.StdErr);
        Assert.True(withdraw.StdOut.Contains($"Withdrawal({server}, 396)", StringComparison.Ordinal), withdraw.StdOut);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void RefusesToRunWithoutAKeyAndNamesCustomErrors()
    {
        ProcessResult noKey = Zkinfer.Run(["market", "withdraw", "--rpc", node.Url, "--market", "0x" + new string('1', 40)]);
        if (Environment.GetEnvironmentVariable("ZKINFER_PRIVATE_KEY") is null)
        {
            Assert.Equal(1, noKey.ExitCode);
            Assert.Contains("no signing key", noKey.StdErr);
        }
        string dir = RepoPaths.NewTempDirectory("market-cli");
        string market = Value(Run(dir, 0, "deploy"), "market");
        ProcessResult notOwner = Run(dir, 1, "admin", "pause", "--market", market);
        Assert.Equal(1, notOwner.ExitCode);
        Assert.Contains($"NotOwner({node.Connect(1).Sender})", notOwner.StdErr);
        Directory.Delete(dir, true);
    }
}
