using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Fft;

namespace ZkInference.Field.Tests;

/// <summary>
/// The FFTs of <see cref="EvaluationDomain"/> against naive evaluation (Horner at ωⁱ and g·ωⁱ), and
/// their algebra: round trips, linearity, and parallel = sequential.
/// </summary>
public sealed class FftTests
{
    private static Fr[] RandomValues(int n, int seed)
    {
        var rng = new Random(seed);
        var values = new Fr[n];
        for (int i = 0; i < n; i++) values[i] = Fr.Random(rng);
        return values;
    }

    private static Fr Horner(Fr[] coefficients, Fr x)
    {
        Fr acc = Fr.Zero;
        for (int i = coefficients.Length - 1; i >= 0; i--) acc = acc * x + coefficients[i];
        return acc;
    }

    private static Fr NonZero(Fr g) => g.IsZero ? Fr.One : g;

    [Property(MaxTest = 40)]
    public bool InverseUndoesForward(int seed, byte logSizeByte)
    {
        int k = logSizeByte % 13; // sizes 1 … 2^12
        var domain = EvaluationDomain.ForLogSize(k);
        Fr[] original = RandomValues(domain.Size, seed);
        Fr[] values = (Fr[])original.Clone();
        domain.Fft(values);
        domain.InverseFft(values);
        return values.AsSpan().SequenceEqual(original);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(28)]
    public void RootOfUnityIsThePrimitiveRootOfItsDomain(int logSize)
    {
        Fr w = EvaluationDomain.RootOfUnity(logSize);
        if (logSize <= 17) Assert.Equal(EvaluationDomain.ForLogSize(logSize).Generator, w);
        // Order exactly 2^k: w = 1 for k = 0, else w^(2^(k−1)) = −1.
        Fr x = w;
        for (int i = 0; i < logSize - 1; i++) Fr.Square(x, out x);
        Assert.Equal(logSize == 0 ? Fr.One : -Fr.One, x);
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.RootOfUnity(29));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationDomain.RootOfUnity(-1));
    }

    [Fact]
    public void InverseUndoesForwardAt2To16()
    {
        var domain = EvaluationDomain.ForLogSize(16);
        Fr[] original = RandomValues(domain.Size, 16);
        Fr[] values = (Fr[])original.Clone();
        domain.Fft(values);
        Assert.False(values.AsSpan().SequenceEqual(original));
        domain.InverseFft(values);
        Assert.True(values.AsSpan().SequenceEqual(original));
    }

    [Property(MaxTest = 30)]
    public bool ForwardMatchesNaiveEvaluation(int seed, byte logSizeByte)
    {
        int k = logSizeByte % 7; // sizes 1 … 64
        var domain = EvaluationDomain.ForLogSize(k);
        Fr[] coefficients = RandomValues(domain.Size, seed);
        Fr[] values = (Fr[])coefficients.Clone();
        domain.Fft(values);
        Fr x = Fr.One;
        for (int i = 0; i < domain.Size; i++)
        {
            if (values[i] != Horner(coefficients, x)) return false;
            x *= domain.Generator;
        }
        return true;
    }

    [Fact]
    public void BlockedParallelTransformMatchesNaiveEvaluation()
    {
        // 2^15 takes the recursive, parallel path (above the in-cache block size and the parallel threshold).
        var domain = EvaluationDomain.ForLogSize(15);
        Fr[] coefficients = RandomValues(domain.Size, 15);
        Fr[] values = (Fr[])coefficients.Clone();
        Fr g = Fr.FromUInt64(7);
        Fr[] coset = (Fr[])coefficients.Clone();
        domain.Fft(values);
        domain.CosetFft(coset, g);
        foreach (int i in new[] { 0, 1, 2, 3, 4095, 4096, 12345, 16384, 32767 })
        {
            Fr x = Fr.Pow(domain.Generator, i);
            Assert.Equal(Horner(coefficients, x), values[i]);
            Assert.Equal(Horner(coefficients, g * x), coset[i]);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 30)]
    public bool CosetForwardMatchesNaiveEvaluation(int seed, byte logSizeByte, Fr shift)
    {
        Fr g = NonZero(shift);
        int k = logSizeByte % 7;
        var domain = EvaluationDomain.ForLogSize(k);
        Fr[] coefficients = RandomValues(domain.Size, seed);
        Fr[] values = (Fr[])coefficients.Clone();
        domain.CosetFft(values, g);
        Fr x = g;
        for (int i = 0; i < domain.Size; i++)
        {
            if (values[i] != Horner(coefficients, x)) return false;
            x *= domain.Generator;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 30)]
    public bool CosetInverseUndoesCosetForward(int seed, byte logSizeByte, Fr shift)
    {
        Fr g = NonZero(shift);
        var domain = EvaluationDomain.ForLogSize(logSizeByte % 13);
        Fr[] original = RandomValues(domain.Size, seed);
        Fr[] values = (Fr[])original.Clone();
        domain.CosetFft(values, g);
        domain.CosetInverseFft(values, g);
        return values.AsSpan().SequenceEqual(original);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 30)]
    public bool ForwardIsLinear(int seed, byte logSizeByte, Fr scalar)
    {
        var domain = EvaluationDomain.ForLogSize(logSizeByte % 11);
        Fr[] x = RandomValues(domain.Size, seed), y = RandomValues(domain.Size, seed + 1);
        var combined = new Fr[domain.Size];
        for (int i = 0; i < combined.Length; i++) combined[i] = scalar * x[i] + y[i];
        domain.Fft(x);
        domain.Fft(y);
        domain.Fft(combined);
        for (int i = 0; i < combined.Length; i++)
            if (combined[i] != scalar * x[i] + y[i]) return false;
        return true;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 4)]
    public bool ParallelMatchesSequential(int seed, Fr shift)
    {
        Fr g = NonZero(shift);
        var domain = EvaluationDomain.ForLogSize(15); // above ParallelThreshold
        Fr[] a = RandomValues(domain.Size, seed);
        Fr[] b = (Fr[])a.Clone();
        domain.Fft(a, parallel: true);
        domain.Fft(b, parallel: false);
        bool forward = a.AsSpan().SequenceEqual(b);
        domain.CosetInverseFft(a, g, parallel: true);
        domain.CosetInverseFft(b, g, parallel: false);
        return forward && a.AsSpan().SequenceEqual(b);
    }

    [Fact]
    public void SequentialTransformsDoNotAllocate()
    {
        var domain = EvaluationDomain.ForLogSize(13); // above the in-cache block size: the recursive path
        Fr[] values = RandomValues(domain.Size, 13);
        Fr g = Fr.FromUInt64(5);
        void All()
        {
            domain.Fft(values, parallel: false);
            domain.InverseFft(values, parallel: false);
            domain.CosetFft(values, g, parallel: false);
            domain.CosetInverseFft(values, g, parallel: false);
        }
        All(); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        All();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void DomainBasics()
    {
        var domain = EvaluationDomain.ForLogSize(10);
        Assert.Same(domain, EvaluationDomain.ForMinimumSize(1000));
        Assert.Equal(1024, domain.Size);
        Assert.True(Fr.Pow(domain.Generator, 1024).IsOne);
        Assert.False(Fr.Pow(domain.Generator, 512).IsOne);
        Assert.True((domain.Generator * domain.GeneratorInverse).IsOne);
        Assert.True((domain.SizeInverse * Fr.FromUInt64(1024)).IsOne);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationDomain(29));
        Assert.Throws<ArgumentException>(() => domain.Fft(new Fr[1023]));
    }
}
