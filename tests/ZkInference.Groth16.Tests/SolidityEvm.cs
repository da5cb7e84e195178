using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>A contract compiled by solcjs (tests/interop/evm/compile.js).</summary>
public sealed record CompiledContract(string Bytecode, IReadOnlyDictionary<string, string> MethodIdentifiers, string[] Warnings, string Compiler);

/// <summary>A transaction to send: calldata, gas limit (null: 10M), and whether to search the least gas limit.</summary>
public sealed record EvmCallSpec(string Data, long? GasLimit = null, bool SearchGasLimit = false);

/// <summary>
/// One transaction's outcome on the in-process EVM (tests/interop/evm/run.js). With a gas-limit search,
/// <see cref="LeastGasLimit"/> is the smallest limit giving the same result, and <see cref="BelowLeast"/> the
/// distinct outcomes ("reverted" or return data) of limits sampled over the 5,000 gas below it.
/// </summary>
public sealed record EvmCall(string Status, string? Error, string ReturnData, long GasUsed, long ExecutionGas, long? LeastGasLimit, string[]? BelowLeast)
{
    /// <summary>The call completed and returned the ABI encoding of true.</summary>
    public bool ReturnedTrue => Status == "ok" && ReturnData == "0x" + new string('0', 63) + "1";

    /// <summary>The call completed and returned the ABI encoding of false.</summary>
    public bool ReturnedFalse => Status == "ok" && ReturnData == "0x" + new string('0', 64);
}

/// <summary>A deployment and the transactions sent to the deployed contract, in order.</summary>
public sealed record EvmRun(long DeployGas, EvmCall[] Calls);

/// <summary>
/// Compiles Solidity with the pinned solcjs and runs transactions on an in-process @ethereumjs/vm, both through
/// the node helpers in tests/interop/evm; ABI-encodes verifyProof calls.
/// </summary>
public static class SolidityEvm
{
    /// <summary>The EVM version the tests compile for and run on (Arbitrum supports Cancun).</summary>
    public const string EvmVersion = "cancun";

    /// <summary>Compiles <paramref name="solPath"/> (optimizer on, 200 runs) and returns <paramref name="contract"/>.</summary>
    public static CompiledContract Compile(string solPath, string contract, string evmVersion = EvmVersion)
    {
        ProcessResult r = NodeTools.Node([Path.Combine("evm", "compile.js"), solPath, contract, evmVersion]);
        if (r.ExitCode != 0) throw new InvalidOperationException($"solc failed on {solPath}: {r.StdErr}");
        using JsonDocument doc = JsonDocument.Parse(r.StdOut);
        JsonElement root = doc.RootElement;
        var ids = root.GetProperty("methodIdentifiers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        string[] warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        return new CompiledContract(root.GetProperty("bytecode").GetString()!, ids, warnings, root.GetProperty("compiler").GetString()!);
    }

    /// <summary>Deploys <paramref name="bytecode"/> on a fresh VM and sends each call in order.</summary>
    public static EvmRun Run(string bytecode, IReadOnlyList<EvmCallSpec> calls, string hardfork = EvmVersion)
    {
        string spec = Path.Combine(Path.GetTempPath(), $"zkinfer-evm-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(spec, JsonSerializer.Serialize(new
            {
                bytecode,
                hardfork,
                calls = calls.Select(c => new { data = c.Data, gasLimit = c.GasLimit, searchGasLimit = c.SearchGasLimit }).ToArray(),
            }));
            ProcessResult r = NodeTools.Node([Path.Combine("evm", "run.js"), spec]);
            if (r.ExitCode != 0) throw new InvalidOperationException($"EVM run failed: {r.StdErr}");
            using JsonDocument doc = JsonDocument.Parse(r.StdOut);
            JsonElement root = doc.RootElement;
            EvmCall[] results = root.GetProperty("calls").EnumerateArray().Select(c => new EvmCall(
                c.GetProperty("status").GetString()!,
                c.GetProperty("error").GetString(),
                c.GetProperty("returnData").GetString()!,
                c.GetProperty("gasUsed").GetInt64(),
                c.GetProperty("executionGas").GetInt64(),
                c.TryGetProperty("leastGasLimit", out JsonElement least) ? least.GetInt64() : null,
                c.TryGetProperty("belowLeast", out JsonElement below) ? below.EnumerateArray().Select(o => o.GetString()!).ToArray() : null)).ToArray();
            return new EvmRun(root.GetProperty("deploy").GetProperty("gasUsed").GetInt64(), results);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    /// <summary>The canonical signature of verifyProof with <paramref name="nPublic"/> public signals.</summary>
    public static string VerifyProofSignature(int nPublic) =>
        $"verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[{nPublic}])";

    /// <summary>Calldata: the 4-byte selector (hex, no 0x) then each word as 32 bytes big-endian.</summary>
    public static string Encode(string selector, IEnumerable<BigInteger> words) =>
        "0x" + selector + string.Concat(words.Select(Word));

    /// <summary>
    /// The verifyProof arguments of a snarkjs proof.json / public.json pair, read as raw decimals (so off-curve
    /// and out-of-range values pass through): A.x, A.y, B.x.c1, B.x.c0, B.y.c1, B.y.c0, C.x, C.y, signals.
    /// </summary>
    public static BigInteger[] WordsFromJson(string proofPath, string publicPath)
    {
        using JsonDocument proof = JsonDocument.Parse(File.ReadAllText(proofPath));
        using JsonDocument pub = JsonDocument.Parse(File.ReadAllText(publicPath));
        JsonElement p = proof.RootElement;
        BigInteger D(JsonElement e) => BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture);
        JsonElement a = p.GetProperty("pi_a"), b = p.GetProperty("pi_b"), c = p.GetProperty("pi_c");
        var words = new List<BigInteger>
        {
            D(a[0]), D(a[1]),
            D(b[0][1]), D(b[0][0]), D(b[1][1]), D(b[1][0]),
            D(c[0]), D(c[1]),
        };
        words.AddRange(pub.RootElement.EnumerateArray().Select(D));
        return words.ToArray();
    }

    /// <summary>The words of a <c>soliditycalldata</c> text, in order.</summary>
    public static BigInteger[] WordsFromCalldataText(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "0x([0-9a-f]{64})")
            .Select(m => BigInteger.Parse("0" + m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToArray();

    private static string Word(BigInteger value)
    {
        if (value.Sign < 0 || value >= BigInteger.One << 256) throw new ArgumentOutOfRangeException(nameof(value));
        return value.ToString("x64", CultureInfo.InvariantCulture)[^64..];
    }
}
