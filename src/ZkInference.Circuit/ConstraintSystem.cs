using ZkInference.Circuit.Internal;
using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>
/// A rank-1 constraint system over BN254's Fr: constraints ⟨A,w⟩·⟨B,w⟩ = ⟨C,w⟩ on a wire vector w in
/// circom's order (0 = constant one, then public outputs, public inputs, private inputs, internal wires).
/// </summary>
/// <remarks>
/// Rows are stored as struct-of-arrays: one run of (wire <see cref="int"/>, coefficient <see cref="Fr"/>)
/// per row of A, B and C, about 36 bytes per term plus 12 bytes per constraint. Read rows with
/// <see cref="Row"/>, <see cref="A"/>, <see cref="B"/>, <see cref="C"/>.
/// </remarks>
public sealed partial class ConstraintSystem
{
    private readonly ConstraintStore _store;

    internal ConstraintSystem(ConstraintStore store, int wireCount, int publicOutputs, int publicInputs, int privateInputs)
    {
        if (publicOutputs < 0 || publicInputs < 0 || privateInputs < 0 || 1L + publicOutputs + publicInputs + privateInputs > wireCount)
            throw new CircuitException($"wire counts are inconsistent: {wireCount} wires, {publicOutputs} outputs, {publicInputs} public inputs, {privateInputs} private inputs");
        _store = store;
        WireCount = wireCount;
        PublicOutputCount = publicOutputs;
        PublicInputCount = publicInputs;
        PrivateInputCount = privateInputs;
        LabelCount = wireCount;
    }

    internal ConstraintStore Store => _store;

    /// <summary>The number of wires, the constant-one wire included.</summary>
    public int WireCount { get; }

    /// <summary>The number of public outputs (wires 1 ..).</summary>
    public int PublicOutputCount { get; }

    /// <summary>The number of public inputs (after the outputs).</summary>
    public int PublicInputCount { get; }

    /// <summary>The number of private inputs (after the public inputs).</summary>
    public int PrivateInputCount { get; }

    /// <summary>Public signals: outputs plus public inputs (snarkjs's nPublic).</summary>
    public int PublicCount => PublicOutputCount + PublicInputCount;

    /// <summary>The number of internal wires (neither constant nor input nor output).</summary>
    public int InternalCount => WireCount - 1 - PublicCount - PrivateInputCount;

    /// <summary>The number of constraints.</summary>
    public int ConstraintCount => _store.ConstraintCount;

    /// <summary>The total number of non-zero terms over A, B and C.</summary>
    public long TermCount => _store.TermCount;

    /// <summary>The number of labels (circom's nLabels): signals before simplification; equals <see cref="WireCount"/> unless a map says otherwise.</summary>
    public long LabelCount { get; internal set; }

    /// <summary>For each wire, its label id (the .r1cs wire-to-label map); null means wire i has label i.</summary>
    public long[]? WireLabels { get; internal set; }

    /// <summary>Names of named wires (inputs, outputs), by wire index.</summary>
    public IReadOnlyDictionary<int, string> WireNames { get; internal set; } = new Dictionary<int, string>();

    private Dictionary<string, int>? _wireByName;

    /// <summary>Named runs of consecutive wires (input arrays such as x[0..n)), stored once per array.</summary>
    public IReadOnlyList<WireArray> WireArrays { get; internal set; } = [];

    /// <summary>The name of a wire ("x", "w[17]"), or null for an unnamed wire.</summary>
    public string? NameOf(int wire)
    {
        if (WireNames.TryGetValue(wire, out string? name)) return name;
        foreach (WireArray a in WireArrays)
            if (wire >= a.FirstWire && wire < a.FirstWire + a.Count) return $"{a.Name}[{wire - a.FirstWire}]";
        return null;
    }

