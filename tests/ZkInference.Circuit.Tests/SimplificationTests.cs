using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;
using ZkInference.TestSupport;

namespace ZkInference.Circuit.Tests;

public sealed class SimplificationTests
{
    [Fact]
    public void LinearConstraintsDisappearAndWitnessesStillSatisfy()
    {
        var b = new CircuitBuilder();
        Variable pub = b.PublicInput("pub"), x = b.PrivateInput("x");
        Variable t = b.ToVariable(x * Fr.FromUInt64(3) + pub);      // linear: eliminated
        Variable u = b.ToVariable(t + 1);                           // linear: eliminated
        LinearCombination lt = Comparison.LessThan(b, x, pub, 8);   // 9 constraints, bit 0 folded
        b.PublicOutput("y", b.Mul(u, u) + lt);                      // product + linear output
        CompiledCircuit full = b.Compile();
        CompiledCircuit simple = full.Simplify();
        Assert.True(simple.System.ConstraintCount < full.System.ConstraintCount);
        Assert.Equal(full.System.PublicCount, simple.System.PublicCount);
        Assert.Equal(full.System.PrivateInputCount, simple.System.PrivateInputCount);
        for (int trial = 0; trial < 3; trial++)
        {
            Fr[] ws = simple.Solve([Fr.FromUInt64(200)], [Fr.FromUInt64((ulong)(5 + 90 * trial))]);
            Fr[] wf = full.Solve([Fr.FromUInt64(200)], [Fr.FromUInt64((ulong)(5 + 90 * trial))]);
            Assert.True(simple.System.IsSatisfied(ws), simple.System.Check(ws).Message);
            Assert.Equal(wf[1], ws[1]);
        }
        Fr[] w = simple.Solve([Fr.FromUInt64(200)], [Fr.FromUInt64(7)]);
        var inputsFixed = (Fr[])w.Clone();
        Soundness.AssertFullyConstrained(simple.System, inputsFixed);
    }

    [Fact]
    public void CircomPoseidonShrinksToItsNonLinearCore()
    {
        ConstraintSystem cs = R1csFile.Read(RepoPaths.Fixture("poseidon", "circuit.r1cs"));
        Fr[] w = WtnsFile.Read(RepoPaths.Fixture("poseidon", "witness.wtns"));
        ConstraintSystem simple = cs.SimplifyLinear(out int[] kept);
        Fr[] projected = kept.Select(i => w[i]).ToArray();
        Assert.True(simple.IsSatisfied(projected), simple.Check(projected).Message);
        Assert.True(simple.ConstraintCount < cs.ConstraintCount);
        Assert.Equal(cs.PublicCount, simple.PublicCount);
        Assert.Equal(projected[1], w[1]);
        // The simplified file keeps the wire-to-label map, as circom's optimized files do.
        var ms = new MemoryStream();
        R1csFile.Write(simple, new FormatTests.NonClosing(ms));
        ms.Position = 0;
        ConstraintSystem back = R1csFile.Read(ms, "simple.r1cs");
        Assert.Equal(kept.Select(cs.LabelOf), Enumerable.Range(0, back.WireCount).Select(back.LabelOf));
        Assert.True(back.IsSatisfied(projected));
    }
}
