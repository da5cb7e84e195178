using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ZkInference.Field;

namespace ZkInference.Bench;

/// <summary>
/// Prime-field operations, the cost unit of everything above, each timed on a dependent chain
/// (x = x·y, as mcl times them) of <see cref="Chain"/> operations.
/// <see cref="FieldBenchmarksNoIntrinsics"/> reruns them with hardware intrinsics disabled.
/// </summary>
[MemoryDiagnoser]
public class FieldBenchmarks
{
    /// <summary>Operations per benchmark invocation.</summary>
    public const int Chain = 1000;

    private Fp _fa, _fb;
    private Fr _ra, _rb;
    private BigInteger _ba, _bb;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _fa = Fp.Random(rng); _fb = Fp.Random(rng);
        _ra = Fr.Random(rng); _rb = Fr.Random(rng);
        _ba = _fa.ToBigInteger(); _bb = _fb.ToBigInteger();
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp Fp_Mul()
    {
        Fp x = _fa;
        for (int i = 0; i < Chain; i++) Fp.Mul(x, _fb, out x);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp Fp_Square()
    {
        Fp x = _fa;
        for (int i = 0; i < Chain; i++) Fp.Square(x, out x);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp Fp_Add()
    {
        Fp x = _fa;
        for (int i = 0; i < Chain; i++) Fp.Add(x, _fb, out x);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain / 10)]
    public Fp Fp_Inverse()
    {
        Fp x = _fa;
        for (int i = 0; i < Chain / 10; i++) Fp.Inverse(x, out x);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fr Fr_Mul()
    {
        Fr x = _ra;
        for (int i = 0; i < Chain; i++) Fr.Mul(x, _rb, out x);
        return x;
    }

    /// <summary>The baseline: the same product with System.Numerics.BigInteger (multiply, then mod p).</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public BigInteger BigInteger_MulMod()
    {
        BigInteger x = _ba, p = Fp.Modulus;
        for (int i = 0; i < Chain; i++) x = x * _bb % p;
        return x;
    }
}

/// <summary>
/// The field benchmarks in a process started with <c>DOTNET_EnableHWIntrinsic=0</c>: the portable
/// 64×64→128 product instead of <c>mulx</c>.
/// </summary>
[Config(typeof(Config))]
public class FieldBenchmarksNoIntrinsics : FieldBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.ShortRun.WithId("NoIntrinsics").WithEnvironmentVariable("DOTNET_EnableHWIntrinsic", "0"));
    }
}
