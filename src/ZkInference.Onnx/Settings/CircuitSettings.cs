using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZkInference.Onnx.Settings;

/// <summary>One entry of the public-signal layout: a named run of consecutive public signals.</summary>
/// <param name="Name">output, output_commitment, input_commitment, param_commitment, input, params, requestId or server.</param>
/// <param name="Offset">Index of its first signal in public.json.</param>
/// <param name="Count">Number of signals.</param>
/// <param name="Description">What the signals are and how they are encoded.</param>
public sealed record PublicSignalEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("description")] string Description);

/// <summary>A parameter tensor in commitment order.</summary>
public sealed record ParamInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] int[] Shape);

/// <summary>Quantization error against ONNX Runtime's float model on sample inputs.</summary>
public sealed record AccuracyReport(
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("max_abs_error")] double MaxAbsError,
    [property: JsonPropertyName("mean_abs_error")] double MeanAbsError,
    [property: JsonPropertyName("top1_agreement")] double Top1Agreement);

/// <summary>
/// Everything about a compiled model that a prover, a verifier or the marketplace needs, saved as settings.json:
/// the compile settings, shapes and scales, derived bit widths, the parameter commitment and the public-signal layout.
/// </summary>
public sealed record CircuitSettings
{
    /// <summary>The settings the model was compiled with.</summary>
    [JsonPropertyName("run_args")] public required CompileSettings RunArgs { get; init; }

    /// <summary>The model file kept beside settings.json (model.onnx) and its SHA-256 (hex).</summary>
    [JsonPropertyName("model_file")] public required string ModelFile { get; init; }

    /// <summary>SHA-256 of the model file, hex.</summary>
    [JsonPropertyName("model_sha256")] public required string ModelSha256 { get; init; }

    /// <summary>The input's name and shape.</summary>
    [JsonPropertyName("input_name")] public required string InputName { get; init; }

    /// <summary>The input shape (batch 1).</summary>
    [JsonPropertyName("input_shape")] public required int[] InputShape { get; init; }

    /// <summary>The largest quantized |input element| the circuit accepts (round(input_range·2^input_scale) rounded up to a power of two).</summary>
    [JsonPropertyName("input_bound")] public required long InputBound { get; init; }

    /// <summary>The output's name.</summary>
    [JsonPropertyName("output_name")] public required string OutputName { get; init; }

    /// <summary>The output shape.</summary>
    [JsonPropertyName("output_shape")] public required int[] OutputShape { get; init; }

    /// <summary>Fractional bits of the output values.</summary>
    [JsonPropertyName("output_scale")] public required int OutputScale { get; init; }

    /// <summary>Signed bits of the output bound.</summary>
    [JsonPropertyName("output_bits")] public required int OutputBits { get; init; }

    /// <summary>Constraints of circuit.r1cs.</summary>
    [JsonPropertyName("constraints")] public required int Constraints { get; init; }

    /// <summary>Wires of circuit.r1cs.</summary>
    [JsonPropertyName("wires")] public required int Wires { get; init; }

    /// <summary>Multiply-accumulates of the product layers.</summary>
    [JsonPropertyName("multiply_accumulates")] public required long MultiplyAccumulates { get; init; }

    /// <summary>The parameter commitment (decimal), the model's identity in the marketplace; null unless parameters are hashed.</summary>
    [JsonPropertyName("param_commitment")] public string? ParamCommitment { get; init; }

    /// <summary>Signed bits of the widest parameter: the packing width of the parameter commitment (0 unless hashed).</summary>
    [JsonPropertyName("param_bits")] public int ParamBits { get; init; }

    /// <summary>How commitments are computed.</summary>
    [JsonPropertyName("commitment_scheme")] public required string CommitmentScheme { get; init; }

    /// <summary>Parameter tensors in commitment order (each quantized at param_scale, row-major).</summary>
    [JsonPropertyName("params")] public required ParamInfo[] Params { get; init; }

    /// <summary>The public signals in public.json order.</summary>
    [JsonPropertyName("public_signals")] public required PublicSignalEntry[] PublicSignals { get; init; }

    /// <summary>Per node: constraints, multiply-accumulates and output bits.</summary>
    [JsonPropertyName("layers")] public required Compiler.LayerReport[] Layers { get; init; }

    /// <summary>Quantization error on the calibration samples, when any were given.</summary>
    [JsonPropertyName("accuracy")] public AccuracyReport? Accuracy { get; init; }

    /// <summary>The entry of the layout with this name, or null.</summary>
    public PublicSignalEntry? Signal(string name) => PublicSignals.FirstOrDefault(e => e.Name == name);

    /// <summary>The record as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CircuitSettingsJson.Default.CircuitSettings);

    /// <summary>Reads settings.json.</summary>
    public static CircuitSettings FromJson(string json, string name = "settings.json")
    {
        try { return JsonSerializer.Deserialize(json, CircuitSettingsJson.Default.CircuitSettings) ?? throw new OnnxException($"{name} is empty"); }
        catch (JsonException e) { throw new OnnxException($"{name} is not valid settings: {e.Message}", e); }
    }
}
