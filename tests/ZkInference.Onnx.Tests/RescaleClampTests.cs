using System.Numerics;
using Xunit;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// <see cref="RescaleClamp"/>: clamp(round(v / 2^shift), a, a + 2^j − 1) from one decomposition. Checked against the
/// integer reference on every boundary (both sides of each clamp end, ties of the rounding, the bound itself) and on
/// random values; its cost is exactly shift + m + max(1, m − j); and every wire it creates is pinned: changing any one
/// (the bits, the products, the output) to another value breaks a constraint.
/// </summary>
public sealed class RescaleClampTests
{
    // (shift, j, a, bound): no higher bit (m = j + 1), one, several; a narrow input (shift 0); a Tanh-like case.
    public static TheoryData<int, int, long, long> Cases => new()
    {
        { 0, 4, -8, 15 },
        { 3, 4, -8, 120 },
        { 3, 3, 2, 1000 },
        { 7, 10, -511, 1L << 17 },
        { 1, 1, 5, 40 },
        { 0, 5, 0, 3 },
    };

    private static BigInteger Reference(BigInteger v, int shift, BigInteger a, int j)
    {
        BigInteger q = QuantGadgets.FloorDiv(v + (shift > 0 ? BigInteger.One << (shift - 1) : 0), BigInteger.One << shift);
        return BigInteger.Clamp(q, a, a + (BigInteger.One << j) - 1);
    }

    private static (CompiledCircuit Circuit, int Cost) Build(int shift, int j, long a, long bound)
    {
        var b = new CircuitBuilder();
        Variable v = b.PublicInput("v");
        int before = b.ConstraintCount;
        LinearCombination y = RescaleClamp.Layout(b, v, bound, shift, a, j);
        int cost = b.ConstraintCount - before;
        b.PublicOutput("y", y);
        return (b.Compile(), cost);
    }

    private static IEnumerable<BigInteger> Inputs(int shift, int j, long a, long bound)
    {
        var values = new HashSet<BigInteger> { 0, bound, -bound, 1, -1 };
        BigInteger unit = BigInteger.One << shift;
        // Around both ends of the interval, on both sides of every rounding tie.
        foreach (BigInteger end in new[] { (BigInteger)a, a + (BigInteger.One << j) - 1 })
            for (int d = -2; d <= 2; d++)
                for (int r = -2; r <= 2; r++)
                    values.Add((end + d) * unit + (unit >> 1) + r);
        var rng = new Random(shift * 100 + j);
        for (int i = 0; i < 40; i++) values.Add(new BigInteger(rng.NextInt64(-bound, bound + 1)));
        return values.Where(v => BigInteger.Abs(v) <= bound);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheReferenceAtEveryBoundaryWithTheStatedCost(int shift, int j, long a, long bound)
    {
        var (c, cost) = Build(shift, j, a, bound);
        BigInteger qBound = ((bound + (shift > 0 ? BigInteger.One << (shift - 1) : 0)) >> shift) + 1;
        int m = Math.Max(QTensor.BitsFor(qBound + Math.Abs(a)), j + 1);
        Assert.Equal(shift + m + Math.Max(1, m - j), cost);
        foreach (BigInteger v in Inputs(shift, j, a, bound))
        {
            Fr[] w = c.Solve([Fr.FromBigInteger(v)], []);
            Assert.True(c.System.IsSatisfied(w), $"v = {v}: {c.System.Check(w).Message}");
            Assert.Equal(Reference(v, shift, a, j), Quantizer.FromField(w[1]));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryWireIsPinned(int shift, int j, long a, long bound)
    {
        var (c, _) = Build(shift, j, a, bound);
        var rng = new Random(7);
        // Inside, below and above the interval, and on its ends.
        BigInteger unit = BigInteger.One << shift;
        BigInteger[] points = [a * unit, (a + (1L << j) - 1) * unit, (a - 1) * unit, (a + (1L << j)) * unit, bound, -bound, 0];
        foreach (BigInteger v in points.Where(p => BigInteger.Abs(p) <= bound))
        {
            Fr[] w = c.Solve([Fr.FromBigInteger(v)], []);
            Assert.True(c.System.IsSatisfied(w));
            for (int wire = 1; wire < w.Length; wire++)
            {
                if (c.System.KindOf(wire) == WireKind.PublicInput) continue;
                Fr saved = w[wire];
                foreach (Fr other in new[] { saved + Fr.One, saved - Fr.One, Fr.Zero, Fr.One, Fr.FromUInt64(2), Fr.Random(rng) })
                {
                    if (other == saved) continue;
                    w[wire] = other;
                    Assert.False(c.System.IsSatisfied(w), $"v = {v}: wire {wire} ({c.System.NameOf(wire)}) changed from {saved} to {other} and the constraints still hold");
                }
                w[wire] = saved;
            }
        }
    }

    [Fact]
    public void AConstantIsClampedAtCompileTime()
    {
        var b = new CircuitBuilder();
        Assert.Equal(Fr.FromInt64(-8 + 15), RescaleClamp.Layout(b, Fr.FromInt64(500), 500, 3, -8, 4).ConstantTerm);
        Assert.Equal(Fr.FromInt64(-8), RescaleClamp.Layout(b, Fr.FromInt64(-500), 500, 3, -8, 4).ConstantTerm);
        Assert.Equal(Fr.FromInt64(2), RescaleClamp.Layout(b, Fr.FromInt64(12), 500, 3, -8, 4).ConstantTerm); // round(1.5) = 2
        Assert.Equal(0, b.ConstraintCount);
    }
}
