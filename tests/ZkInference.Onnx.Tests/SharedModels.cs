using System.Text.Json;
using ZkInference.TestSupport;

namespace ZkInference.Onnx.Tests;

/// <summary>The shipped models in ../shared/models with their samples and PyTorch reference outputs.</summary>
internal static class SharedModels
{
    public static readonly string[] Names = ["digits_linear", "digits_mlp", "digits_sigmoid_mlp", "digits_cnn", "regression_tanh", "lenet5_28"];

    public static string Dir(string name) => Path.Combine(RepoPaths.Shared, "models", name);

    public static string ModelPath(string name) => Path.Combine(Dir(name), "model.onnx");

    public static List<double[]> Samples(string name) => InputJson.ReadMany(Path.Combine(Dir(name), "sample_inputs.json"));

    public static List<double[]> References(string name)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(name), "reference_outputs.json")));
        return doc.RootElement.GetProperty("outputs").EnumerateArray().Select(o => Flatten(o).ToArray()).ToList();
    }

    private static IEnumerable<double> Flatten(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flatten) : [e.GetDouble()];

    public static int ArgMax(double[] v) => Array.IndexOf(v, v.Max());
}
