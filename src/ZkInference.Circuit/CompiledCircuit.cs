using ZkInference.Circuit.Solving;
using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>
/// A constraint system plus its compiled witness solver: compute witnesses for many inputs without
/// rebuilding constraints. Witnesses are <see cref="Fr"/> arrays indexed by wire in circom order.
/// </summary>
public sealed class CompiledCircuit
{
    private readonly WitnessSolver _solver;
    private readonly int[] _builderToWire;
    // After simplification: the system the solver runs on, and for each wire of System its wire there.
    private readonly ConstraintSystem _solveSystem;
    private readonly int[]? _keptWires;

    internal CompiledCircuit(ConstraintSystem system, WitnessSolver solver, int[] builderToWire,
        ConstraintSystem? solveSystem = null, int[]? keptWires = null)
    {
        System = system;
        _solver = solver;
        _builderToWire = builderToWire;
        _solveSystem = solveSystem ?? system;
        _keptWires = keptWires;
    }

    /// <summary>
    /// The same circuit with its linear constraints removed by substitution (circom's --O2): internal wires
    /// defined by linear constraints disappear; public and input wires stay. Witnesses are still solved on the
    /// full system and then projected onto the remaining wires; <see cref="WireOf(Variable)"/> refers to the
    /// unsimplified numbering.
    /// </summary>
    public CompiledCircuit Simplify()
    {
        var (simplified, kept) = Simplification.LinearSimplifier.Simplify(_keptWires is null ? System : throw new CircuitException("the circuit is already simplified"));
        return new CompiledCircuit(simplified, _solver, _builderToWire, System, kept);
    }

    private Fr[] Finish(Fr[] full)
    {
        _solver.Run(_solveSystem, full);
        if (_keptWires is null) return full;
        var w = new Fr[_keptWires.Length];
        for (int i = 0; i < w.Length; i++) w[i] = full[_keptWires[i]];
        return w;
    }

    /// <summary>The constraint system (circom wire order).</summary>
    public ConstraintSystem System { get; }

    /// <summary>The number of witness-solving steps (constraint solves and hint calls).</summary>
    public int SolveStepCount => _solver.StepCount;

    /// <summary>Approximate bytes held by the constraints and the solver (not the witness).</summary>
    public long StorageBytes => System.StorageBytes + _solver.StorageBytes + (long)_builderToWire.Length * sizeof(int);

    /// <summary>The compiled wire index of a builder variable.</summary>
    public int WireOf(Variable v) => _builderToWire[v.Index];

    /// <summary>The wire index of a named input or output.</summary>
    public int WireOf(string name) =>
        System.TryGetWire(name, out int wire) ? wire : throw new CircuitException($"no wire is named '{name}'");

    /// <summary>
    /// Solves the witness from the public inputs and private inputs, each in declaration order.
    /// The witness is not checked; use <see cref="SolveChecked(ReadOnlySpan{Fr}, ReadOnlySpan{Fr})"/> for that.
    /// </summary>
    public Fr[] Solve(ReadOnlySpan<Fr> publicInputs, ReadOnlySpan<Fr> privateInputs)
    {
        if (publicInputs.Length != System.PublicInputCount || privateInputs.Length != System.PrivateInputCount)
            throw new CircuitException($"the circuit takes {System.PublicInputCount} public and {System.PrivateInputCount} private inputs, got {publicInputs.Length} and {privateInputs.Length}");
        var w = new Fr[_solveSystem.WireCount];
        w[0] = Fr.One;
        int first = 1 + System.PublicOutputCount;
        publicInputs.CopyTo(w.AsSpan(first));
        privateInputs.CopyTo(w.AsSpan(first + System.PublicInputCount));
        return Finish(w);
    }

    /// <summary>Solves the witness from inputs given by name (every input must be given exactly once).</summary>
    public Fr[] Solve(IReadOnlyDictionary<string, Fr> inputs)
    {
        var w = new Fr[_solveSystem.WireCount];
        w[0] = Fr.One;
        int first = 1 + System.PublicOutputCount, end = first + System.PublicInputCount + System.PrivateInputCount;
        var given = new bool[end - first];
        foreach (var (name, value) in inputs)
        {
            if (!System.TryGetWire(name, out int wire) || wire < first || wire >= end) throw new CircuitException($"the circuit has no input named '{name}'");
            if (given[wire - first]) throw new CircuitException($"the input '{name}' is given twice");
            given[wire - first] = true;
            w[wire] = value;
        }
        int missing = Array.IndexOf(given, false);
        if (missing >= 0) throw new CircuitException($"missing input '{System.NameOf(first + missing)}' ({given.Count(g => !g)} inputs missing)");
        return Finish(w);
    }

    /// <summary>Solves and then checks every constraint, throwing <see cref="CircuitException"/> naming the first failing one.</summary>
    public Fr[] SolveChecked(ReadOnlySpan<Fr> publicInputs, ReadOnlySpan<Fr> privateInputs)
    {
        Fr[] w = Solve(publicInputs, privateInputs);
        System.AssertSatisfied(w);
        return w;
    }

    /// <summary>The public signals of a witness: outputs then public inputs (snarkjs's public.json order).</summary>
    public static Fr[] PublicSignals(ConstraintSystem system, ReadOnlySpan<Fr> witness) => witness.Slice(1, system.PublicCount).ToArray();
}
