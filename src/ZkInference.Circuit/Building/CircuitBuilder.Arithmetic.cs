using ZkInference.Field;

namespace ZkInference.Circuit;

public sealed partial class CircuitBuilder
{
    /// <summary>
    /// a·b. Cost: 0 constraints when either side is constant (the product folds), otherwise 1 constraint
    /// a·b = t on a new internal wire t, solved as t = ⟨a⟩·⟨b⟩.
    /// </summary>
    public LinearCombination Mul(LinearCombination a, LinearCombination b)
    {
        CheckOwner(a); CheckOwner(b);
        if (a.IsConstant) return b.Scale(a.ConstantTerm);
        if (b.IsConstant) return a.Scale(b.ConstantTerm);
        return MulToVariable(a, b);
    }

    /// <summary>
    /// a·b of two variables as a fresh wire: 1 constraint (0 when either is the constant-one wire). The fast path
    /// for bulk products (matrix multiplications): rows are written directly, nothing is allocated per call.
    /// </summary>
    public Variable Mul(Variable a, Variable b)
    {
        if (!ReferenceEquals(a.Builder, this) || !ReferenceEquals(b.Builder, this)) throw new CircuitException("the variable belongs to a different circuit builder");
        if (a.Index == 0) return b;
        if (b.Index == 0) return a;
        CheckOpen();
        int t = NewWire(WireKind.Internal);
        int index = _store.ConstraintCount;
        _store.AddTerm(a.Index, Fr.One); _store.EndRow();
        _store.AddTerm(b.Index, Fr.One); _store.EndRow();
        _store.AddTerm(t, Fr.One); _store.EndRow();
        _solver.AddSolve(index, t);
        return new Variable(this, t);
    }

    /// <summary>a·b as a fresh wire (1 constraint), also when a side is constant; use to materialize a wire.</summary>
    public Variable MulToVariable(LinearCombination a, LinearCombination b)
    {
        CheckOwner(a); CheckOwner(b);
        int t = NewWire(WireKind.Internal);
        int c = AddConstraint(a, b, new Variable(this, t));
        _solver.AddSolve(c, t);
        return new Variable(this, t);
    }

    /// <summary>
    /// a·b + c as one fresh wire t, with the single constraint a·b = t − c (c on the C side, as circom lays out
    /// <c>t &lt;== a*b + c</c>). Cost: 1 constraint. Cheaper in terms than <c>Mul(a, b) + c</c> when t feeds further products.
    /// </summary>
    public Variable MulAdd(LinearCombination a, LinearCombination b, LinearCombination c)
    {
        CheckOwner(a); CheckOwner(b); CheckOwner(c);
        int t = NewWire(WireKind.Internal);
        int index = AddConstraint(a, b, new Variable(this, t) - c);
        _solver.AddSolve(index, t);
        return new Variable(this, t);
    }

    /// <summary>a². Cost: 1 constraint (0 for a constant).</summary>
    public LinearCombination Square(LinearCombination a) => Mul(a, a);

    /// <summary>
    /// A combination as a single wire. Cost: 0 when it already is a plain variable, otherwise 1 linear constraint.
    /// </summary>
    public Variable ToVariable(LinearCombination value)
    {
        CheckOwner(value);
        if (value.TryGetVariable(out int wire)) return new Variable(this, wire);
        int t = NewWire(WireKind.Internal);
        int c = AddConstraint(default, default, value - new Variable(this, t));
        _solver.AddSolve(c, t);
        return new Variable(this, t);
    }

    /// <summary>
    /// a / b for b ≠ 0: a new wire q with the constraint b·q = a (1 constraint; 0 when b is constant).
    /// When b = 0 the constraint is unsatisfiable unless a = 0, so the circuit then has no valid witness.
    /// </summary>
    public LinearCombination Div(LinearCombination a, LinearCombination b)
    {
        CheckOwner(a); CheckOwner(b);
        if (b.IsConstant)
        {
            if (b.IsZero) throw new CircuitException("division by the constant zero");
            return a.Scale(b.ConstantTerm.Inverse());
        }
        if (a.IsConstant && a.IsZero) return default;
        Variable q = Hint(DivHint, [a, b], 1)[0];
        AddConstraint(b, q, a);
        return q;
    }

    private static readonly HintFunction DivHint = static (inputs, outputs) =>
    {
        Fr.Inverse(inputs[1], out Fr inv);
        Fr.Mul(inputs[0], inv, out outputs[0]);
    };

    /// <summary>
    /// New internal wires whose witness values <paramref name="function"/> computes from the values of
    /// <paramref name="inputs"/>. Cost: 0 constraints — the caller must constrain the outputs.
    /// </summary>
    public Variable[] Hint(HintFunction function, ReadOnlySpan<LinearCombination> inputs, int outputCount)
    {
        CheckOpen();
        ArgumentNullException.ThrowIfNull(function);
        foreach (LinearCombination lc in inputs) CheckOwner(lc);
        var vars = new Variable[outputCount];
        Span<int> wires = outputCount <= 256 ? stackalloc int[outputCount] : new int[outputCount];
        for (int i = 0; i < outputCount; i++)
        {
            wires[i] = NewWire(WireKind.Internal);
            vars[i] = new Variable(this, wires[i]);
        }
        _solver.AddHint(function, inputs, wires);
        return vars;
    }
}
