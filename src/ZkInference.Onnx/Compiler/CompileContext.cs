using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx.Compiler;

/// <summary>The state of one compilation: the builder, computed tensors by name, parameters in commitment order.</summary>
internal sealed class CompileContext(CircuitBuilder builder, OnnxModel model, CompileSettings settings)
{
    private readonly Dictionary<string, QTensor> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QTensor> _params = new(StringComparer.Ordinal);

    public CircuitBuilder B { get; } = builder;
    public OnnxModel Model { get; } = model;
    public CompileSettings Settings { get; } = settings;
    public List<ParamTensor> Params { get; } = [];
    public List<LayerReport> Layers { get; } = [];

    /// <summary>The scale of activations (the input scale): product layers rescale back to it.</summary>
    public int ActScale => Settings.InputScale;

    public void Set(string name, QTensor t) => _values[name] = t;

    public bool HasInput(OnnxNode node, int i) => i < node.Inputs.Length && node.Inputs[i].Length > 0;

    public bool IsConstant(OnnxNode node, int i) => HasInput(node, i) && !_values.ContainsKey(node.Inputs[i]) && Model.Constants.ContainsKey(node.Inputs[i]);

    /// <summary>Constraints of deferred rescales, by the layer report index of the product layer they belong to.</summary>
    public Dictionary<int, int> DeferredRescaleConstraints { get; } = [];

    /// <summary>
    /// Remainder bits of product layers' roundings decomposed inside a later function's clamp (<see cref="RescaleClamp"/>),
    /// by the layer report index of the product layer: the marginal cost of taking the wide accumulator-scale input.
    /// </summary>
    public Dictionary<int, int> AbsorbedRoundingConstraints { get; } = [];

    /// <summary>Charges <paramref name="bits"/> remainder bits of <paramref name="t"/>'s pending rounding, decomposed by a function's clamp, to its product layer.</summary>
    public void ChargeAbsorbedRounding(QTensor t, int bits)
    {
        if (t.Pending is { Producer: >= 0 } p && bits > 0) AbsorbedRoundingConstraints[p.Producer] = AbsorbedRoundingConstraints.GetValueOrDefault(p.Producer) + bits;
    }

    /// <summary>All constraints laid out so far for pending rescales (and their ReLUs), wherever they belong.</summary>
    public int ForcedConstraints { get; private set; }

    /// <summary>A numeric input: a computed tensor (a pending rescale laid out now, once per name), or a constant turned into a parameter.</summary>
    public QTensor Tensor(OnnxNode node, int i)
    {
        QTensor t = Peek(node, i);
        if (t.Pending is null) return t;
        QTensor forced = Force(t);
        _values[node.Inputs[i]] = forced;
        return forced;
    }

    /// <summary>A numeric input as it is, possibly with a pending rescale (for ops that carry one).</summary>
    public QTensor Peek(OnnxNode node, int i)
    {
        if (!HasInput(node, i)) throw node.Error($"input {i} is missing");
        string name = node.Inputs[i];
        if (_values.TryGetValue(name, out QTensor? t)) return t;
        if (Model.Constants.ContainsKey(name)) return Param(node, i);
        throw node.Error($"input '{name}' is neither computed before this node nor a constant");
    }

    /// <summary>
    /// An input of a linear layer (products, sums): a pending rescale without a ReLU is absorbed (the layer's own
    /// rescale covers it, exactly) while the values stay within <paramref name="maxBits"/> signed bits; otherwise as
    /// <see cref="Tensor"/>.
    /// </summary>
    public QTensor LinearInput(OnnxNode node, int i, int maxBits = 64)
    {
        QTensor t = Peek(node, i);
        if (t.Pending is { Relu: false } && t.SignedBits <= maxBits) return new QTensor(t.Shape, t.Values, t.Scale, t.Bound);
        return Tensor(node, i);
    }

