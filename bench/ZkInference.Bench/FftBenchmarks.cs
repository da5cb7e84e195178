using BenchmarkDotNet.Attributes;
using ZkInference.Field;
using ZkInference.Field.Fft;

namespace ZkInference.Bench;

/// <summary>The radix-2 FFT over Fr at 2^20 (the Groth16 prover's size class), on all cores and on one.</summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    private EvaluationDomain _domain = null!;
    private Fr[] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        _domain = EvaluationDomain.ForLogSize(20);
        var rng = new Random(1);
        _values = new Fr[_domain.Size];
        for (int i = 0; i < _values.Length; i++) _values[i] = Fr.Random(rng);
    }

    [Benchmark]
    public void Fft_2_20() => _domain.Fft(_values, parallel: true);

    [Benchmark]
    public void Fft_2_20_1Thread() => _domain.Fft(_values, parallel: false);

    [Benchmark]
    public void CosetFft_2_20() => _domain.CosetFft(_values, _domain.Generator, parallel: true);
}
