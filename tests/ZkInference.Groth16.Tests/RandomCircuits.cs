using ZkInference.Circuit;
using ZkInference.Field;

namespace ZkInference.Groth16.Tests;

/// <summary>Small random circuits (products and sums of inputs, some outputs public) with a random witness.</summary>
internal static class RandomCircuits
{
    public static (CompiledCircuit Circuit, Fr[] Witness) Create(int seed)
    {
        var rng = new Random(seed);
        var b = new CircuitBuilder();
        int publicInputs = rng.Next(0, 3), privateInputs = rng.Next(1, 4), ops = rng.Next(1, 10);
        var values = new List<LinearCombination>();
        for (int i = 0; i < publicInputs; i++) values.Add(b.PublicInput($"p{i}"));
        for (int i = 0; i < privateInputs; i++) values.Add(b.PrivateInput($"s{i}"));
        for (int k = 0; k < ops; k++)
        {
            LinearCombination x = values[rng.Next(values.Count)], y = values[rng.Next(values.Count)];
            values.Add(rng.Next(3) == 0 ? x + y * Fr.FromInt64(rng.Next(1, 100)) + rng.Next(50) : b.Mul(x, y));
        }
        int outputs = rng.Next(1, 3);
        for (int i = 0; i < outputs; i++) b.PublicOutput($"o{i}", values[values.Count - 1 - i % values.Count]);
        CompiledCircuit circuit = b.Compile();
        Fr[] pub = Enumerable.Range(0, publicInputs).Select(_ => Fr.Random(rng)).ToArray();
        Fr[] prv = Enumerable.Range(0, privateInputs).Select(_ => Fr.Random(rng)).ToArray();
        return (circuit, circuit.Solve(pub, prv));
    }
}