    /// <summary>
    /// Lays out a pending rescale (and ReLU). With a ReLU the rescale's decomposition is the ReLU's sign
    /// decomposition, so only its remainder check (shift bits per element) is the rescale's own cost; without one, all of it.
    /// </summary>
    public QTensor Force(QTensor t)
    {
        if (t.Pending is not PendingRescale p) return t;
        int before = B.ConstraintCount;
        QTensor r = RescaleTo(new QTensor(t.Shape, t.Values, t.Scale, t.Bound), p.TargetScale);
        int own = B.ConstraintCount - before;
        if (p.Relu)
        {
            own = Math.Max(0, t.Scale - p.TargetScale) * t.Values.Count(v => !v.IsConstant); // constants round for free
            var values = new LinearCombination[r.Count];
            for (int k = 0; k < r.Count; k++)
            {
                LinearCombination sign = r.NonNegative?[k] ?? QuantGadgets.IsNonNegative(B, r.Values[k], r.Bound);
                values[k] = B.Mul(sign, r.Values[k]);
            }
            r = new QTensor(r.Shape, values, r.Scale, r.Bound);
        }
        if (p.Producer >= 0) DeferredRescaleConstraints[p.Producer] = DeferredRescaleConstraints.GetValueOrDefault(p.Producer) + own;
        ForcedConstraints += B.ConstraintCount - before;
        return r;
    }

    /// <summary>A constant input read at compile time (shapes, axes, indices, pads, clip bounds).</summary>
    public ConstantTensor Constant(OnnxNode node, int i)
    {
        if (!HasInput(node, i)) throw node.Error($"input {i} is missing");
        return Model.Constants.TryGetValue(node.Inputs[i], out ConstantTensor? c) ? c
            : throw node.Error($"input '{node.Inputs[i]}' must be a constant (it is computed from the model input)");
    }

    /// <summary>A constant input as a parameter at the parameter scale, with the settings' visibility (once per name).</summary>
    public QTensor Param(OnnxNode node, int i) => Param(Constant(node, i));

    /// <summary>Values as a parameter tensor (derived parameters, such as folded batch-norm factors, included).</summary>
    public QTensor Param(ConstantTensor c)
    {
        if (_params.TryGetValue(c.Name, out QTensor? cached)) return cached;
        int scale = Settings.ParamScale;
        long[] q = c.Data.Select(v => Quantizer.Quantize(v, scale, $"parameter '{c.Name}'")).ToArray();
        BigInteger bound = q.Length == 0 ? 0 : q.Max(v => BigInteger.Abs(v));
        Variable[]? wires = Settings.ParamVisibility switch
        {
            Visibility.Fixed => null,
            Visibility.Public => B.PublicInputs($"param{Params.Count}", q.Length),
            _ => B.PrivateInputs($"param{Params.Count}", q.Length),
        };
        // Hashed and fixed parameters are pinned to the model's values (by the commitment or the circuit), so bounds
        // may use them; public and private ones could be anything, so they are range-checked to the model's bound.
        bool pinned = Settings.ParamVisibility is Visibility.Hashed or Visibility.Fixed;
        var values = new LinearCombination[q.Length];
        // A pinned parameter that quantizes to 0 is used as the constant 0 (its wire is still committed): as for a
        // weight of 0, which costs no product, the value is the model's, so a bias of 0 adds nothing and a sum of
        // such terms stays a constant that later ops fold (a dead neuron's activation costs nothing).
        for (int k = 0; k < q.Length; k++) values[k] = wires is null || (pinned && q[k] == 0) ? Fr.FromInt64(q[k]) : wires[k];
        Params.Add(new ParamTensor(c.Name, c.Shape, q, wires));
        if (!pinned)
            foreach (Variable v in wires!) Circuit.Gadgets.Bits.RangeCheck(B, v + Circuit.Gadgets.Bits.Pow2(QTensor.BitsFor(bound) - 1), QTensor.BitsFor(bound));
        if (!pinned) bound = (BigInteger.One << (QTensor.BitsFor(bound) - 1));
        var t = new QTensor(c.Shape, values, scale, bound) { Known = pinned ? q : null };
        _params[c.Name] = t;
        return t;
    }

    /// <summary>Rescales every element to <paramref name="scale"/> (no-op when already there), with sign bits for free.</summary>
    public QTensor RescaleTo(QTensor t, int scale)
    {
        int shift = t.Scale - scale;
        if (shift < 0) return ScaleUp(t, scale);
        if (shift == 0) return t;
        var values = new LinearCombination[t.Count];
        var signs = new LinearCombination[t.Count];
        BigInteger bound = 0;
        for (int i = 0; i < t.Count; i++)
        {
            var (q, s, qb) = QuantGadgets.Rescale(B, t.Values[i], t.Bound, shift);
            values[i] = q; signs[i] = s;
            if (qb > bound) bound = qb;
        }
        return new QTensor(t.Shape, values, scale, bound) { NonNegative = signs };
    }

