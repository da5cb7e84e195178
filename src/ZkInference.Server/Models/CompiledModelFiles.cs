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
        // R1csFile disposes the stream it writes, so write a temporary file and rename it into place.
        var r1cs = Path.Combine(directory, "circuit.r1cs");
        var temporary = r1cs + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            R1csFile.Write(circuit.Circuit.System, temporary);
            File.Move(temporary, r1cs, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        AtomicFile.WriteText(Path.Combine(directory, "settings.json"), settings.ToJson());
    }
}
