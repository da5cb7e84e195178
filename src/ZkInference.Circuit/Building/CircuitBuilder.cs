using ZkInference.Circuit.Internal;
using ZkInference.Circuit.Solving;
using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>
/// Builds a constraint system and, at the same time, the list of steps that solve its witness.
/// Linear operations are free; <see cref="Mul(LinearCombination, LinearCombination)"/> of two non-constant combinations adds one constraint;
/// constants fold. <see cref="Compile"/> renumbers wires into circom order and returns a
/// <see cref="CompiledCircuit"/> that computes witnesses for many inputs without rebuilding.
/// </summary>
/// <example><code>
/// var b = new CircuitBuilder();
/// Variable x = b.PublicInput("x"), w = b.PrivateInput("w");
/// b.PublicOutput("y", x * w + 3);       // one constraint
/// CompiledCircuit c = b.Compile();
/// Fr[] witness = c.Solve(new Dictionary&lt;string, Fr&gt; { ["x"] = Fr.FromUInt64(2), ["w"] = Fr.FromUInt64(5) });
/// </code></example>
public sealed partial class CircuitBuilder
{
    private GrowArray<WireKind> _kinds;
    private readonly ConstraintStore _store;
    private readonly WitnessSolver _solver;
    private readonly List<int> _outputs = [], _publicInputs = [], _privateInputs = [];
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly List<WireArray> _arrays = [];
    private bool _compiled;

    /// <summary>A builder holding only the constant-one wire.</summary>
    public CircuitBuilder() : this(64, 256) { }

    /// <summary>
    /// A builder with room reserved for about <paramref name="constraints"/> constraints and <paramref name="terms"/>
    /// non-zero terms, so large circuits grow without repeated copying. The sizes are hints, not limits.
    /// </summary>
    public CircuitBuilder(int constraints, int terms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(constraints);
        ArgumentOutOfRangeException.ThrowIfNegative(terms);
        _store = new ConstraintStore(Math.Max(1, constraints), Math.Max(4, terms));
        _kinds = new GrowArray<WireKind>(Math.Max(4, constraints + 1));
        _solver = new WitnessSolver(Math.Max(1, constraints));
        _kinds.Add(WireKind.One);
    }

    /// <summary>The constant-one wire.</summary>
    public Variable One => new(this, 0);

    /// <summary>Wires so far, the constant included.</summary>
    public int WireCount => _kinds.Count;

    /// <summary>Constraints so far.</summary>
    public int ConstraintCount => _store.ConstraintCount;

    /// <summary>Declares a public input (a public signal after the outputs).</summary>
    public Variable PublicInput(string name) => Declare(name, WireKind.PublicInput, _publicInputs);

    /// <summary>Declares a private input.</summary>
    public Variable PrivateInput(string name) => Declare(name, WireKind.PrivateInput, _privateInputs);

    /// <summary>Declares <paramref name="count"/> private inputs named name[0], name[1], … (one name entry, not one per element).</summary>
    public Variable[] PrivateInputs(string name, int count) => DeclareArray(name, count, WireKind.PrivateInput, _privateInputs);

    /// <summary>Declares <paramref name="count"/> public inputs named name[0], name[1], … (one name entry, not one per element).</summary>
    public Variable[] PublicInputs(string name, int count) => DeclareArray(name, count, WireKind.PublicInput, _publicInputs);

    private Variable[] DeclareArray(string name, int count, WireKind kind, List<int> list)
    {
        CheckOpen();
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_names.ContainsKey(name) || _arrays.Any(a => a.Name == name)) throw new CircuitException($"the name '{name}' is already used by another wire");
        var vars = new Variable[count];
        for (int i = 0; i < count; i++)
        {
            int id = NewWire(kind);
            list.Add(id);
            vars[i] = new Variable(this, id);
        }
        if (count > 0) _arrays.Add(new WireArray(name, vars[0].Index, count));
        return vars;
    }

    /// <summary>
    /// Makes <paramref name="value"/> a public output. Free when it is a plain internal wire (the wire becomes the
    /// output); otherwise one linear constraint out = value.
    /// </summary>
    public Variable PublicOutput(string name, LinearCombination value)
    {
        CheckOpen();
        CheckOwner(value);
        if (value.TryGetVariable(out int wire) && _kinds[wire] == WireKind.Internal)
        {
            AddName(name, wire);
            _kinds[wire] = WireKind.PublicOutput;
            _outputs.Add(wire);
            return new Variable(this, wire);
        }
        Variable output = Declare(name, WireKind.PublicOutput, _outputs);
        int c = AddConstraint(default, default, value - output);
        _solver.AddSolve(c, output.Index);
        return output;
    }

    /// <summary>Names a wire for debugging and witness lookup (inputs and outputs are named when declared).</summary>
    public void Name(Variable v, string name) { CheckOwner(v); AddName(name, v.Index); }

    private Variable Declare(string name, WireKind kind, List<int> list)
    {
        CheckOpen();
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_names.ContainsKey(name) || _arrays.Any(a => a.Name == name)) throw new CircuitException($"the name '{name}' is already used by another wire");
        int id = NewWire(kind);
        AddName(name, id);
        list.Add(id);
        return new Variable(this, id);
    }

    private void AddName(string name, int wire)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.TryAdd(name, wire)) throw new CircuitException($"the name '{name}' is already used by another wire");
    }

    internal int NewWire(WireKind kind)
    {
        _kinds.Add(kind);
        return _kinds.Count - 1;
    }

    /// <summary>Adds the raw constraint a·b = c and returns its index. No witness step is added.</summary>
    internal int AddConstraint(in LinearCombination a, in LinearCombination b, in LinearCombination c, string? label = null)
    {
        CheckOpen();
        int index = _store.ConstraintCount;
        _store.AddRow(a.Terms);
        _store.AddRow(b.Terms);
        _store.AddRow(c.Terms);
        if (label is not null) _explicitLabels[index] = label;
        return index;
    }

    internal void CheckOwner(in LinearCombination lc)
    {
        if (lc.Builder is not null && !ReferenceEquals(lc.Builder, this))
            throw new CircuitException("the linear combination belongs to a different circuit builder");
    }

    internal void CheckOpen()
    {
        if (_compiled) throw new CircuitException("the builder was compiled; start a new builder for a new circuit");
    }

    internal WireKind KindOf(int wire) => _kinds[wire];
}
