using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>
/// Accumulates many terms (e.g. a 1024-wide dot product) and sorts and merges them once, instead of the
/// quadratic cost of repeated <c>+</c>. Free: adds no constraint.
/// </summary>
public sealed class LinearCombinationBuilder
{
    private Term[] _terms;
    private int _count;
    private CircuitBuilder? _builder;

    /// <summary>An empty accumulator with room for <paramref name="capacity"/> terms.</summary>
    public LinearCombinationBuilder(int capacity = 8) => _terms = new Term[Math.Max(1, capacity)];

    /// <summary>Adds k·lc.</summary>
    public LinearCombinationBuilder Add(in LinearCombination lc, in Fr k)
    {
        if (k.IsZero) return this;
        _builder = LinearCombination.CommonBuilder(new LinearCombination(_builder, null), lc);
        foreach (ref readonly Term t in lc.Terms) Push(t.Wire, k.IsOne ? t.Coefficient : t.Coefficient * k);
        return this;
    }

    /// <summary>Adds lc.</summary>
    public LinearCombinationBuilder Add(in LinearCombination lc) => Add(lc, Fr.One);

    /// <summary>Adds k·v.</summary>
    public LinearCombinationBuilder Add(Variable v, in Fr k)
    {
        if (k.IsZero) return this;
        _builder = LinearCombination.CommonBuilder(new LinearCombination(_builder, null), new LinearCombination(v.Builder, null));
        Push(v.Index, k);
        return this;
    }

    /// <summary>Adds v (no allocation).</summary>
    public LinearCombinationBuilder Add(Variable v) => Add(v, Fr.One);

    /// <summary>Adds a constant.</summary>
    public LinearCombinationBuilder AddConstant(in Fr c)
    {
        if (!c.IsZero) Push(0, c);
        return this;
    }

    private void Push(int wire, in Fr c)
    {
        if (_count == _terms.Length) Array.Resize(ref _terms, _terms.Length * 2);
        _terms[_count++] = new Term(wire, c);
    }

    /// <summary>The merged combination (sorted, duplicates summed, zeros dropped). The accumulator is reset.</summary>
    public LinearCombination Build()
    {
        Span<Term> span = _terms.AsSpan(0, _count);
        span.Sort(static (x, y) => x.Wire.CompareTo(y.Wire));
        int n = 0;
        for (int i = 0; i < span.Length;)
        {
            int wire = span[i].Wire;
            Fr sum = span[i].Coefficient;
            int j = i + 1;
            while (j < span.Length && span[j].Wire == wire) { Fr.Add(sum, span[j].Coefficient, out sum); j++; }
            if (!sum.IsZero) span[n++] = new Term(wire, sum);
            i = j;
        }
        var result = new LinearCombination(_builder, span[..n].ToArray());
        _count = 0;
        _builder = null;
        return result;
    }
}
