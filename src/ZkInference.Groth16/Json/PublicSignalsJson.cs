using System.Text.Json;
using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16.Json;

/// <summary>snarkjs's <c>public.json</c>: an array of decimal strings (outputs first, then public inputs).</summary>
public static class PublicSignalsJson
{
    /// <summary>The JSON text exactly as snarkjs writes it.</summary>
    public static string Format(ReadOnlySpan<Fr> signals)
    {
        var w = new SnarkJsWriter().BeginArray();
        foreach (ref readonly Fr s in signals) w.String(s.ToString());
        return w.EndArray().ToString();
    }

    /// <summary>
    /// Parses the array, keeping each signal as its decimal string: strings of digits only (a value ≥ r is
    /// kept here and rejected by the verifier as snarkjs does: "Public inputs are not valid").
    /// </summary>
    /// <exception cref="Groth16Exception">Not an array of decimal strings.</exception>
    public static string[] Parse(string json, string name = "public.json")
    {
        using JsonDocument doc = StrictJson.Parse(json, name);
        JsonElement[] items = StrictJson.Array(doc.RootElement, null, name, "the document");
        var result = new string[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            _ = StrictJson.Decimal(items[i], name, $"public signal {i}");
            result[i] = items[i].GetString()!;
        }
        return result;
    }

    /// <summary>Parses and converts to field elements, rejecting any value ≥ r.</summary>
    /// <exception cref="Groth16Exception">Malformed, or a value is not below r.</exception>
    public static Fr[] ParseFieldElements(string json, string name = "public.json")
    {
        string[] text = Parse(json, name);
        var values = new Fr[text.Length];
        for (int i = 0; i < text.Length; i++)
            if (!Verifier.TryParseSignal(text[i], out values[i])) throw StrictJson.Fail(name, $"public signal {i} is not below r");
        return values;
    }

    /// <summary>Reads a public.json file (see <see cref="Parse"/>).</summary>
    /// <exception cref="Groth16Exception">The file cannot be read or is malformed.</exception>
    public static string[] Read(string path) => Parse(StrictJson.ReadFile(path), path);

    /// <summary>Writes a public.json file atomically.</summary>
    /// <exception cref="Groth16Exception">The file cannot be written.</exception>
    public static void Write(string path, ReadOnlySpan<Fr> signals) => AtomicFile.WriteText(path, Format(signals));
}
