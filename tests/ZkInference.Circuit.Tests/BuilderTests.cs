using Xunit;
using ZkInference.Field;

namespace ZkInference.Circuit.Tests;

public sealed class BuilderTests
{
    private static Fr F(long v) => Fr.FromInt64(v);

    [Fact]
    public void LinearOperationsAreFreeAndProductsCostOne()
    {
        var b = new CircuitBuilder();
        Variable x = b.PrivateInput("x"), y = b.PrivateInput("y");
        LinearCombination lin = 3 * (LinearCombination)x - y + 7 - x * F(2);
        Assert.Equal(0, b.ConstraintCount);
        LinearCombination p = lin * y;
        Assert.Equal(1, b.ConstraintCount);
        LinearCombination folded = (LinearCombination)5 * 6 + x * (LinearCombination)F(0);
        Assert.True(folded.IsConstant);
        Assert.Equal(F(30), folded.ConstantTerm);
        Assert.Equal(1, b.ConstraintCount);
        b.PublicOutput("p", p);
        Assert.Equal(1, b.ConstraintCount); // a plain internal wire becomes the output for free
    }

    [Fact]
    public void CompileOrdersWiresLikeCircomAndSolves()
    {
        var b = new CircuitBuilder();
        Variable a = b.PrivateInput("a");
        Variable pub = b.PublicInput("pub");
        LinearCombination c = a * pub;
        b.PublicOutput("c", c);
        b.PublicOutput("d", c * a + 7);
        CompiledCircuit compiled = b.Compile();
        ConstraintSystem cs = compiled.System;
        Assert.Equal((2, 1, 1), (cs.PublicOutputCount, cs.PublicInputCount, cs.PrivateInputCount));
        Assert.Equal("c", cs.WireNames[1]);
        Assert.Equal("d", cs.WireNames[2]);
        Assert.Equal("pub", cs.WireNames[3]);
        Assert.Equal("a", cs.WireNames[4]);
        Assert.Equal(WireKind.Internal, cs.KindOf(5));
        Fr[] w = compiled.Solve([F(3)], [F(5)]);
        Assert.True(cs.IsSatisfied(w));
        Assert.Equal(F(15), w[1]);
        Assert.Equal(F(15 * 5 + 7), w[2]);
        Fr[] w2 = compiled.Solve(new Dictionary<string, Fr> { ["a"] = F(2), ["pub"] = F(4) });
        Assert.Equal(F(8 * 2 + 7), w2[2]);
        Assert.Equal(2, compiled.WireOf("d"));
        Assert.Equal(4, compiled.WireOf(a));
    }

    [Fact]
    public void CheckReportsTheFirstFailingConstraintWithLabels()
    {
        var b = new CircuitBuilder();
        Variable x = b.PrivateInput("x");
        using (b.Scope("layer1"))
        {
            using (b.Scope("relu"))
                b.AssertBoolean(x, "x is a bit");
        }
        b.AssertEqual(x * x, x, "idempotent");
        CompiledCircuit c = b.Compile();
        Fr[] ok = c.Solve([], [F(1)]);
        Assert.True(c.System.IsSatisfied(ok));
        Fr[] bad = c.Solve([], [F(2)]);
        SatisfactionResult r = c.System.Check(bad);
        Assert.False(r.IsSatisfied);
        Assert.Equal(0, r.FailingConstraint);
        Assert.Contains("layer1/relu: x is a bit", r.Message);
        Assert.Equal("idempotent", c.System.Labels.Describe(2));
        Assert.Throws<CircuitException>(() => c.SolveChecked([], [F(2)]));
        Assert.False(c.System.IsSatisfied(ok.AsSpan(1)));
        ok[0] = F(2);
        Assert.False(c.System.IsSatisfied(ok));
    }

    [Fact]
    public void ConstantAssertionsAreCheckedAtBuildTime()
    {
        var b = new CircuitBuilder();
        b.AssertEqual(3, F(3));
        b.AssertBoolean(1);
        Assert.Throws<CircuitException>(() => b.AssertEqual(3, 4));
        Assert.Throws<CircuitException>(() => b.AssertBoolean(2));
        Assert.Equal(0, b.ConstraintCount);
    }

    [Fact]
    public void DivisionAndHintsSolve()
    {
        var b = new CircuitBuilder();
        Variable x = b.PrivateInput("x"), y = b.PrivateInput("y");
        b.PublicOutput("q", b.Div(x, y));
        CompiledCircuit c = b.Compile();
        Fr[] w = c.Solve([], [F(21), F(7)]);
        Assert.True(c.System.IsSatisfied(w));
        Assert.Equal(F(3), w[1]);
        Assert.False(c.System.IsSatisfied(c.Solve([], [F(21), F(0)])));
    }

    [Fact]
    public void BuildersDoNotMix()
    {
        var b1 = new CircuitBuilder();
        var b2 = new CircuitBuilder();
        Variable x = b1.PrivateInput("x"), y = b2.PrivateInput("y");
        Assert.Throws<CircuitException>(() => x + y);
        Assert.Throws<CircuitException>(() => b1.PrivateInput("x"));
        b1.Compile();
        Assert.Throws<CircuitException>(() => b1.PrivateInput("z"));
    }

    [Fact]
    public void LinearCombinationBuilderMergesTerms()
    {
        var b = new CircuitBuilder();
        Variable[] xs = b.PrivateInputs("x", 4);
        var acc = new LinearCombinationBuilder();
        foreach (Variable v in xs) acc.Add(v, F(2));
        acc.Add(xs[0], -F(2)).AddConstant(F(5));
        LinearCombination lc = acc.Build();
        Assert.Equal(4, lc.Terms.Length); // constant + x1..x3
        Assert.Equal(0, lc.Terms[0].Wire);
    }

    [Fact]
    public void ToVariableMaterializesCombinations()
    {
        var b = new CircuitBuilder();
        Variable x = b.PrivateInput("x");
        Assert.Equal(x, b.ToVariable(x));
        Variable t = b.ToVariable(x + 1);
        Assert.Equal(1, b.ConstraintCount);
        b.PublicOutput("t", t);
        CompiledCircuit c = b.Compile();
        Fr[] w = c.Solve([], [F(41)]);
        Assert.Equal(F(42), w[1]);
        Assert.True(c.System.IsSatisfied(w));
    }
}
