using ZkInference.Circuit.Internal;
using ZkInference.Field;

namespace ZkInference.Circuit.Solving;

/// <summary>
/// The compiled list of witness-solving steps: "solve constraint i for wire w" (w = (⟨A⟩·⟨B⟩ − ⟨C without w⟩)/c_w)
/// or "run hint h". Eight bytes per step; hint inputs and outputs live in flat arrays. Runs without the builder.
/// </summary>
internal sealed class WitnessSolver
{
    // Step: Constraint >= 0 solves that constraint for Wire; Constraint < 0 runs hint call ~Constraint.
    internal struct Step { public int Constraint; public int Wire; }

    internal struct HintCall { public int Function; public int FirstInput; public int InputCount; public int FirstOutput; public int OutputCount; }

    private GrowArray<Step> _steps;
    private GrowArray<HintCall> _calls = new(4);
    private readonly ConstraintStore _inputs = new(1, 4); // each hint input is one "A" row; B and C rows stay empty
    private GrowArray<int> _outputs = new(4);
    private readonly List<HintFunction> _functions = [];
    private readonly Dictionary<HintFunction, int> _functionIds = [];

    public WitnessSolver(int stepCapacity = 16) => _steps = new GrowArray<Step>(stepCapacity);

    public int StepCount => _steps.Count;

    public void AddSolve(int constraint, int wire) => _steps.Add(new Step { Constraint = constraint, Wire = wire });

    public void AddHint(HintFunction function, ReadOnlySpan<LinearCombination> inputs, ReadOnlySpan<int> outputWires)
    {
        if (!_functionIds.TryGetValue(function, out int id))
        {
            id = _functions.Count;
            _functions.Add(function);
            _functionIds.Add(function, id);
        }
        int firstInput = _inputs.ConstraintCount;
        foreach (LinearCombination lc in inputs)
        {
            _inputs.AddRow(lc.Terms);
            _inputs.EndRow();
            _inputs.EndRow();
        }
        int firstOutput = _outputs.Count;
        foreach (int w in outputWires) _outputs.Add(w);
        _steps.Add(new Step { Constraint = ~_calls.Count, Wire = -1 });
        _calls.Add(new HintCall { Function = id, FirstInput = firstInput, InputCount = inputs.Length, FirstOutput = firstOutput, OutputCount = outputWires.Length });
    }

    public void RenumberWires(ReadOnlySpan<int> map)
    {
        Span<Step> steps = _steps.AsSpan();
        for (int i = 0; i < steps.Length; i++) if (steps[i].Wire >= 0) steps[i].Wire = map[steps[i].Wire];
        _inputs.RenumberWires(map);
        Span<int> outs = _outputs.AsSpan();
        for (int i = 0; i < outs.Length; i++) outs[i] = map[outs[i]];
    }

    public void Trim()
    {
        _steps.Trim();
        _inputs.Trim();
    }

    public long StorageBytes => (long)_steps.Items.Length * 8 + (long)_outputs.Items.Length * 4 + (long)_inputs.Wires.Length * 36;

    /// <summary>Runs every step in order on a witness whose constant and input wires are already set.</summary>
    public void Run(ConstraintSystem cs, Span<Fr> w)
    {
        ConstraintStore store = cs.Store;
        int[] rowStart = store.RowStart, wires = store.Wires;
        Fr[] coeffs = store.Coefficients;
        Span<Step> steps = _steps.AsSpan();
        Fr[] scratchIn = new Fr[4], scratchOut = new Fr[4];
        for (int s = 0; s < steps.Length; s++)
        {
            Step step = steps[s];
            if (step.Constraint < 0) { RunHint(_calls[~step.Constraint], w, ref scratchIn, ref scratchOut); continue; }
            int row = 3 * step.Constraint;
            Fr value = Fr.Zero;
            if (rowStart[row] != rowStart[row + 1] && rowStart[row + 1] != rowStart[row + 2])
            {
                Fr a = Dot(rowStart[row], rowStart[row + 1], wires, coeffs, w);
                Fr b = Dot(rowStart[row + 1], rowStart[row + 2], wires, coeffs, w);
                Fr.Mul(a, b, out value);
            }
            Fr target = Fr.Zero;
            for (int k = rowStart[row + 2]; k < rowStart[row + 3]; k++)
            {
                int wire = wires[k];
                if (wire == step.Wire) { target = coeffs[k]; continue; }
                if (wire == 0) { Fr.Sub(value, coeffs[k], out value); continue; }
                if (coeffs[k].IsOne) { Fr.Sub(value, w[wire], out value); continue; }
                Fr.Mul(coeffs[k], w[wire], out Fr t);
                Fr.Sub(value, t, out value);
            }
            if (target == LinearCombination.MinusOne) Fr.Neg(value, out value);
            else if (!target.IsOne)
            {
                if (target.IsZero) throw new CircuitException($"witness solving: wire {step.Wire} does not appear in constraint #{step.Constraint}");
                Fr.Inverse(target, out Fr inv);
                Fr.Mul(value, inv, out value);
            }
            w[step.Wire] = value;
        }
    }

    private static Fr Dot(int start, int end, int[] wires, Fr[] coeffs, ReadOnlySpan<Fr> w) =>
        Internal.Dot.Evaluate(wires.AsSpan(start, end - start), coeffs.AsSpan(start, end - start), w);

    private void RunHint(in HintCall call, Span<Fr> w, ref Fr[] scratchIn, ref Fr[] scratchOut)
    {
        if (scratchIn.Length < call.InputCount) scratchIn = new Fr[call.InputCount];
        if (scratchOut.Length < call.OutputCount) scratchOut = new Fr[call.OutputCount];
        int[] rowStart = _inputs.RowStart, wires = _inputs.Wires;
        Fr[] coeffs = _inputs.Coefficients;
        for (int i = 0; i < call.InputCount; i++)
        {
            int row = 3 * (call.FirstInput + i);
            scratchIn[i] = Dot(rowStart[row], rowStart[row + 1], wires, coeffs, w);
        }
        Span<Fr> outs = scratchOut.AsSpan(0, call.OutputCount);
        outs.Clear();
        _functions[call.Function](scratchIn.AsSpan(0, call.InputCount), outs);
        for (int i = 0; i < call.OutputCount; i++) w[_outputs[call.FirstOutput + i]] = outs[i];
    }
}
