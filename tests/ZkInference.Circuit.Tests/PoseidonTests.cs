using System.Text.Json;
using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Circuit.Poseidon;
using ZkInference.Field;
using ZkInference.TestSupport;

namespace ZkInference.Circuit.Tests;

public sealed class PoseidonTests
{
    private static Fr[] Inputs(int n) => Enumerable.Range(1, n).Select(i => Fr.FromUInt64((ulong)i)).ToArray();

    [Fact]
    public void KnownVector() =>
        Assert.Equal(Fr.Parse("7853200120776062878684798364095072458815029376092732009249414926327459813530"), PoseidonHash.Hash(Inputs(2)));

    [Fact]
    public void HashesEqualCircomlibjsForEveryWidth()
    {
        var rng = new Random(42);
        var cases = new List<Fr[]>();
        for (int n = 1; n <= PoseidonParameters.MaxInputs; n++)
        {
            cases.Add(Inputs(n));
            cases.Add(Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray());
        }
        cases.Add([-Fr.One, Fr.Zero]);
        string json = JsonSerializer.Serialize(cases.Select(c => c.Select(x => x.ToString()).ToArray()));
        string script = $$"""
            import('circomlibjs').then(async (m) => {
              const poseidon = await m.buildPoseidon();
              const cases = {{json}};
              console.log(JSON.stringify(cases.map(c => poseidon.F.toString(poseidon(c.map(BigInt))))));
              process.exit(0);
            }).catch(e => { console.error(e); process.exit(1); });
            """;
        ProcessResult r = NodeTools.Script(script);
        Assert.True(r.ExitCode == 0, r.StdErr);
        string[] expected = JsonSerializer.Deserialize<string[]>(r.StdOut.Trim())!;
        Assert.Equal(cases.Count, expected.Length);
        for (int i = 0; i < cases.Count; i++)
            Assert.True(expected[i] == PoseidonHash.Hash(cases[i]).ToString(), $"width {cases[i].Length + 1}: circomlibjs {expected[i]}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    public void CircuitMatchesTheHashAndItsCost(int n)
    {
        var rng = new Random(n);
        Fr[] inputs = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
        var b = new CircuitBuilder();
        Variable[] xs = b.PrivateInputs("in", n);
        LinearCombination hash = PoseidonGadget.Hash(b, xs);
        Assert.Equal(PoseidonGadget.Cost(n), b.ConstraintCount);
        b.PublicOutput("hash", hash);
        CompiledCircuit c = b.Compile();
        Fr[] w = c.Solve([], inputs);
        Assert.True(c.System.IsSatisfied(w));
        Assert.Equal(PoseidonHash.Hash(inputs), w[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void ClosedFormPartialRoundsLayOutTheSameSystemAsRoundByRound(int n)
    {
        // The gadget folds the partial rounds into closed form for speed; the constraint system must be the one a
        // round-by-round evaluation gives, byte for byte (inputs as long combinations too, as commitments pass them).
        byte[] Build(bool reference)
        {
            var b = new CircuitBuilder();
            Variable[] xs = b.PrivateInputs("in", 2 * n);
            var inputs = Enumerable.Range(0, n).Select(i => xs[2 * i] + ((LinearCombination)xs[2 * i + 1]).Scale(Fr.FromUInt64(3)) + 7).ToArray();
            b.PublicOutput("hash", reference ? RoundByRound(b, inputs) : PoseidonGadget.Hash(b, inputs));
            var stream = new MemoryStream();
            R1csFile.Write(b.Compile().System, stream, leaveOpen: true);
            return stream.ToArray();
        }
        Assert.Equal(Build(reference: true), Build(reference: false));
    }

    // The textbook evaluation: every round adds constants, applies the S-boxes and mixes the whole state.
    private static LinearCombination RoundByRound(CircuitBuilder b, LinearCombination[] inputs)
    {
        PoseidonParameters p = PoseidonParameters.ForInputs(inputs.Length);
        int t = p.Width, half = PoseidonParameters.FullRounds / 2;
        var state = new LinearCombination[t];
        inputs.CopyTo(state, 1);
        for (int r = 0; r < PoseidonParameters.FullRounds + p.PartialRounds; r++)
        {
            bool full = r < half || r >= half + p.PartialRounds;
            for (int i = 0; i < t; i++)
            {
                state[i] += p.RoundConstants[r * t + i];
                if (full || i == 0)
                {
                    LinearCombination x2 = b.Mul(state[i], state[i]), x4 = b.Mul(x2, x2);
                    state[i] = b.Mul(x4, state[i]);
                }
            }
            var next = new LinearCombination[t];
            for (int i = 0; i < t; i++)
            {
                var acc = new LinearCombinationBuilder();
                for (int j = 0; j < t; j++) acc.Add(state[j], p.Mds[i, j]);
                next[i] = acc.Build();
            }
            state = next;
        }
        return state[0];
    }

    [Fact]
    public void CircuitAgreesWithCircomsPoseidonFixture()
    {
        Fr[] circom = WtnsFile.Read(RepoPaths.Fixture("poseidon", "witness.wtns"));
        var (c, w) = Soundness.Build([Fr.FromUInt64(1), Fr.FromUInt64(2)], (b, xs) => b.PublicOutput("hash", PoseidonGadget.Hash(b, xs)));
        Assert.Equal(circom[1], w[1]);
        // 240 for the hash plus the output's linear constraint; circom --O1 keeps 517 (its linear constraints included).
        Assert.Equal(241, c.System.ConstraintCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryPoseidonWireIsDetermined(int n)
    {
        var (c, w) = Soundness.Build(Inputs(n), (b, xs) => b.PublicOutput("hash", PoseidonGadget.Hash(b, xs)));
        Soundness.AssertFullyConstrained(c.System, w);
    }
}
