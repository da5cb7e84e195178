using System.Numerics;
using System.Security.Cryptography;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Commitment;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx;

/// <summary>
/// A model compiled to a circuit: the constraint system (write it as circuit.r1cs), the settings record (settings.json)
/// and a witness generator for float inputs, bound to a request id and a server address.
/// </summary>
/// <example><code>
/// OnnxCircuit c = OnnxCircuit.Compile(OnnxModelLoader.Load("model.onnx"), CompileSettings.Default);
/// Fr[] witness = c.Witness(input, requestId: 42, server: serverAddress);   // then Groth16 Prover.Prove(zkey, witness)
/// double[] y = OnnxCircuit.DecodeOutput(c.Settings, publicSignals);
/// </code></example>
public sealed class OnnxCircuit
{
    private readonly ParamTensor[] _params;

    internal OnnxCircuit(OnnxModel model, CircuitSettings settings, CompiledCircuit circuit, ParamTensor[] parameters)
    {
        Model = model; Settings = settings; Circuit = circuit; _params = parameters;
    }

    /// <summary>The loaded model.</summary>
    public OnnxModel Model { get; }

    /// <summary>The settings record (settings.json).</summary>
    public CircuitSettings Settings { get; }

    /// <summary>The compiled circuit (its <see cref="CompiledCircuit.System"/> is circuit.r1cs).</summary>
    public CompiledCircuit Circuit { get; }

    /// <summary>Compiles a loaded model. Throws <see cref="OnnxException"/> for unsupported models or settings that could overflow.</summary>
    public static OnnxCircuit Compile(OnnxModel model, CompileSettings settings) => OnnxCompiler.Compile(model, settings);

    /// <summary>
    /// Recompiles the model kept in a compiled directory (model.onnx + settings.json) and checks that it is the same
    /// circuit (model hash, constraint count, parameter commitment).
    /// </summary>
    public static OnnxCircuit Load(string directory)
    {
        string settingsPath = Path.Combine(directory, "settings.json");
        if (!File.Exists(settingsPath)) throw new OnnxException($"{settingsPath} does not exist (run zkinfer onnx compile first)");
        CircuitSettings saved = CircuitSettings.FromJson(File.ReadAllText(settingsPath), settingsPath);
        string modelPath = Path.Combine(directory, saved.ModelFile);
        OnnxModel model = OnnxModelLoader.Load(modelPath);
        if (Convert.ToHexStringLower(SHA256.HashData(model.Bytes)) != saved.ModelSha256)
            throw new OnnxException($"{modelPath} is not the model settings.json was compiled from (SHA-256 differs)");
        OnnxCircuit c = Compile(model, saved.RunArgs);
        if (c.Settings.Constraints != saved.Constraints || c.Settings.ParamCommitment != saved.ParamCommitment)
            throw new OnnxException($"recompiling {modelPath} gives a different circuit than settings.json records (another compiler version?)");
        return c.With(saved);
    }

    private OnnxCircuit With(CircuitSettings settings) => new(Model, settings, Circuit, _params);

    /// <summary>
    /// Quantizes a float input (row-major, the input's element count): round(x·2^input_scale). Throws
    /// <see cref="OnnxException"/> for a wrong element count, non-finite values or values beyond input_range.
    /// </summary>
    public static long[] QuantizeInput(CircuitSettings settings, ReadOnlySpan<double> input)
    {
        int expected = ConstantTensor.Count(settings.InputShape);
        if (input.Length != expected)
            throw new OnnxException($"the input has {input.Length} elements; the model's input '{settings.InputName}' of shape [{string.Join(",", settings.InputShape)}] has {expected}");
        var q = new long[input.Length];
        for (int i = 0; i < q.Length; i++)
        {
            if (!double.IsFinite(input[i])) throw new OnnxException($"input element {i} is not a finite number ({input[i]})");
            q[i] = Quantizer.Quantize(input[i], settings.RunArgs.InputScale, $"input element {i}");
            if (Math.Abs(q[i]) > settings.InputBound)
                throw new OnnxException($"input element {i} = {input[i]} is outside input_range ±{settings.RunArgs.InputRange} (the circuit range-checks it; recompile with a larger --input-range)");
        }
        return q;
    }

