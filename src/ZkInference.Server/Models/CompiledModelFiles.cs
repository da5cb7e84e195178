using ZkInference.Circuit.Formats;
using ZkInference.Groth16.Formats;
using ZkInference.Onnx;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Server.Models;

/// <summary>
/// Writes the folder <c>zkinfer onnx compile</c> writes and a served model reads: model.onnx (kept so the circuit
/// can be rebuilt and checked), circuit.r1cs and settings.json, each atomically.
/// </summary>
public static class CompiledModelFiles
{
    /// <summary>Writes a compiled model to <paramref name="directory"/> (created when missing).</summary>
    public static void Write(string directory, OnnxModel model, OnnxCircuit circuit, CircuitSettings settings)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.Write(Path.Combine(directory, "model.onnx"), s => s.Write(model.Bytes));
        AtomicFile.Write(Path.Combine(directory, "circuit.r1cs"), s => R1csFile.Write(circuit.Circuit.System, s, leaveOpen: true));
        AtomicFile.WriteText(Path.Combine(directory, "settings.json"), settings.ToJson());
    }
}
