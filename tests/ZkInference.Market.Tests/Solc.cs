using System.Text.Json;
using ZkInference.Market.Chain;
using ZkInference.TestSupport;

namespace ZkInference.Market.Tests;

/// <summary>Compiles with the pinned solcjs at test time: the market from contracts/, and generated verifiers.</summary>
public static class Solc
{
    private static readonly Lazy<MarketArtifact> MarketLazy = new(CompileMarketNow);
    private static readonly Lazy<string> VerifierLazy = new(() => CompileBytecode(TestCircuit.Instance.VerifierSource, "Groth16Verifier"));

    /// <summary>contracts/ZkInferenceMarket.sol compiled now (once per test run).</summary>
    public static MarketArtifact Market => MarketLazy.Value;

    /// <summary>The creation bytecode of the test circuit's verifier.</summary>
    public static string TestVerifierBytecode => VerifierLazy.Value;

    /// <summary>The artifact JSON text a fresh compile writes.</summary>
    public static string CompileMarketJson()
    {
        string dir = RepoPaths.NewTempDirectory("market-solc");
        string path = Path.Combine(dir, "market.json");
        ProcessResult r = NodeTools.Node([Path.Combine("evm", "compile-market.js"), path]);
        if (r.ExitCode != 0) throw new InvalidOperationException($"solc failed: {r.StdErr}");
        string json = File.ReadAllText(path);
        Directory.Delete(dir, true);
        return json;
    }

    private static MarketArtifact CompileMarketNow() => MarketArtifact.FromJson(CompileMarketJson());

    /// <summary>Compiles Solidity source and returns the contract's creation bytecode (0x hex).</summary>
    public static string CompileBytecode(string source, string contract)
    {
        string dir = RepoPaths.NewTempDirectory("market-solc");
        try
        {
            string sol = Path.Combine(dir, contract + ".sol");
            File.WriteAllText(sol, source);
            ProcessResult r = NodeTools.Node([Path.Combine("evm", "compile.js"), sol, contract, "cancun"]);
            if (r.ExitCode != 0) throw new InvalidOperationException($"solc failed: {r.StdErr}");
            using JsonDocument doc = JsonDocument.Parse(r.StdOut);
            return doc.RootElement.GetProperty("bytecode").GetString()!;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