    /// <summary>Multiplies by 2^(scale − t.Scale) (free).</summary>
    public QTensor ScaleUp(QTensor t, int scale)
    {
        int shift = scale - t.Scale;
        if (shift <= 0) return t;
        Fr k = Circuit.Gadgets.Bits.Pow2(shift);
        var bound = t.Bound << shift;
        QuantGadgets.CheckBits(QTensor.BitsFor(bound));
        return new QTensor(t.Shape, t.Values.Select(v => v.Scale(k)).ToArray(), scale, bound) { NonNegative = t.NonNegative };
    }

    /// <summary>
    /// The most matrix entries inlining one combination into the products it takes part in may add before it is
    /// materialized instead. An entry costs the prover about one field product; a constraint and a wire (FFT rows and
    /// MSM points) cost it thousands, so short combinations are inlined and only long, much reused ones are materialized.
    /// </summary>
    public const int InlineEntries = 64;

    /// <summary>
    /// Makes an element that is a combination a single wire (1 linear constraint each) when it takes part in
    /// <paramref name="uses"/> products and inlining it would add more than <see cref="InlineEntries"/> entries
    /// (terms − 1 per use); short ones (a 2×2 average of four wires used by ten products, a scaled wire) stay inline:
    /// a product of a combination and a wire is one constraint either way.
    /// </summary>
    public QTensor Materialize(QTensor t, int uses = int.MaxValue)
    {
        bool Keep(LinearCombination v) => v.IsConstant || v.TryGetVariable(out _) || (long)(v.Terms.Length - 1) * uses <= InlineEntries;
        if (t.Values.All(Keep)) return t;
        var values = t.Values.Select(v => Keep(v) ? v : (LinearCombination)B.ToVariable(v)).ToArray();
        return new QTensor(t.Shape, values, t.Scale, t.Bound) { NonNegative = t.NonNegative };
    }

    public void Check(QTensor t, OnnxNode node)
    {
        int bits = t.SignedBits;
        if (bits > QuantGadgets.MaxBits)
            throw node.Error($"its values need {bits} bits, more than the {QuantGadgets.MaxBits} the field allows without wrap-around; lower input_scale, param_scale or input_range");
    }
}

/// <summary>What one node cost: for the compile report and the benchmarks.</summary>
/// <param name="Node">The node's description.</param>
/// <param name="OpType">The op.</param>
/// <param name="Constraints">Constraints the node added (pending rescales it had to lay out included).</param>
/// <param name="MultiplyAccumulates">Multiply-accumulates of a product layer (0 for others).</param>
/// <param name="ProductConstraints">Constraints spent on the products themselves (before rescaling).</param>
/// <param name="OutputBits">Signed bits of the node's output bound.</param>
/// <param name="DeferredRescaleConstraints">
/// For a product layer whose rescale was deferred past a ReLU, pool or reshape and laid out by a later node: that
/// rescale's own constraints (counted in the later node's <paramref name="Constraints"/> too). With a ReLU, only the
/// remainder range check (shift bits per element): the quotient's decomposition doubles as the ReLU's sign.
/// </param>
/// <param name="InheritedRescaleConstraints">Constraints this node laid out for earlier layers' pending rescales (and ReLUs); included in <paramref name="Constraints"/>.</param>
/// <param name="AbsorbedRoundingConstraints">
/// For a product layer whose rounding a Sigmoid, Tanh, Exp or Softmax took into its clamp's decomposition: the
/// remainder bits decomposed there (shift bits per non-constant rounded value, and per comparison of a Softmax's max
/// of the exact sums), counted in that node's <paramref name="Constraints"/> too. A function given an already rounded
/// input would not need them, so the benchmarks count them with the product layer, as a ReLU's remainder check.
/// </param>
public sealed record LayerReport(string Node, string OpType, int Constraints, long MultiplyAccumulates, int ProductConstraints, int OutputBits, int DeferredRescaleConstraints = 0, int InheritedRescaleConstraints = 0, int AbsorbedRoundingConstraints = 0);
