using System.Numerics;
using System.Security.Cryptography;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Commitment;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Ops;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Compiler;

/// <summary>
/// Lays out a model as one circuit: the input (range-checked to input_range, with its visibility), every node in
/// order, the outputs, the commitments, and the request binding; then derives the public-signal layout.
/// Public outputs, in order: outputs (or their commitment), input commitment, parameter commitment; then public
/// inputs: input (if public), parameters (if public), requestId, server.
/// </summary>
internal static class OnnxCompiler
{
    public static OnnxCircuit Compile(OnnxModel model, CompileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var b = new CircuitBuilder(1 << 12, 1 << 14);
        var ctx = new CompileContext(b, model, settings);

        // The input: k-bit signed range check of every element, |x| < 2^(k−1) ≥ input_range·2^s.
        TensorInfo input = model.Input;
        long inputBound = InputBound(settings);
        int inputBits = QTensor.BitsFor(inputBound - 1);
        Variable[] inputWires = settings.InputVisibility == Visibility.Public ? b.PublicInputs("input", input.Count) : b.PrivateInputs("input", input.Count);
        foreach (Variable v in inputWires) Circuit.Gadgets.Bits.RangeCheck(b, v + Circuit.Gadgets.Bits.Pow2(inputBits - 1), inputBits);
        ctx.Set(input.Name, new QTensor(input.Shape, inputWires.Select(v => (LinearCombination)v).ToArray(), settings.InputScale, inputBound));

        foreach (OnnxNode node in model.Nodes)
        {
            using IDisposable scope = b.Scope($"{node.Index}:{node.OpType}");
            int before = b.ConstraintCount, forced = ctx.ForcedConstraints, reports = ctx.Layers.Count;
            OpRegistry.Get(node).Compile(ctx, node);
            if (ctx.Layers.Count == reports + 1)
                ctx.Layers[^1] = ctx.Layers[^1] with { Constraints = b.ConstraintCount - before, InheritedRescaleConstraints = ctx.ForcedConstraints - forced };
        }

        if (model.Outputs.Count != 1) throw new OnnxException($"the compiler takes exactly one graph output, the model has {model.Outputs.Count}");
        string outputName = model.Outputs[0].Name;
        // A product layer's exact sums may be the output as they are, at their finer scale (output_scale says which).
        QTensor output = ctx.LinearInput(new OnnxNode(-1, "graph output", "Output", [outputName], [], new Dictionary<string, OnnxAttribute>()), 0, QuantGadgets.MaxBits);

        var layout = new List<PublicSignalEntry>();
        int offset = 0;
        void Add(string name, int count, string description) { layout.Add(new PublicSignalEntry(name, offset, count, description)); offset += count; }

        switch (settings.OutputVisibility)
        {
            case Visibility.Public:
                for (int i = 0; i < output.Count; i++) b.PublicOutput($"output[{i}]", output.Values[i]);
                Add("output", output.Count, $"the output [{string.Join(",", output.Shape)}] row-major, each round(y·2^{output.Scale}) as a signed field element (negatives as r − |v|)");
                break;
            case Visibility.Hashed:
                b.PublicOutput("output_commitment", TensorCommitment.Gadget(b, output.Values));
                Add("output_commitment", 1, "Poseidon commitment of the quantized output (commitment_scheme)");
                break;
        }
        if (settings.InputVisibility == Visibility.Hashed)
        {
            b.PublicOutput("input_commitment", TensorCommitment.Gadget(b, inputWires.Select(v => (LinearCombination)v).ToArray()));
            Add("input_commitment", 1, $"Poseidon commitment of the quantized input (round(x·2^{settings.InputScale}) row-major; commitment_scheme)");
        }
        Fr? paramCommitment = null;
        int paramBits = 0;
        if (settings.ParamVisibility == Visibility.Hashed)
        {
            var all = ctx.Params.SelectMany(p => p.Wires!).Select(v => (LinearCombination)v).ToArray();
            long[] values = ctx.Params.SelectMany(p => p.Values).ToArray();
            paramBits = ParamBits(values);
            b.PublicOutput("param_commitment", PackedCommitment.Gadget(b, all, paramBits));
            paramCommitment = PackedCommitment.Hash(values, paramBits);
            Add("param_commitment", 1, $"Poseidon commitment of all parameters (params, in order, each round(w·2^{settings.ParamScale}) row-major, packed at param_bits; commitment_scheme)");
        }
        if (settings.InputVisibility == Visibility.Public) Add("input", input.Count, $"the quantized input round(x·2^{settings.InputScale}) row-major");
        if (settings.ParamVisibility == Visibility.Public) Add("params", ctx.Params.Sum(p => p.Values.Length), "the quantized parameters in params order");
        if (settings.BindRequest)
        {
            // Bound as Tornado Cash binds its recipient: a squaring puts each public input into a constraint.
            Variable requestId = b.PublicInput("requestId"), server = b.PublicInput("server");
            b.MulToVariable(requestId, requestId);
            b.MulToVariable(server, server);
            Add("requestId", 1, "the marketplace request id (public input bound by one squaring constraint)");
            Add("server", 1, "the proving server's address as a field element (public input bound by one squaring constraint)");
        }

        CompiledCircuit circuit = b.Compile();
        var circuitSettings = new CircuitSettings
        {
            RunArgs = settings,
            ModelFile = "model.onnx",
            ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(model.Bytes)),
            InputName = input.Name,
            InputShape = input.Shape,
            InputBound = inputBound,
            OutputName = outputName,
            OutputShape = output.Shape,
            OutputScale = output.Scale,
            OutputBits = output.SignedBits,
            Constraints = circuit.System.ConstraintCount,
            Wires = circuit.System.WireCount,
            MultiplyAccumulates = ctx.Layers.Sum(l => l.MultiplyAccumulates),
            ParamCommitment = paramCommitment?.ToString(),
            ParamBits = paramBits,
            CommitmentScheme = CommitmentSchemeText,
            Params = ctx.Params.Select(p => new ParamInfo(p.Name, p.Shape)).ToArray(),
            PublicSignals = [.. layout],
            Layers = ctx.Layers.Select((l, i) => l with
            {
                DeferredRescaleConstraints = ctx.DeferredRescaleConstraints.GetValueOrDefault(i),
                AbsorbedRoundingConstraints = ctx.AbsorbedRoundingConstraints.GetValueOrDefault(i),
            }).ToArray(),
        };
        if (offset != circuit.System.PublicCount) throw new InvalidOperationException($"layout covers {offset} of {circuit.System.PublicCount} public signals");
        return new OnnxCircuit(model, circuitSettings, circuit, ctx.Params.ToArray());
    }

    /// <summary>round(input_range·2^s) rounded up to a power of two: inputs must satisfy |x_q| &lt; it.</summary>
    public static long InputBound(CompileSettings s)
    {
        double q = Math.Ceiling(Math.ScaleB(s.InputRange, s.InputScale)) + 1;
        if (q > 0x4000_0000_0000_0000) throw new OnnxException($"input_range {s.InputRange} at input_scale {s.InputScale} needs more than 62 bits per input element; lower one of them");
        long bound = 1;
        while (bound < q) bound <<= 1;
        QuantGadgets.CheckBits(QTensor.BitsFor(bound));
        return bound;
    }

    /// <summary>Signed bits holding every parameter: bitlen(max |p|) + 1.</summary>
    public static int ParamBits(long[] values) => QTensor.BitsFor(values.Length == 0 ? 0 : values.Max(v => BigInteger.Abs(v)));

    public const string CommitmentSchemeText =
        "circomlib Poseidon over field elements (signed integers as r - |v|): n <= 16 elements: Poseidon(x0..x(n-1)); " +
        "more: h = Poseidon(x0..x15), then h = Poseidon(h, next up to 15 elements) per chunk; empty: Poseidon(0). " +
        "Input and output: over the quantized elements themselves. Parameters: each p offset to p + 2^(param_bits-1) and packed " +
        "little-endian floor(248/param_bits) per element (sum u_i * 2^(param_bits*i)), then the same chain over the packed elements";
}
