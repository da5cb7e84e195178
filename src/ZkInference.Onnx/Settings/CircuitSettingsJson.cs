using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZkInference.Onnx.Settings;

/// <summary>
/// settings.json's serializer, generated at compile time (no reflection, so it also works in the ahead-of-time
/// compiled zkinfer): indented, snake_case property names and enum values.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(SnakeCaseVisibilityConverter)])]
[JsonSerializable(typeof(CircuitSettings))]
internal sealed partial class CircuitSettingsJson : JsonSerializerContext;

/// <summary><see cref="Visibility"/> as its snake_case name ("hashed", "public", ...).</summary>
internal sealed class SnakeCaseVisibilityConverter() : JsonStringEnumConverter<Visibility>(JsonNamingPolicy.SnakeCaseLower);
