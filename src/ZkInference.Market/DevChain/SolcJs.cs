using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZkInference.Market.DevChain;

/// <summary>
/// Compiles Solidity with solcjs (npm's <c>solc</c>, whose compiler ships inside the package: nothing is downloaded
/// at run time), through its standard JSON interface, for the EVM version the market targets.
/// </summary>
public static class SolcJs
{
    /// <summary>The EVM version contracts are compiled for (what the market's own artifact uses).</summary>
    public const string EvmVersion = "cancun";

    /// <summary>Where solc's entry point lives under a folder holding node_modules.</summary>
    public static string ModulePath(string home) => Path.Combine(home, "node_modules", "solc", "index.js");

    /// <summary>
    /// Compiles one source and returns the named contract's creation bytecode (0x hex) and ABI (JSON). Warnings are
    /// allowed (a generated verifier may have some); errors throw with solc's messages.
    /// </summary>
    public static async Task<(string Bytecode, string Abi)> CompileAsync(string home, string fileName, string source, string contract,
        CancellationToken cancellation = default)
    {
        if (!File.Exists(ModulePath(home))) throw new MarketException($"solc is not installed under {home} (npm install solc@{HardhatNode.SolcVersion})");
        var input = new JsonObject
        {
            ["language"] = "Solidity",
            ["sources"] = new JsonObject { [fileName] = new JsonObject { ["content"] = source } },
            ["settings"] = new JsonObject
            {
                ["evmVersion"] = EvmVersion,
                ["optimizer"] = new JsonObject { ["enabled"] = true, ["runs"] = 200 },
                ["outputSelection"] = new JsonObject { ["*"] = new JsonObject { ["*"] = new JsonArray("abi", "evm.bytecode.object") } },
            },
        };
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = home,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(require('solc').compile(s)));");
        start.Environment["NODE_PATH"] = Path.Combine(home, "node_modules");
        using var process = Process.Start(start) ?? throw new MarketException("could not start node (is Node.js on PATH?)");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardInput.WriteAsync(input.ToJsonString().AsMemory(), cancellation).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        if (process.ExitCode != 0) throw new MarketException($"solc failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");

        using var output = JsonDocument.Parse(await stdout.ConfigureAwait(false));
        if (output.RootElement.TryGetProperty("errors", out var errors))
        {
            var fatal = errors.EnumerateArray().Where(e => e.GetProperty("severity").GetString() == "error")
                .Select(e => e.GetProperty("formattedMessage").GetString()).ToList();
            if (fatal.Count > 0) throw new MarketException($"solc could not compile {fileName}:\n{string.Join('\n', fatal)}");
        }
        if (!output.RootElement.TryGetProperty("contracts", out var contracts)
            || !contracts.TryGetProperty(fileName, out var file) || !file.TryGetProperty(contract, out var c))
            throw new MarketException($"solc's output has no contract {contract} in {fileName}");
        var bytecode = c.GetProperty("evm").GetProperty("bytecode").GetProperty("object").GetString();
        if (string.IsNullOrEmpty(bytecode)) throw new MarketException($"{contract} compiled to no bytecode (abstract?)");
        return ("0x" + bytecode, c.GetProperty("abi").GetRawText());
    }
}
