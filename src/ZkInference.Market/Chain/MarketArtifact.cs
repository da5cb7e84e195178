using System.Text.Json;

namespace ZkInference.Market.Chain;

/// <summary>A compiled marketplace contract: its ABI (JSON) and creation bytecode (0x hex), with the compiler that made them.</summary>
/// <param name="Abi">The ABI as a JSON array.</param>
/// <param name="Bytecode">Creation bytecode, 0x-prefixed hex.</param>
/// <param name="Compiler">solc's version string.</param>
public sealed record MarketArtifact(string Abi, string Bytecode, string Compiler)
{
    private static readonly Lazy<MarketArtifact> EmbeddedLazy = new(LoadEmbedded);

    /// <summary>
    /// The artifact built into this assembly by tools/compile-contracts.sh from contracts/ZkInferenceMarket.sol
    /// (CI fails when it differs from a fresh compile).
    /// </summary>
    public static MarketArtifact Embedded => EmbeddedLazy.Value;

    /// <summary>Reads an artifact written by tests/interop/evm/compile-market.js.</summary>
    /// <exception cref="MarketException">The JSON lacks abi or bytecode.</exception>
    public static MarketArtifact FromJson(string json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            string bytecode = root.GetProperty("bytecode").GetString()!;
            if (!bytecode.StartsWith("0x", StringComparison.Ordinal) || bytecode.Length < 4) throw new MarketException("artifact bytecode is not 0x hex");
            return new MarketArtifact(root.GetProperty("abi").GetRawText(), bytecode, root.GetProperty("compiler").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MarketException($"not a contract artifact: {e.Message}", e);
        }
    }

    private static MarketArtifact LoadEmbedded()
    {
        using Stream s = typeof(MarketArtifact).Assembly.GetManifestResourceStream("ZkInference.Market.ZkInferenceMarket.json")
            ?? throw new MarketException("the embedded contract artifact is missing");
        using var reader = new StreamReader(s);
        return FromJson(reader.ReadToEnd());
    }
}
