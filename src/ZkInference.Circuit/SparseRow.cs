using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>Which matrix of an R1CS constraint ⟨A,w⟩·⟨B,w⟩ = ⟨C,w⟩ a row belongs to.</summary>
public enum R1csMatrix
{
    /// <summary>The left factor.</summary>
    A = 0,
    /// <summary>The right factor.</summary>
    B = 1,
    /// <summary>The product side.</summary>
    C = 2,
}

/// <summary>One sparse row of A, B or C: parallel spans of wire indices and coefficients (a view, no copy).</summary>
public readonly ref struct SparseRow
{
    /// <summary>The wire index of each term.</summary>
    public ReadOnlySpan<int> Wires { get; }

    /// <summary>The coefficient of each term.</summary>
    public ReadOnlySpan<Fr> Coefficients { get; }

    /// <summary>Wraps the two spans, which must have equal lengths.</summary>
    public SparseRow(ReadOnlySpan<int> wires, ReadOnlySpan<Fr> coefficients)
    {
        if (wires.Length != coefficients.Length) throw new ArgumentException("wires and coefficients differ in length");
        Wires = wires;
        Coefficients = coefficients;
    }

    /// <summary>The number of terms.</summary>
    public int Count => Wires.Length;

    /// <summary>⟨row, witness⟩ = Σ cᵢ·w[wireᵢ].</summary>
    public Fr Evaluate(ReadOnlySpan<Fr> witness) => Internal.Dot.Evaluate(Wires, Coefficients, witness);
}
