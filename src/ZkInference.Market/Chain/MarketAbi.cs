using System.Numerics;
using System.Text.Json;
using Nethereum.Util;
using ZkInference.Market.Engine;

namespace ZkInference.Market.Chain;

/// <summary>
/// Decodes what the contract returns on failure (custom errors) and logs (events) from its ABI, into the
/// engine's <see cref="MarketError"/> and <see cref="MarketEvent"/> types, so chain and engine compare directly.
/// </summary>
public sealed class MarketAbi
{
    private sealed record Input(string Type, bool Indexed);
    private sealed record Entry(string Name, Input[] Inputs);

    private readonly Dictionary<string, Entry> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _events = new(StringComparer.Ordinal);

    /// <summary>Reads the errors and events of an ABI JSON array.</summary>
    /// <exception cref="MarketException">The ABI is not a JSON array of entries.</exception>
    public MarketAbi(string abiJson)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(abiJson);
            foreach (JsonElement e in doc.RootElement.EnumerateArray())
            {
                string kind = e.GetProperty("type").GetString()!;
                if (kind is not ("error" or "event")) continue;
                string name = e.GetProperty("name").GetString()!;
                Input[] inputs = e.GetProperty("inputs").EnumerateArray()
                    .Select(i => new Input(i.GetProperty("type").GetString()!, i.TryGetProperty("indexed", out JsonElement x) && x.GetBoolean())).ToArray();
                string signature = $"{name}({string.Join(',', inputs.Select(i => i.Type))})";
                string hash = Sha3Keccack.Current.CalculateHash(signature);
                if (kind == "error") _errors[hash[..8]] = new Entry(name, inputs);
                else _events[hash] = new Entry(name, inputs);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new MarketException($"the contract ABI is malformed: {e.Message}", e);
        }
    }

    /// <summary>The custom error in revert data (selector and arguments), or null when it is none of the contract's.</summary>
    public MarketError? DecodeError(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4) return null;
        string selector = Convert.ToHexStringLower(revertData[..4]);
        if (!_errors.TryGetValue(selector, out Entry? entry) || !Enum.TryParse(entry.Name, out MarketErrorCode code)) return null;
        ReadOnlySpan<byte> data = revertData[4..];
        if (data.Length != 32 * entry.Inputs.Length) return null;
        var args = new object[entry.Inputs.Length];
        for (int i = 0; i < args.Length; i++) args[i] = Static(entry.Inputs[i].Type, data.Slice(32 * i, 32));
        return new MarketError(code, args);
    }

    /// <summary>The event of a log (its topics and data), or null when the log is not one of the contract's events.</summary>
    /// <exception cref="MarketException">The log matches an event's signature but its data is malformed.</exception>
    public MarketEvent? DecodeEvent(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        if (topics.Count == 0 || !_events.TryGetValue(Strip(topics[0]), out Entry? entry)) return null;
        var values = new object[entry.Inputs.Length];
        int topic = 1, head = 0;
        for (int i = 0; i < values.Length; i++)
        {
            Input input = entry.Inputs[i];
            if (input.Indexed)
            {
                if (topic >= topics.Count) throw new MarketException($"log of {entry.Name} has too few topics");
                values[i] = Static(input.Type, Convert.FromHexString(Strip(topics[topic++])));
                continue;
            }
            if (data.Length < 32 * (head + 1)) throw new MarketException($"log of {entry.Name} has too little data");
            ReadOnlySpan<byte> word = data.Slice(32 * head++, 32);
            values[i] = input.Type == "uint256[]" ? Array(data, word) : Static(input.Type, word);
        }
        return MarketEventFactory.Create(entry.Name, values);
    }

    private static BigInteger[] Array(ReadOnlySpan<byte> data, ReadOnlySpan<byte> offsetWord)
    {
        BigInteger offset = AbiWord.Read(offsetWord);
        if (offset + 32 > data.Length) throw new MarketException("array offset outside the log data");
        int at = (int)offset;
        BigInteger length = AbiWord.Read(data.Slice(at, 32));
        if (at + 32 + length * 32 > data.Length) throw new MarketException("array longer than the log data");
        var result = new BigInteger[(int)length];
        for (int i = 0; i < result.Length; i++) result[i] = AbiWord.Read(data.Slice(at + 32 + 32 * i, 32));
        return result;
    }

    private static object Static(string type, ReadOnlySpan<byte> word)
    {
        BigInteger v = AbiWord.Read(word);
        return type switch
        {
            "address" => Address.FromUInt160(v),
            "bool" => !v.IsZero,
            _ when type.StartsWith("uint", StringComparison.Ordinal) && !type.EndsWith(']') => v,
            _ => throw new MarketException($"ABI type {type} is not decoded here"),
        };
    }

    private static string Strip(string hex) => (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex).ToLowerInvariant();
}
