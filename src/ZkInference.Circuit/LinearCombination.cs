using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>
/// An immutable sparse linear combination Σ cᵢ·wᵢ of wires (wire 0 carries constants). Addition,
/// subtraction and scaling by constants are free (no constraint); multiplying two non-constant
/// combinations adds one constraint through the owning <see cref="CircuitBuilder"/>.
/// </summary>
/// <remarks>Terms are kept sorted by wire with no zero coefficients, so equal combinations have equal terms.
/// For sums of many terms use <see cref="LinearCombinationBuilder"/> (one sort instead of repeated merges).</remarks>
public readonly partial struct LinearCombination
{
    private readonly Term[]? _terms;

    internal LinearCombination(CircuitBuilder? builder, Term[]? sortedTerms)
    {
        Builder = builder;
        _terms = sortedTerms is { Length: 0 } ? null : sortedTerms;
    }

    /// <summary>The builder whose wires this refers to; null for a pure constant.</summary>
    public CircuitBuilder? Builder { get; }

    /// <summary>The zero combination.</summary>
    public static LinearCombination Zero => default;

    /// <summary>The terms, sorted by wire index, without zero coefficients.</summary>
    public ReadOnlySpan<Term> Terms => _terms;

    /// <summary>Whether this is a constant (only wire 0, or nothing).</summary>
    public bool IsConstant => _terms is null || (_terms.Length == 1 && _terms[0].Wire == 0);

    /// <summary>Whether this is zero.</summary>
    public bool IsZero => _terms is null;

    /// <summary>The constant part (coefficient of wire 0).</summary>
    public Fr ConstantTerm => _terms is not null && _terms[0].Wire == 0 ? _terms[0].Coefficient : Fr.Zero;

    /// <summary>A constant combination.</summary>
    public static LinearCombination Constant(in Fr value) => value.IsZero ? default : new(null, [new Term(0, value)]);

    /// <summary>A constant combination.</summary>
    public static implicit operator LinearCombination(Fr value) => Constant(value);

    /// <summary>A constant combination.</summary>
    public static implicit operator LinearCombination(long value) =>
        value is >= -16 and <= 16 ? SmallConstants[value + 16] : Constant(Fr.FromInt64(value));

    // Combinations are immutable, so the small constants are shared instead of allocated per use.
    private static readonly LinearCombination[] SmallConstants = Enumerable.Range(-16, 33).Select(i => Constant(Fr.FromInt64(i))).ToArray();

    /// <summary>The variable with coefficient one.</summary>
    public static implicit operator LinearCombination(Variable v) =>
        new(v.Builder, v.Index == 0 ? [new Term(0, Fr.One)] : [new Term(v.Index, Fr.One)]);

    /// <summary>Whether this is exactly one wire with coefficient one (a plain variable), and which.</summary>
    public bool TryGetVariable(out int wire)
    {
        if (_terms is { Length: 1 } && _terms[0].Wire != 0 && _terms[0].Coefficient.IsOne) { wire = _terms[0].Wire; return true; }
        wire = -1;
        return false;
    }

    /// <summary>⟨this, witness⟩ for a witness indexed by the builder's wire ids.</summary>
    public Fr Evaluate(ReadOnlySpan<Fr> witness)
    {
        Fr acc = Fr.Zero;
        if (_terms is null) return acc;
        foreach (ref readonly Term t in _terms.AsSpan())
        {
            Fr.Mul(t.Coefficient, t.Wire == 0 ? Fr.One : witness[t.Wire], out Fr p);
            Fr.Add(acc, p, out acc);
        }
        return acc;
    }

    /// <summary>This times a constant (free).</summary>
    public LinearCombination Scale(in Fr k)
    {
        if (k.IsZero || _terms is null) return default;
        if (k.IsOne) return this;
        var r = new Term[_terms.Length];
        for (int i = 0; i < r.Length; i++) r[i] = new Term(_terms[i].Wire, ScaleBy(_terms[i].Coefficient, k));
        return new(Builder, r);
    }

    /// <summary>a + k·b with one merge of the sorted terms (free).</summary>
    public static LinearCombination AddScaled(in LinearCombination a, in LinearCombination b, in Fr k)
    {
        CircuitBuilder? builder = CommonBuilder(a, b);
        if (b._terms is null || k.IsZero) return a;
        if (a._terms is null) return b.Scale(k);
        Term[] x = a._terms, y = b._terms;
        var r = new Term[x.Length + y.Length];
        int i = 0, j = 0, n = 0;
        while (i < x.Length || j < y.Length)
        {
            if (j == y.Length || (i < x.Length && x[i].Wire < y[j].Wire)) { r[n++] = x[i++]; continue; }
            Fr ky = ScaleBy(y[j].Coefficient, k);
            if (i == x.Length || y[j].Wire < x[i].Wire) { r[n++] = new Term(y[j].Wire, ky); j++; continue; }
            Fr s = x[i].Coefficient + ky;
            if (!s.IsZero) r[n++] = new Term(x[i].Wire, s);
            i++; j++;
        }
        if (n != r.Length) Array.Resize(ref r, n);
        return new(builder, r);
    }

    // c·k without a multiplication for the common k = ±1 (Fr.Mul is the expensive part of building).
    private static Fr ScaleBy(in Fr c, in Fr k)
    {
        if (k.IsOne) return c;
        if (k == MinusOne) { Fr.Neg(c, out Fr n); return n; }
        Fr.Mul(c, k, out Fr r);
        return r;
    }

    internal static readonly Fr MinusOne = -Fr.One;

    internal static CircuitBuilder? CommonBuilder(in LinearCombination a, in LinearCombination b)
    {
        if (a.Builder is null) return b.Builder;
        if (b.Builder is null || ReferenceEquals(a.Builder, b.Builder)) return a.Builder;
        throw new CircuitException("the two linear combinations belong to different circuit builders");
    }

    /// <summary>A readable form such as "3·w5 + 2·w7 + 1".</summary>
    public override string ToString()
    {
        if (_terms is null) return "0";
        return string.Join(" + ", _terms.Select(t => t.Wire == 0 ? t.Coefficient.ToString() : $"{t.Coefficient}·w{t.Wire}"));
    }
}
