using System.Text.Json;

namespace ZkInference.Onnx;

/// <summary>
/// Input files: one input as nested arrays of numbers (or <c>{"input": …}</c>); calibration sets as
/// <c>{"inputs": [input, …]}</c> (the shape of the shipped sample_inputs.json) or an array of inputs.
/// Non-numeric values (strings such as "NaN") are refused.
/// </summary>
public static class InputJson
{
    /// <summary>One input, flattened row-major.</summary>
    public static double[] Parse(string json, string name = "input.json")
    {
        using JsonDocument doc = Open(json, name);
        JsonElement root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("input", out JsonElement inner)) throw new OnnxException($"{name}: an object input needs an \"input\" field");
            root = inner;
        }
        var values = new List<double>();
        Flatten(root, values, name);
        return [.. values];
    }

    /// <summary>Several inputs (calibration samples), each flattened.</summary>
    public static List<double[]> ParseMany(string json, string name = "inputs.json")
    {
        using JsonDocument doc = Open(json, name);
        JsonElement root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("inputs", out JsonElement inner)) throw new OnnxException($"{name}: a calibration object needs an \"inputs\" field");
            root = inner;
        }
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0) throw new OnnxException($"{name}: expected a non-empty array of inputs");
        var result = new List<double[]>();
        foreach (JsonElement e in root.EnumerateArray())
        {
            var values = new List<double>();
            Flatten(e, values, name);
            result.Add([.. values]);
        }
        return result;
    }

    /// <summary>Reads a file with <see cref="Parse"/>.</summary>
    public static double[] Read(string path) => Parse(ReadText(path), path);

    /// <summary>Reads a file with <see cref="ParseMany"/>.</summary>
    public static List<double[]> ReadMany(string path) => ParseMany(ReadText(path), path);

    private static string ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new OnnxException($"cannot read '{path}': {e.Message}", e); }
    }

    private static JsonDocument Open(string json, string name)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException e) { throw new OnnxException($"{name} is not valid JSON: {e.Message}", e); }
    }

    private static void Flatten(JsonElement e, List<double> values, string name)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (JsonElement c in e.EnumerateArray()) Flatten(c, values, name);
                break;
            case JsonValueKind.Number:
                double v = e.GetDouble();
                if (!double.IsFinite(v)) throw new OnnxException($"{name}: element {values.Count} is not a finite number");
                values.Add(v);
                break;
            default:
                throw new OnnxException($"{name}: element {values.Count} is {e.ValueKind}, not a number (inputs are nested arrays of finite numbers)");
        }
    }
}
