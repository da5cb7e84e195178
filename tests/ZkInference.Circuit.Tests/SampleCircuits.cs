using ZkInference.Field;

namespace ZkInference.Circuit.Tests;

/// <summary>Small circuits shared by tests.</summary>
internal static class SampleCircuits
{
    /// <summary>The fixture's multiplier: c = a·b, c2 = c·a, c3 = c2·b + 7 (3 constraints after the output's linear one).</summary>
    public static CompiledCircuit Multiplier()
    {
        var b = new CircuitBuilder();
        Variable a = b.PrivateInput("a"), bb = b.PrivateInput("b");
        LinearCombination c = a * bb;
        b.PublicOutput("c", c);
        LinearCombination c2 = c * a;
        b.PublicOutput("c2", c2);
        b.PublicOutput("c3", c2 * bb + 7);
        return b.Compile();
    }

    /// <summary>A circuit with a linear constraint, a public input and a label: y = x² + pub, bits of x.</summary>
    public static CompiledCircuit Mixed()
    {
        var b = new CircuitBuilder();
        Variable pub = b.PublicInput("pub"), x = b.PrivateInput("x");
        b.PublicOutput("y", x * x + pub);
        Gadgets.Bits.RangeCheck(b, x, 8);
        b.ToVariable(x + pub);
        return b.Compile();
    }

    public static Fr[] MixedWitness(CompiledCircuit c, long pub, long x) => c.Solve([Fr.FromInt64(pub)], [Fr.FromInt64(x)]);
}
