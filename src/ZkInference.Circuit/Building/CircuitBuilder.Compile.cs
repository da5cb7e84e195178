namespace ZkInference.Circuit;

public sealed partial class CircuitBuilder
{
    /// <summary>
    /// Freezes the builder: renumbers wires into circom order (one, outputs, public inputs, private inputs,
    /// internal — each in declaration/creation order), trims storage, and returns the compiled circuit.
    /// </summary>
    public CompiledCircuit Compile()
    {
        CheckOpen();
        _compiled = true;
        int n = _kinds.Count;
        var map = new int[n];
        int next = 1;
        foreach (int w in _outputs) map[w] = next++;
        foreach (int w in _publicInputs) map[w] = next++;
        foreach (int w in _privateInputs) map[w] = next++;
        for (int w = 1; w < n; w++)
            if (_kinds[w] == WireKind.Internal) map[w] = next++;
        if (next != n) throw new CircuitException($"internal error: renumbering covered {next} of {n} wires");
        _store.RenumberWires(map);
        _store.Trim();
        _solver.RenumberWires(map);
        _solver.Trim();
        var names = new Dictionary<int, string>(_names.Count);
        foreach (var (name, wire) in _names) names[map[wire]] = name;
        // Array elements were declared consecutively within their kind, so they stay consecutive.
        WireArray[] arrays = _arrays.Select(a => a with { FirstWire = map[a.FirstWire] }).ToArray();
        var system = new ConstraintSystem(_store, n, _outputs.Count, _publicInputs.Count, _privateInputs.Count)
        {
            WireNames = names,
            WireArrays = arrays,
            Labels = BuildLabels(),
        };
        _kinds = default;
        return new CompiledCircuit(system, _solver, map);
    }
}
