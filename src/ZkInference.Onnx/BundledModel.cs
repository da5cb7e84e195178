using ZkInference.Onnx.Model;

namespace ZkInference.Onnx;

/// <summary>
/// The default model bundled with the package: digits_mlp from ../shared/models (Gemm×3, Relu×2, 2,778 parameters,
/// 8×8 digit images [1, 64] → 10 logits), with one sample input (a "2") and five labelled samples.
/// </summary>
public static class BundledModel
{
    /// <summary>The model's name.</summary>
    public const string Name = "digits_mlp";

    /// <summary>The ONNX file's bytes.</summary>
    public static byte[] ModelBytes() => Read("digits_mlp.onnx");

    /// <summary>The loaded model.</summary>
    public static OnnxModel Load() => OnnxModelLoader.Load(ModelBytes(), "digits_mlp.onnx");

    /// <summary>The sample input's JSON ({"input": [[…64 values…]]}).</summary>
    public static string SampleInputJson() => System.Text.Encoding.UTF8.GetString(Read("digits_mlp_input.json"));

    /// <summary>The sample input, flattened.</summary>
    public static double[] SampleInput() => InputJson.Parse(SampleInputJson(), "digits_mlp_input.json");

    /// <summary>
    /// Five sample digits from the model's test data (the shipped samples of ../shared/models/digits_mlp), with
    /// their true labels, for the marketplace demo's requests.
    /// </summary>
    public static IReadOnlyList<(int Label, double[] Input)> Samples()
    {
        string json = System.Text.Encoding.UTF8.GetString(Read("digits_mlp_samples.json"));
        List<double[]> inputs = InputJson.ParseMany(json, "digits_mlp_samples.json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        int[] labels = doc.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (labels.Length != inputs.Count) throw new OnnxException("the bundled samples have as many labels as inputs");
        return labels.Zip(inputs).ToList();
    }

    private static byte[] Read(string file)
    {
        using Stream s = typeof(BundledModel).Assembly.GetManifestResourceStream($"ZkInference.Onnx.Resources.{file}")
            ?? throw new OnnxException($"the bundled resource {file} is missing");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