    /// <summary>The wire named <paramref name="name"/> ("x" or "w[17]"), if any.</summary>
    public bool TryGetWire(string name, out int wire)
    {
        _wireByName ??= WireNames.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        if (_wireByName.TryGetValue(name, out wire)) return true;
        int open = name.LastIndexOf('[');
        if (open > 0 && name.EndsWith(']') && int.TryParse(name.AsSpan(open + 1, name.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
        {
            string array = name[..open];
            foreach (WireArray a in WireArrays)
                if (a.Name == array && index < a.Count) { wire = a.FirstWire + index; return true; }
        }
        wire = -1;
        return false;
    }

    /// <summary>Debug labels of constraints, when the builder recorded them.</summary>
    public ConstraintLabels Labels { get; internal set; } = ConstraintLabels.Empty;

    /// <summary>Whether the file this came from declared circom custom gates (they are carried as a flag only).</summary>
    public bool UsesCustomGates { get; internal set; }

    /// <summary>The kind of wire <paramref name="wire"/>, from its position.</summary>
    public WireKind KindOf(int wire)
    {
        if ((uint)wire >= (uint)WireCount) throw new ArgumentOutOfRangeException(nameof(wire));
        if (wire == 0) return WireKind.One;
        if (wire <= PublicOutputCount) return WireKind.PublicOutput;
        if (wire <= PublicCount) return WireKind.PublicInput;
        if (wire <= PublicCount + PrivateInputCount) return WireKind.PrivateInput;
        return WireKind.Internal;
    }

    /// <summary>The label id of a wire (identity unless a wire-to-label map is present).</summary>
    public long LabelOf(int wire) => WireLabels is null ? wire : WireLabels[wire];

    /// <summary>Row <paramref name="matrix"/> of constraint <paramref name="constraint"/>.</summary>
    public SparseRow Row(R1csMatrix matrix, int constraint)
    {
        if ((uint)constraint >= (uint)ConstraintCount) throw new ArgumentOutOfRangeException(nameof(constraint));
        int row = 3 * constraint + (int)matrix;
        int start = _store.RowStart[row], end = _store.RowStart[row + 1];
        return new SparseRow(_store.Wires.AsSpan(start, end - start), _store.Coefficients.AsSpan(start, end - start));
    }

    /// <summary>Row A of a constraint.</summary>
    public SparseRow A(int constraint) => Row(R1csMatrix.A, constraint);

    /// <summary>Row B of a constraint.</summary>
    public SparseRow B(int constraint) => Row(R1csMatrix.B, constraint);

    /// <summary>Row C of a constraint.</summary>
    public SparseRow C(int constraint) => Row(R1csMatrix.C, constraint);

    /// <summary>
    /// Bulk access for provers: row r = 3·constraint + matrix (A = 0, B = 1, C = 2) holds the terms
    /// RowStarts[r] .. RowStarts[r + 1] − 1 of <see cref="TermWires"/> and <see cref="TermCoefficients"/>.
    /// </summary>
    public ReadOnlySpan<int> RowStarts => _store.RowStart.AsSpan(0, 3 * ConstraintCount + 1);

    /// <summary>The wire of every term, row after row (see <see cref="RowStarts"/>).</summary>
    public ReadOnlySpan<int> TermWires => _store.Wires.AsSpan(0, _store.TermCount);

    /// <summary>The coefficient of every term, row after row (see <see cref="RowStarts"/>).</summary>
    public ReadOnlySpan<Fr> TermCoefficients => _store.Coefficients.AsSpan(0, _store.TermCount);

    /// <summary>A short description of a constraint for error messages: its index and labels.</summary>
    public string Describe(int constraint)
    {
        string? label = Labels.Describe(constraint);
        return label is null ? $"constraint #{constraint}" : $"constraint #{constraint} ({label})";
    }

    /// <summary>
    /// A copy with linear constraints removed by substitution (circom's --O2), never eliminating public or input
    /// wires. <paramref name="keptWires"/>[i] is the wire of this system that wire i of the result stands for; a
    /// witness of this system projects onto the result by taking those entries.
    /// </summary>
    public ConstraintSystem SimplifyLinear(out int[] keptWires)
    {
        (ConstraintSystem result, keptWires) = Simplification.LinearSimplifier.Simplify(this);
        return result;
    }

    /// <summary>Approximate bytes held by the constraint arrays (for benchmarks).</summary>
    public long StorageBytes =>
        (long)_store.RowStart.Length * sizeof(int) + (long)_store.Wires.Length * sizeof(int) + (long)_store.Coefficients.Length * Fr.SizeInBytes;
}
