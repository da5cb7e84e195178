using System.Numerics;
using Xunit;
using Xunit.Abstractions;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Ops;

namespace ZkInference.Onnx.Tests;

/// <summary>
/// The in-circuit Chebyshev evaluation (exact Clenshaw recurrence, rounded once, or more often when a value would
/// outgrow the field budget, as at input scale 10) against the double-precision interpolant and the function itself,
/// for narrow inputs and for accumulator-scale inputs rounded inside the clamp; and every wire it creates is pinned.
/// </summary>
public sealed class ChebyshevApproximationTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Cases => new()
    {
        { "Tanh", 7, 0 }, { "Tanh", 7, 7 }, { "Tanh", 10, 0 },
        { "Sigmoid", 7, 7 }, { "Sigmoid", 10, 0 },
        { "Exp", 7, 0 }, { "Exp", 10, 3 },
        { "SoftmaxExp", 7, 7 },
    };

    private static ChebyshevApproximation Approx(string name) => name switch
    {
        "Tanh" => NonlinearOps.TanhApprox,
        "Sigmoid" => NonlinearOps.SigmoidApprox,
        "Exp" => NonlinearOps.ExpApprox,
        _ => NonlinearOps.SoftmaxExpApprox,
    };

    // The input x = v / 2^(s + shift) for |v| ≤ bound, the output at scale s.
    private static (CompiledCircuit Circuit, int Cost) Build(ChebyshevApproximation f, int s, int shift, BigInteger bound)
    {
        var b = new CircuitBuilder();
        Variable v = b.PublicInput("v");
        int before = b.ConstraintCount;
        var (y, _) = f.Layout(b, v, s + shift, bound, shift, s);
        int cost = b.ConstraintCount - before;
        b.PublicOutput("y", y);
        return (b.Compile(), cost);
    }

    private static BigInteger Bound(ChebyshevApproximation f, int scale) =>
        new BigInteger(Math.Ceiling(Math.Max(Math.Abs(f.Low), Math.Abs(f.High)) * 1.5 * Math.ScaleB(1, scale)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheInterpolantWithinOneUlp(string name, int s, int shift)
    {
        ChebyshevApproximation f = Approx(name);
        BigInteger bound = Bound(f, s + shift);
        var (c, cost) = Build(f, s, shift, bound);
        var rng = new Random(s * 31 + shift);
        double ulp = Math.ScaleB(1, -s), worstInterpolant = 0, worstFunction = 0;
        var values = new List<BigInteger> { bound, -bound, 0 };
        for (int i = 0; i < 300; i++) values.Add(new BigInteger((rng.NextDouble() * 2 - 1) * (double)bound));
        foreach (BigInteger v in values)
        {
            Fr[] w = c.Solve([Fr.FromBigInteger(v)], []);
            Assert.True(c.System.IsSatisfied(w), c.System.Check(w).Message);
            double y = (double)Quantizer.FromField(w[1]) * ulp;
            // The function's input is v rounded to scale s (half up), clamped to (low, high].
            double x = Math.Floor((double)v / Math.ScaleB(1, shift) + 0.5) * ulp;
            x = Math.Clamp(x, f.Low + ulp, f.High);
            double interpolant = f.Evaluate(x), exact = f.Function(x);
            worstInterpolant = Math.Max(worstInterpolant, Math.Abs(y - interpolant) / ulp);
            worstFunction = Math.Max(worstFunction, Math.Abs(y - exact));
            // One rounding of the result (½ ulp) plus the coefficients' rounding at 2^-20 and the interior roundings.
            Assert.True(Math.Abs(y - interpolant) <= ulp * 0.5 + 1e-3 * Math.Max(1, Math.Abs(interpolant)), $"{name}: x = {x}: circuit {y}, interpolant {interpolant}");
        }
        output.WriteLine($"{name} at 2^{s} (shift {shift}): {cost} constraints; worst |circuit − interpolant| {worstInterpolant:F3} ulp, |circuit − f| {worstFunction:G3}");
    }

    [Theory]
    [InlineData("Tanh", 7, 7)]
    [InlineData("Sigmoid", 10, 0)]
    [InlineData("SoftmaxExp", 7, 0)]
    public void EveryWireIsPinned(string name, int s, int shift)
    {
        ChebyshevApproximation f = Approx(name);
        BigInteger bound = Bound(f, s + shift);
        var (c, _) = Build(f, s, shift, bound);
        var rng = new Random(9);
        foreach (BigInteger v in new[] { BigInteger.Zero, bound, -bound, bound / 3 })
        {
            Fr[] w = c.Solve([Fr.FromBigInteger(v)], []);
            Assert.True(c.System.IsSatisfied(w));
            for (int wire = 1; wire < w.Length; wire++)
            {
                if (c.System.KindOf(wire) == WireKind.PublicInput) continue;
                Fr saved = w[wire];
                foreach (Fr other in new[] { saved + Fr.One, saved - Fr.One, Fr.Random(rng) })
                {
                    w[wire] = other;
                    Assert.False(c.System.IsSatisfied(w), $"v = {v}: wire {wire} ({c.System.NameOf(wire)}) changed and the constraints still hold");
                }
                w[wire] = saved;
            }
        }
    }
}
