using System.Numerics;
using Xunit;
using ZkInference.Field;

namespace ZkInference.Circuit.Tests;

/// <summary>
/// The soundness harness: a valid witness must satisfy, and changing any single non-constant wire (outputs,
/// private inputs, internal wires) to another value — 0, 1, −1, 2, 2ᵏ, p−2, random — must break a constraint.
/// For deterministic gadgets that means no second witness differs from the valid one in one wire.
/// </summary>
internal static class Soundness
{
    public static Fr[] EdgeValues(int k, Random rng) =>
    [
        Fr.Zero, Fr.One, -Fr.One, Fr.FromUInt64(2), Fr.FromBigInteger(BigInteger.One << k),
        Fr.FromBigInteger(BigInteger.One << Math.Max(0, k - 1)), -Fr.FromUInt64(2), Fr.Random(rng), Fr.Random(rng),
    ];

    /// <summary>Asserts the witness satisfies and that every single-wire change from it is rejected.</summary>
    public static void AssertFullyConstrained(ConstraintSystem cs, Fr[] witness, int k = 8, int seed = 1)
    {
        Assert.True(cs.IsSatisfied(witness), cs.Check(witness).Message);
        var rng = new Random(seed);
        // A change to one wire can only break constraints that mention it: check just those.
        var uses = new List<int>[cs.WireCount];
        for (int i = 0; i < cs.ConstraintCount; i++)
            for (int m = 0; m < 3; m++)
                foreach (int wire in cs.Row((R1csMatrix)m, i).Wires)
                    if ((uses[wire] ??= []) is { } list && (list.Count == 0 || list[^1] != i)) list.Add(i);
        for (int wire = 1; wire < cs.WireCount; wire++)
        {
            if (cs.KindOf(wire) == WireKind.PublicInput) continue;
            Fr original = witness[wire];
            foreach (Fr candidate in EdgeValues(k, rng).Append(original + Fr.One).Append(original - Fr.One))
            {
                if (candidate == original) continue;
                witness[wire] = candidate;
                if ((uses[wire] ?? []).All(i => cs.IsSatisfied(i, witness)))
                {
                    witness[wire] = original;
                    Assert.Fail($"wire {wire} ({cs.KindOf(wire)}) can be changed from {original} to {candidate} and the constraints still hold");
                }
            }
            witness[wire] = original;
        }
    }

    /// <summary>
    /// Builds a circuit whose gadget inputs are public inputs (the statement, never mutated) and returns it with
    /// the witness for the given values; every wire the gadget creates is then an output or internal wire.
    /// </summary>
    public static (CompiledCircuit Circuit, Fr[] Witness) Build(Fr[] inputs, Action<CircuitBuilder, Variable[]> define)
    {
        var b = new CircuitBuilder();
        Variable[] xs = b.PublicInputs("in", inputs.Length);
        define(b, xs);
        CompiledCircuit c = b.Compile();
        return (c, c.Solve(inputs, []));
    }

    /// <summary>Builds with one output and checks both the value and full constraint.</summary>
    public static Fr CheckGadget(Fr[] inputs, Func<CircuitBuilder, Variable[], LinearCombination> gadget, int k = 8, bool expectSatisfied = true)
    {
        var (c, w) = Build(inputs, (b, xs) => b.PublicOutput("out", gadget(b, xs)));
        if (expectSatisfied) AssertFullyConstrained(c.System, w, k);
        else Assert.False(c.System.IsSatisfied(w), "an invalid input was accepted");
        return w[1];
    }

    public static Fr S(long v) => Fr.FromInt64(v);
}
