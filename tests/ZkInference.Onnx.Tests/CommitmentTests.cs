using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Commitment;
using ZkInference.TestSupport;

namespace ZkInference.Onnx.Tests;

public sealed class CommitmentTests
{
    [Fact]
    public void ChainMatchesCircomlibjs()
    {
        // The documented chain written out in JavaScript with circomlibjs's Poseidon, for lengths around the chunk edges.
        int[] lengths = [1, 16, 17, 31, 32, 47, 64];
        var cases = lengths.Select(n => Enumerable.Range(0, n).Select(i => Fr.FromInt64(i * 7919 - 3000)).ToArray()).ToList();
        string json = JsonSerializer.Serialize(cases.Select(c => c.Select(x => x.ToString()).ToArray()));
        string script = $$"""
            import('circomlibjs').then(async (m) => {
              const poseidon = await m.buildPoseidon();
              const chain = (xs) => {
                let h = poseidon(xs.slice(0, 16));
                for (let i = 16; i < xs.length; i += 15) h = poseidon([h, ...xs.slice(i, i + 15)]);
                return poseidon.F.toString(h);
              };
              console.log(JSON.stringify({{json}}.map(c => chain(c.map(BigInt)))));
              process.exit(0);
            }).catch(e => { console.error(e); process.exit(1); });
            """;
        ProcessResult r = NodeTools.Script(script);
        Assert.True(r.ExitCode == 0, r.StdErr);
        string[] expected = JsonSerializer.Deserialize<string[]>(r.StdOut.Trim())!;
        for (int i = 0; i < cases.Count; i++) Assert.Equal(expected[i], TensorCommitment.Hash(cases[i]).ToString());
    }

    [Property(MaxTest = 20)]
    public bool GadgetsEqualTheOffCircuitHashes(PositiveInt length, int seed)
    {
        int n = 1 + length.Get % 40;
        var rng = new Random(seed);
        long[] values = Enumerable.Range(0, n).Select(_ => (long)rng.Next(-128, 128)).ToArray();
        var b = new CircuitBuilder();
        Variable[] inputs = b.PrivateInputs("x", n);
        b.PublicOutput("plain", TensorCommitment.Gadget(b, inputs.Select(v => (LinearCombination)v).ToArray()));
        b.PublicOutput("packed", PackedCommitment.Gadget(b, inputs.Select(v => (LinearCombination)v).ToArray(), 8));
        CompiledCircuit c = b.Compile();
        Fr[] w = c.SolveChecked([], values.Select(Fr.FromInt64).ToArray());
        return w[1] == TensorCommitment.Hash(values.Select(Fr.FromInt64).ToArray()) && w[2] == PackedCommitment.Hash(values, 8);
    }

    [Fact]
    public void PackedValuesOutOfRangeAreRefused()
    {
        Assert.Throws<OnnxException>(() => PackedCommitment.Hash([128], 8));
        var b = new CircuitBuilder();
        Variable x = b.PrivateInput("x");
        b.PublicOutput("h", PackedCommitment.Gadget(b, [x], 8));
        CompiledCircuit c = b.Compile();
        Assert.False(c.System.IsSatisfied(c.Solve([], [Fr.FromInt64(128)])));
        Assert.True(c.System.IsSatisfied(c.Solve([], [Fr.FromInt64(-128)])));
    }
}
