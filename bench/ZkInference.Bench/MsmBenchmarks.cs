using BenchmarkDotNet.Attributes;
using ZkInference.Field;

namespace ZkInference.Bench;

/// <summary>Multi-scalar multiplication with full-size random scalars (the prover's worst case).</summary>
[MemoryDiagnoser]
public class MsmBenchmarks
{
    private const int N = 1 << 16;
    private G1Affine[] _points = [];
    private G2Affine[] _points2 = [];
    private Fr[] _scalars = [];
    private static readonly MsmOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _scalars = new Fr[N];
        for (int i = 0; i < N; i++) _scalars[i] = Fr.Random(rng);
        // Successive multiples of a random point, converted to affine with one inversion.
        var jac = new G1Jacobian[N];
        G1Jacobian step = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)), current = step;
        for (int i = 0; i < N; i++) { jac[i] = current; current += step; }
        _points = new G1Affine[N];
        G1Jacobian.BatchToAffine(jac, _points);
        const int n2 = 1 << 12;
        var jac2 = new G2Jacobian[n2];
        G2Jacobian step2 = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng)), current2 = step2;
        for (int i = 0; i < n2; i++) { jac2[i] = current2; current2 += step2; }
        _points2 = new G2Affine[n2];
        G2Jacobian.BatchToAffine(jac2, _points2);
    }

    [Benchmark] public G1Jacobian G1_Msm_65536_1Thread() => MultiExp.G1(_points, _scalars, OneThread);
    [Benchmark] public G1Jacobian G1_Msm_65536_AllCores() => MultiExp.G1(_points, _scalars);
    [Benchmark] public G2Jacobian G2_Msm_4096_AllCores() => MultiExp.G2(_points2, _scalars.AsSpan(0, _points2.Length));
}
