using BenchmarkDotNet.Attributes;
using ZkInference.Field;

namespace ZkInference.Bench;

/// <summary>Group operations on G1 and G2: the cost units of MSMs, provers and verifiers.</summary>
[MemoryDiagnoser]
public class CurveBenchmarks
{
    private G1Jacobian _p1, _q1;
    private G1Affine _a1;
    private G2Jacobian _p2, _q2;
    private G2Affine _a2;
    private Fr _k;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _p1 = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng));
        _q1 = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng));
        _a1 = G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)).ToAffine();
        _p2 = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
        _q2 = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng));
        _a2 = G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng)).ToAffine();
        _k = Fr.Random(rng);
    }

    [Benchmark] public G1Jacobian G1Jac_AddMixed() { G1Jacobian.AddMixed(_p1, _a1, out G1Jacobian r); return r; }
    [Benchmark] public G1Jacobian G1Jac_Add() { G1Jacobian.Add(_p1, _q1, out G1Jacobian r); return r; }
    [Benchmark] public G1Jacobian G1Jac_Double() { G1Jacobian.Double(_p1, out G1Jacobian r); return r; }
    [Benchmark] public G2Jacobian G2Jac_Add() { G2Jacobian.Add(_p2, _q2, out G2Jacobian r); return r; }
    [Benchmark] public G2Jacobian G2Jac_Double() { G2Jacobian.Double(_p2, out G2Jacobian r); return r; }
    [Benchmark] public G1Jacobian G1_ScalarMul() => G1Jacobian.Multiply(_p1, _k);
    [Benchmark] public G1Jacobian G1_ScalarMulWnafNoGlv() => G1Jacobian.MultiplyWnaf(_p1, _k);
    [Benchmark] public G2Jacobian G2_ScalarMul() => G2Jacobian.Multiply(_p2, _k);
    [Benchmark] public bool G2_SubgroupCheck() => _a2.IsInSubgroup;
}
