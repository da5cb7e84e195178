using ZkInference.Field;

namespace ZkInference.Circuit.Internal;

/// <summary>
/// Growable struct-of-arrays storage of constraints: rows 3i, 3i+1, 3i+2 are A, B and C of constraint i,
/// each a run of (wire int, coefficient Fr) in two parallel arrays. No per-term objects.
/// </summary>
internal sealed class ConstraintStore
{
    private GrowArray<int> _rowStart;
    private GrowArray<int> _wires;
    private GrowArray<Fr> _coefficients;

    public ConstraintStore(int constraintCapacity = 16, int termCapacity = 64)
    {
        _rowStart = new GrowArray<int>(3 * constraintCapacity + 1);
        _rowStart.Add(0);
        _wires = new GrowArray<int>(termCapacity);
        _coefficients = new GrowArray<Fr>(termCapacity);
    }

    public int ConstraintCount => (_rowStart.Count - 1) / 3;

    public int TermCount => _wires.Count;

    public int[] RowStart => _rowStart.Items;

    public int[] Wires => _wires.Items;

    public Fr[] Coefficients => _coefficients.Items;

    public void AddTerm(int wire, in Fr coefficient)
    {
        _wires.Add(wire);
        _coefficients.Add(coefficient);
    }

    /// <summary>Closes the current row (A, B or C) after its terms were added.</summary>
    public void EndRow() => _rowStart.Add(_wires.Count);

    public void AddRow(ReadOnlySpan<Term> terms)
    {
        foreach (ref readonly Term t in terms) AddTerm(t.Wire, t.Coefficient);
        EndRow();
    }

    public void Reserve(int constraints, int terms)
    {
        _rowStart.EnsureCapacity(3 * constraints + 1);
        _wires.EnsureCapacity(terms);
        _coefficients.EnsureCapacity(terms);
    }

    /// <summary>Renames every wire w to map[w] in place.</summary>
    public void RenumberWires(ReadOnlySpan<int> map)
    {
        Span<int> wires = _wires.AsSpan();
        for (int i = 0; i < wires.Length; i++) wires[i] = map[wires[i]];
    }

    /// <summary>Shrinks the arrays to their contents, for the long-lived compiled system.</summary>
    public void Trim()
    {
        _rowStart.Trim();
        _wires.Trim();
        _coefficients.Trim();
    }
}