    /// <summary>The input commitment (public signal input_commitment) of a float input, computed off-circuit.</summary>
    public static Fr InputCommitment(CircuitSettings settings, ReadOnlySpan<double> input) =>
        TensorCommitment.Hash(QuantizeInput(settings, input).Select(Fr.FromInt64).ToArray());

    /// <summary>The input commitment of an input JSON document (nested arrays, or {"input": …}), computed off-circuit.</summary>
    public static Fr InputCommitment(CircuitSettings settings, string inputJson) => InputCommitment(settings, InputJson.Parse(inputJson));

    /// <summary>
    /// The witness for a float input, bound to a request and a server (ignored when the settings do not bind them).
    /// Every constraint is checked before returning; throws <see cref="OnnxException"/> for bad inputs.
    /// </summary>
    public Fr[] Witness(ReadOnlySpan<double> input, BigInteger requestId = default, BigInteger server = default)
    {
        long[] q = QuantizeInput(Settings, input);
        CompileSettings s = Settings.RunArgs;
        var pub = new List<Fr>();
        var priv = new List<Fr>();
        (s.InputVisibility == Visibility.Public ? pub : priv).AddRange(q.Select(Fr.FromInt64));
        if (s.ParamVisibility != Visibility.Fixed)
            (s.ParamVisibility == Visibility.Public ? pub : priv).AddRange(_params.SelectMany(p => p.Values).Select(Fr.FromInt64));
        if (s.BindRequest)
        {
            pub.Add(ToField(requestId, "requestId"));
            pub.Add(ToField(server, "server"));
        }
        Fr[] witness = Circuit.Solve(pub.ToArray(), priv.ToArray());
        var check = Circuit.System.Check(witness);
        if (!check.IsSatisfied) throw new OnnxException($"the witness does not satisfy the circuit: {check.Message}");
        return witness;
    }

    /// <summary>The public signals of a witness (public.json order).</summary>
    public Fr[] PublicSignals(ReadOnlySpan<Fr> witness) => CompiledCircuit.PublicSignals(Circuit.System, witness);

    /// <summary>A request id or server address as a field element; it must be below the field modulus.</summary>
    public static Fr ToField(BigInteger value, string what)
    {
        if (value.Sign < 0 || value >= Fr.Modulus) throw new OnnxException($"{what} must be in [0, r) (the BN254 scalar field)");
        return Fr.FromBigInteger(value);
    }

    /// <summary>Parses a request id or server address: decimal, or 0x-prefixed hex (an Ethereum address).</summary>
    public static BigInteger ParseField(string text, string what)
    {
        text = text.Trim();
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? BigInteger.TryParse("0" + text[2..], System.Globalization.NumberStyles.AllowHexSpecifier, null, out BigInteger v)
            : BigInteger.TryParse(text, System.Globalization.NumberStyles.None, null, out v);
        if (!ok || text.Length <= (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0)) throw new OnnxException($"{what} '{text}' is not a decimal or 0x-hex number");
        ToField(v, what);
        return v;
    }

    /// <summary>
    /// The outputs decoded to floats from the public signals (decimal strings, public.json order): each signal of
    /// the layout's output entry read as a signed integer and divided by 2^output_scale. Throws when the outputs are not public.
    /// </summary>
    public static double[] DecodeOutput(CircuitSettings settings, IReadOnlyList<string> publicSignals)
    {
        PublicSignalEntry entry = settings.Signal("output") ?? throw new OnnxException("the outputs are not public signals of this circuit (output_visibility is not public)");
        int total = settings.PublicSignals.Sum(e => e.Count);
        if (publicSignals.Count != total) throw new OnnxException($"expected {total} public signals, got {publicSignals.Count}");
        var y = new double[entry.Count];
        for (int i = 0; i < y.Length; i++)
        {
            if (!BigInteger.TryParse(publicSignals[entry.Offset + i], System.Globalization.NumberStyles.None, null, out BigInteger v) || v >= Fr.Modulus)
                throw new OnnxException($"public signal {entry.Offset + i} is not a field element");
            y[i] = Quantizer.Dequantize(Quantizer.FromField(Fr.FromBigInteger(v)), settings.OutputScale);
        }
        return y;
    }
}
