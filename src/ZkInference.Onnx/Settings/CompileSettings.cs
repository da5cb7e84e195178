using System.Text.Json.Serialization;

namespace ZkInference.Onnx.Settings;

/// <summary>
/// What the user chooses when compiling a model; the defaults are defined here once (the CLI binds to them).
/// Values are fixed point: a real x is the integer round(x·2^scale).
/// </summary>
public sealed record CompileSettings
{
    /// <summary>The default settings: input scale 2⁷, parameter scale 2⁷, input hashed, output public, parameters hashed, inputs within ±16, request binding on.</summary>
    public static CompileSettings Default { get; } = new();

    /// <summary>Fractional bits of the input and of every activation (default 7).</summary>
    [JsonPropertyName("input_scale")] public int InputScale { get; init; } = 7;

    /// <summary>Fractional bits of the parameters (weights, biases; default 7).</summary>
    [JsonPropertyName("param_scale")] public int ParamScale { get; init; } = 7;

    /// <summary>How the input appears (default hashed: its commitment is public).</summary>
    [JsonPropertyName("input_visibility")] public Visibility InputVisibility { get; init; } = Visibility.Hashed;

    /// <summary>How the output appears (default public).</summary>
    [JsonPropertyName("output_visibility")] public Visibility OutputVisibility { get; init; } = Visibility.Public;

    /// <summary>How the parameters appear (default hashed: the commitment is the model's identity).</summary>
    [JsonPropertyName("param_visibility")] public Visibility ParamVisibility { get; init; } = Visibility.Hashed;

    /// <summary>
    /// The largest |x| an input element may have (default 16). Every input element is range-checked to it, and all
    /// bit widths are derived from it, so any input within it proves. Calibration sets it from sample inputs.
    /// </summary>
    [JsonPropertyName("input_range")] public double InputRange { get; init; } = 16;

    /// <summary>Whether the public inputs requestId and server are bound into the proof (default true).</summary>
    [JsonPropertyName("bind_request")] public bool BindRequest { get; init; } = true;

    /// <summary>Throws <see cref="OnnxException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (InputScale is < 0 or > 24) throw new OnnxException($"input_scale {InputScale} is out of range (0 to 24 fractional bits)");
        if (ParamScale is < 0 or > 24) throw new OnnxException($"param_scale {ParamScale} is out of range (0 to 24 fractional bits)");
        if (InputVisibility == Visibility.Fixed) throw new OnnxException("input_visibility cannot be fixed (only parameters can be constants of the circuit)");
        if (OutputVisibility == Visibility.Fixed) throw new OnnxException("output_visibility cannot be fixed (only parameters can be constants of the circuit)");
        if (!double.IsFinite(InputRange) || InputRange <= 0 || InputRange > 1e12) throw new OnnxException($"input_range {InputRange} must be a positive finite number up to 1e12");
    }
}
