using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using ZkInference.Groth16;
using ZkInference.Onnx;
using ZkInference.Server.Feed;

namespace ZkInference.Server.Models;

/// <summary>
/// Proves inferences of ONNX models compiled by ZkInference.Onnx: the witness binds the request id and the
/// submitting server, then Groth16 proves it with the model's zkey.
/// </summary>
public sealed class OnnxInferenceProver : IInferenceProver
{
    private readonly IReadOnlyDictionary<BigInteger, ServedModel> models;

    /// <summary>Serves the given models, keyed by their market model id.</summary>
    public OnnxInferenceProver(IReadOnlyDictionary<BigInteger, ServedModel> models) => this.models = models;

    /// <summary>
    /// Loads every model under <paramref name="modelsDirectory"/>: one folder per market model id (decimal), each
    /// holding the compiled model and its circuit.zkey.
    /// </summary>
    public static OnnxInferenceProver LoadDirectory(string modelsDirectory)
    {
        if (!Directory.Exists(modelsDirectory)) throw new DirectoryNotFoundException($"models directory {modelsDirectory} does not exist");
        var models = new Dictionary<BigInteger, ServedModel>();
        foreach (var dir in Directory.GetDirectories(modelsDirectory))
        {
            var name = Path.GetFileName(dir);
            if (!BigInteger.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            models[id] = ServedModel.Load(dir);
        }
        if (models.Count == 0) throw new InvalidDataException($"{modelsDirectory} holds no model folders (named by market model id)");
        return new OnnxInferenceProver(models);
    }

    /// <summary>The largest proving domain among the served models (sizes the proofs' working memory).</summary>
    public int LargestDomainSize => models.Values.Max(m => m.Key.DomainSize);

    /// <summary>The model ids served.</summary>
    public IEnumerable<BigInteger> ModelIds => models.Keys;

    /// <inheritdoc />
    public bool Serves(BigInteger modelId) => models.ContainsKey(modelId);

    /// <inheritdoc />
    public BigInteger InputCommitment(BigInteger modelId, string inputJson) =>
        OnnxCircuit.InputCommitment(Model(modelId).Circuit.Settings, inputJson).ToBigInteger();

    /// <inheritdoc />
    public ProvedInference Prove(ServedRequest request, string inputJson, string serverAddress, CancellationToken cancellation)
    {
        var model = Model(request.ModelId);
        var clock = Stopwatch.StartNew();
        var input = InputJson.Parse(inputJson);
        var server = OnnxCircuit.ParseField(serverAddress, "server");
        var witness = model.Circuit.Witness(input, request.RequestId, server);
        cancellation.ThrowIfCancellationRequested();
        var proved = Prover.Prove(model.Key, model.Circuit.Circuit.System, witness);
        clock.Stop();

        var settings = model.Circuit.Settings;
        var entry = settings.Signal("output") ?? throw new OnnxException("the model's outputs are not public signals");
        var signals = proved.PublicSignals.Select(s => s.ToBigInteger()).ToArray();
        var outputs = signals.Skip(entry.Offset).Take(entry.Count).ToArray();
        var decoded = OnnxCircuit.DecodeOutput(settings, signals.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray());
        return new ProvedInference(outputs, proved, OutputJson.Format(decoded, settings.OutputShape), clock.Elapsed);
    }

    private ServedModel Model(BigInteger modelId) =>
        models.TryGetValue(modelId, out var m) ? m : throw new OnnxException($"this server does not serve model {modelId}");
}
