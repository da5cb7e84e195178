using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;
using static ZkInference.Circuit.Tests.Soundness;

namespace ZkInference.Circuit.Tests;

public sealed class GadgetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void BooleanAcceptsBitsOnly(long v)
    {
        var (c, w) = Build([S(v)], (b, xs) => b.AssertBoolean(xs[0]));
        AssertFullyConstrained(c.System, w);
        Assert.Equal(1, c.System.ConstraintCount);
        Assert.False(c.System.IsSatisfied(c.Solve([S(2)], [])));
        Assert.False(c.System.IsSatisfied(c.Solve([S(-1)], [])));
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(255, 8)]
    [InlineData(1, 1)]
    [InlineData(12345, 16)]
    public void BitsDecomposeAndAreUnique(long v, int n)
    {
        int cost = 0;
        var (c, w) = Build([S(v)], (b, xs) =>
        {
            LinearCombination[] bits = Bits.ToBits(b, xs[0], n);
            cost = b.ConstraintCount;
            for (int i = 0; i < n; i++) b.PublicOutput($"b{i}", b.ToVariable(bits[i]));
        });
        Assert.Equal(n, cost);
        for (int i = 0; i < n; i++) Assert.Equal(((v >> i) & 1) == 1 ? Fr.One : Fr.Zero, w[1 + i]);
        AssertFullyConstrained(c.System, w, n);
        Assert.False(c.System.IsSatisfied(c.Solve([Fr.FromBigInteger(BigInteger.One << n)], [])));
    }

    [Fact]
    public void FullWidthDecompositionRejectsTheAliasedRepresentation()
    {
        // x + p < 2^254 for small x: without the unique-representation check, the bits of x + p would also pass.
        foreach (BigInteger x in new[] { BigInteger.Zero, 5, Fr.Modulus - 1, (BigInteger.One << 253) + 17 })
        {
            var (c, w) = Build([Fr.FromBigInteger(x)], (b, xs) => Bits.ToBits(b, xs[0], 254));
            Assert.Equal(Bits.FullDecompositionCost, c.System.ConstraintCount);
            AssertFullyConstrained(c.System, w, 253);
            if (x + Fr.Modulus < BigInteger.One << 254)
            {
                // Bit wires 1..253 are internal wires 2..254 (wire 1 is the input); write the aliased bits there.
                BigInteger alias = x + Fr.Modulus;
                for (int i = 1; i < 254; i++) w[1 + i] = (alias >> i).IsEven ? Fr.Zero : Fr.One;
                Assert.False(c.System.IsSatisfied(w), "the aliased representation x + p was accepted");
            }
        }
    }

    [Fact]
    public void FullDecompositionCostIsDocumented() => Assert.InRange(Bits.FullDecompositionCost, 254, 254 + 254);

    [Theory]
    [InlineData(3, 5, true)]
    [InlineData(5, 3, false)]
    [InlineData(4, 4, false)]
    [InlineData(0, 255, true)]
    [InlineData(255, 0, false)]
    public void LessThanOnKBitValues(long a, long bv, bool expected)
    {
        Assert.Equal(expected ? Fr.One : Fr.Zero, CheckGadget([S(a), S(bv)], (b, xs) => Comparison.LessThan(b, xs[0], xs[1], 8)));
        Assert.Equal(a <= bv ? Fr.One : Fr.Zero, CheckGadget([S(a), S(bv)], (b, xs) => Comparison.LessOrEqual(b, xs[0], xs[1], 8)));
    }

    [Fact]
    public void ComparisonCostIsKPlusOne()
    {
        var b = new CircuitBuilder();
        Comparison.LessThan(b, b.PrivateInput("a"), b.PrivateInput("b"), 16);
        Assert.Equal(17, b.ConstraintCount);
    }

    [Fact]
    public void ComparisonMatchesIntegersProperty() =>
        Prop.ForAll(Gen.Choose(0, 1023).Two().ToArbitrary(), t =>
        {
            var (c, w) = Build([S(t.Item1), S(t.Item2)], (b, xs) => b.PublicOutput("lt", Comparison.LessThan(b, xs[0], xs[1], 10)));
            return c.System.IsSatisfied(w) && w[1] == (t.Item1 < t.Item2 ? Fr.One : Fr.Zero);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void IsZeroAndIsEqualAreDeterministic(long v)
    {
        Assert.Equal(v == 0 ? Fr.One : Fr.Zero, CheckGadget([S(v)], (b, xs) => Comparison.IsZero(b, xs[0])));
        Assert.Equal(v == 7 ? Fr.One : Fr.Zero, CheckGadget([S(v), S(7)], (b, xs) => Comparison.IsEqual(b, xs[0], xs[1])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void SelectAndMux(long cond)
    {
        Assert.Equal(cond == 1 ? S(10) : S(20), CheckGadget([S(cond), S(10), S(20)], (b, xs) =>
        {
            b.AssertBoolean(xs[0]);
            return Select.If(b, xs[0], xs[1], xs[2]);
        }));
        Assert.Equal(S(100 + 2 + cond), CheckGadget([S(cond), S(0), S(100), S(101), S(102), S(103)], (b, xs) =>
        {
            b.AssertBoolean(xs[0]);
            b.AssertBoolean(xs[1]);
            LinearCombination[] values = xs[2..].Select(v => (LinearCombination)v).ToArray();
            return Select.Mux(b, [xs[0], 1], values);
        }));
    }

    [Fact]
    public void InverseIsUniqueAndRejectsZero()
    {
        Assert.Equal(S(4).Inverse(), CheckGadget([S(4)], (b, xs) => Arithmetic.Inverse(b, xs[0])));
        CheckGadget([S(0)], (b, xs) => Arithmetic.Inverse(b, xs[0]), expectSatisfied: false);
    }

    [Theory]
    [InlineData(3.25, 2.5, Rounding.HalfUp)]
    [InlineData(-3.25, 2.5, Rounding.HalfUp)]
    [InlineData(-3.25, 2.5, Rounding.Floor)]
    [InlineData(0.5, -0.5, Rounding.Floor)]
    [InlineData(0.75, 0.75, Rounding.HalfUp)]
    [InlineData(-0.0625, 1, Rounding.HalfUp)]
    public void MulRescaleMatchesTheReference(double x, double y, Rounding rounding)
    {
        const int s = 4, m = 12;
        long xi = (long)(x * (1 << s)), yi = (long)(y * (1 << s));
        BigInteger expected = FixedPoint.RescaleReference((BigInteger)xi * yi, s, rounding);
        int cost = 0;
        Fr q = CheckGadget([S(xi), S(yi)], (b, xs) =>
        {
            LinearCombination r = FixedPoint.MulRescale(b, xs[0], xs[1], s, m, rounding);
            cost = b.ConstraintCount;
            return r;
        }, k: s + m);
        Assert.Equal(s + m + 1, cost);
        Assert.Equal(expected, FixedPoint.ToSigned(q));
    }

    [Fact]
    public void MulRescaleRejectsAnOutOfRangeQuotient() =>
        CheckGadget([S(1 << 10), S(1 << 10)], (b, xs) => FixedPoint.MulRescale(b, xs[0], xs[1], 4, 12), expectSatisfied: false);

    [Fact]
    public void RescaleReferenceRoundsAsDocumented()
    {
        Assert.Equal(1, FixedPoint.RescaleReference(8, 4, Rounding.HalfUp));   // 0.5 → 1
        Assert.Equal(0, FixedPoint.RescaleReference(-8, 4, Rounding.HalfUp));  // −0.5 → 0
        Assert.Equal(-1, FixedPoint.RescaleReference(-8, 4, Rounding.Floor));  // −0.5 → −1
        Assert.Equal(-1, FixedPoint.RescaleReference(-24, 4, Rounding.HalfUp)); // −1.5 → −1
    }

    [Fact]
    public void MulRescaleProperty() =>
        Prop.ForAll(Gen.Choose(-2000, 2000).Two().ToArbitrary(), t =>
        {
            BigInteger expected = FixedPoint.RescaleReference((BigInteger)t.Item1 * t.Item2, 8, Rounding.HalfUp);
            var (c, w) = Build([S(t.Item1), S(t.Item2)], (b, xs) => b.PublicOutput("q", FixedPoint.MulRescale(b, xs[0], xs[1], 8, 16)));
            return c.System.IsSatisfied(w) && FixedPoint.ToSigned(w[1]) == expected;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(-128)]
    [InlineData(127)]
    public void SignAndRelu(long v)
    {
        Assert.Equal(S(Math.Sign(v)), CheckGadget([S(v)], (b, xs) => Activation.Sign(b, xs[0], 8)));
        Assert.Equal(S(Math.Max(v, 0)), CheckGadget([S(v)], (b, xs) => Activation.Relu(b, xs[0], 8)));
    }

    [Fact]
    public void ReluRejectsOutOfRangeInputs()
    {
        CheckGadget([S(128)], (b, xs) => Activation.Relu(b, xs[0], 8), expectSatisfied: false);
        CheckGadget([S(-129)], (b, xs) => Activation.Relu(b, xs[0], 8), expectSatisfied: false);
    }

    [Theory]
    [InlineData(new long[] { 3, -7, 12, 5 })]
    [InlineData(new long[] { -3, -7, -12, -5 })]
    [InlineData(new long[] { 4, 4, 4 })]
    [InlineData(new long[] { 9 })]
    public void MaxOfVector(long[] values)
    {
        int cost = 0;
        Fr max = CheckGadget(values.Select(S).ToArray(), (b, xs) =>
        {
            LinearCombination r = Activation.Max(b, xs.Select(v => (LinearCombination)v).ToArray(), 8);
            cost = b.ConstraintCount;
            return r;
        });
        Assert.Equal(S(values.Max()), max);
        Assert.Equal((values.Length - 1) * (8 + 2), cost);
    }

    [Fact]
    public void RangeCheckRejectsOutOfRange()
    {
        var (c, w) = Build([S(200)], (b, xs) => Bits.RangeCheck(b, xs[0], 8));
        AssertFullyConstrained(c.System, w);
        Assert.False(c.System.IsSatisfied(c.Solve([S(256)], [])));
        Assert.False(c.System.IsSatisfied(c.Solve([S(-1)], [])));
    }

    [Fact]
    public void ReluAndMaxAreFullyConstrainedForRandomInputs() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).ArrayOf(3).ToArbitrary(), values =>
        {
            Fr[] inputs = values.Select(v => S(v)).ToArray();
            CheckGadget(inputs, (b, xs) => Activation.Relu(b, xs[0], 12), k: 12);
            CheckGadget(inputs, (b, xs) => Activation.Max(b, xs.Select(v => (LinearCombination)v).ToArray(), 12), k: 12);
            CheckGadget(inputs, (b, xs) => FixedPoint.MulRescale(b, xs[0], xs[1], 6, 16, Rounding.Floor), k: 22);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15));
}
