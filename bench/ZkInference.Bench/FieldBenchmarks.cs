using BenchmarkDotNet.Attributes;
using ZkInference.Field;

namespace ZkInference.Bench;

/// <summary>Prime-field operations: the cost unit of everything above.</summary>
[MemoryDiagnoser]
public class FieldBenchmarks
{
    private Fp _fa, _fb;
    private Fr _ra, _rb;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _fa = Fp.Random(rng); _fb = Fp.Random(rng);
        _ra = Fr.Random(rng); _rb = Fr.Random(rng);
    }

    [Benchmark] public Fp Fp_Mul() { Fp.Mul(_fa, _fb, out Fp r); return r; }
    [Benchmark] public Fp Fp_Square() { Fp.Square(_fa, out Fp r); return r; }
    [Benchmark] public Fp Fp_Add() { Fp.Add(_fa, _fb, out Fp r); return r; }
    [Benchmark] public Fp Fp_Inverse() { Fp.Inverse(_fa, out Fp r); return r; }
    [Benchmark] public Fr Fr_Mul() { Fr.Mul(_ra, _rb, out Fr r); return r; }
}
