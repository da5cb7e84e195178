namespace ZkInference.Circuit;

/// <summary>
/// A wire of a circuit under construction. Converts implicitly to a <see cref="LinearCombination"/>;
/// the operators are those of linear combinations (products of two variables cost one constraint).
/// </summary>
/// <remarks>The index is the builder's wire id; after <see cref="CircuitBuilder.Compile"/> wires are renumbered
/// into circom order: map it with <see cref="CompiledCircuit.WireOf(Variable)"/>.</remarks>
public readonly record struct Variable
{
    internal Variable(CircuitBuilder builder, int index) { Builder = builder; Index = index; }

    /// <summary>The owning builder.</summary>
    public CircuitBuilder Builder { get; }

    /// <summary>The builder's wire id.</summary>
    public int Index { get; }

    /// <summary>Sum (free).</summary>
    public static LinearCombination operator +(Variable a, Variable b) => (LinearCombination)a + b;
    /// <summary>Sum (free).</summary>
    public static LinearCombination operator +(Variable a, LinearCombination b) => (LinearCombination)a + b;
    /// <summary>Sum (free).</summary>
    public static LinearCombination operator +(LinearCombination a, Variable b) => a + (LinearCombination)b;
    /// <summary>Difference (free).</summary>
    public static LinearCombination operator -(Variable a, Variable b) => (LinearCombination)a - b;
    /// <summary>Difference (free).</summary>
    public static LinearCombination operator -(Variable a, LinearCombination b) => (LinearCombination)a - b;
    /// <summary>Difference (free).</summary>
    public static LinearCombination operator -(LinearCombination a, Variable b) => a - (LinearCombination)b;
    /// <summary>Negation (free).</summary>
    public static LinearCombination operator -(Variable a) => -(LinearCombination)a;
    /// <summary>Product: one constraint unless a side is constant.</summary>
    public static LinearCombination operator *(Variable a, Variable b) => a.Builder.Mul(a, b);
    /// <summary>Product: one constraint unless a side is constant.</summary>
    public static LinearCombination operator *(Variable a, LinearCombination b) => (LinearCombination)a * b;
    /// <summary>Product: one constraint unless a side is constant.</summary>
    public static LinearCombination operator *(LinearCombination a, Variable b) => a * (LinearCombination)b;

    /// <summary>"w{index}".</summary>
    public override string ToString() => $"w{Index}";
}
