using ZkInference.Groth16;
using ZkInference.Onnx;

namespace ZkInference.Server.Models;

/// <summary>
/// A model as a server holds it: the compiled directory (model.onnx, settings.json, circuit.r1cs, as
/// <c>zkinfer onnx compile</c> writes it) and the proving key (circuit.zkey) whose verifier the market calls.
/// </summary>
public sealed class ServedModel
{
    private ServedModel(string directory, OnnxCircuit circuit, ProvingKey key)
    {
        Directory = directory;
        Circuit = circuit;
        Key = key;
    }

    /// <summary>The model's folder.</summary>
    public string Directory { get; }

    /// <summary>The compiled circuit (recompiled from model.onnx and checked against settings.json).</summary>
    public OnnxCircuit Circuit { get; }

    /// <summary>The proving key.</summary>
    public ProvingKey Key { get; }

    /// <summary>The zkey a folder must hold beside the compiled model.</summary>
    public const string ZkeyFileName = "circuit.zkey";

    /// <summary>Loads a model folder; throws with the reason when something is missing or does not match.</summary>
    public static ServedModel Load(string directory)
    {
        var circuit = OnnxCircuit.Load(directory);
        var zkeyPath = Path.Combine(directory, ZkeyFileName);
        if (!File.Exists(zkeyPath)) throw new OnnxException($"{zkeyPath} does not exist (run zkinfer groth16 setup on circuit.r1cs)");
        var key = ZkeyFile.Read(zkeyPath);
        if (key.PublicCount != circuit.Circuit.System.PublicCount)
            throw new OnnxException($"{zkeyPath} has {key.PublicCount} public signals but the circuit has {circuit.Circuit.System.PublicCount}: it belongs to another circuit");
        return new ServedModel(directory, circuit, key);
    }
}
