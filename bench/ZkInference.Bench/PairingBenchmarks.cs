using BenchmarkDotNet.Attributes;
using ZkInference.Field;
using PairingApi = ZkInference.Field.Pairing;

namespace ZkInference.Bench;

/// <summary>The pairing and the Fp12 operations it is made of.</summary>
[MemoryDiagnoser]
public class PairingBenchmarks
{
    private G1Affine _p;
    private G2Affine _q;
    private G2Prepared _qPrepared = null!;
    private readonly G1Affine[] _ps4 = new G1Affine[4];
    private readonly G2Affine[] _qs4 = new G2Affine[4];
    private readonly G2Prepared[] _qs4Prepared = new G2Prepared[4];
    private MillerLoopResult _f;
    private Fp12 _a, _b, _cyclotomic, _r; // Fp12 is internal: results go to _r

    [GlobalSetup]
    public void Setup()
    {
        _p = G1Affine.Generator;
        _q = G2Affine.Generator;
        _qPrepared = new G2Prepared(_q);
        // e(P, Q)·e(−P, Q)·e(P, −Q)·e(−P, −Q) = 1: a realistic passing check (the Groth16 shape).
        _ps4[0] = _p; _ps4[1] = _p.Negate(); _ps4[2] = _p; _ps4[3] = _p.Negate();
        _qs4[0] = _q; _qs4[1] = _q; _qs4[2] = _q.Negate(); _qs4[3] = _q.Negate();
        for (int i = 0; i < 4; i++) _qs4Prepared[i] = new G2Prepared(_qs4[i]);
        _f = PairingApi.MillerLoop([_p], [_q]);
        var rng = new Random(1);
        _a = Fp12.Random(rng);
        _b = Fp12.Random(rng);
        _cyclotomic = PairingApi.Pair(_p, _q).Value;
    }

    [Benchmark] public Gt Pairing() => PairingApi.Pair(_p, _q);
    [Benchmark] public MillerLoopResult MillerLoop() => PairingApi.MillerLoop([_p], [_q]);
    [Benchmark] public MillerLoopResult MillerLoop_Prepared() => PairingApi.MillerLoop([_p], [_qPrepared]);
    [Benchmark] public Gt FinalExponentiation() => PairingApi.FinalExponentiation(_f);
    [Benchmark] public bool PairingCheck4() => PairingApi.PairingCheck(_ps4, _qs4);
    [Benchmark] public bool PairingCheck4_Prepared() => PairingApi.PairingCheck(_ps4, _qs4Prepared);
    [Benchmark] public void Fp12_Mul() => Fp12.Mul(_a, _b, out _r);
    [Benchmark] public void Fp12_Square() => Fp12.Square(_a, out _r);
    [Benchmark] public void Fp12_CyclotomicSquare() => Fp12.CyclotomicSquare(_cyclotomic, out _r);
    [Benchmark] public void Fp12_MulBy034() => Fp12.MulBy034(_a, _b.C0.C0, _b.C1.C0, _b.C1.C1, out _r);
    [Benchmark] public void Fp12_Inverse() => Fp12.Inverse(_a, out _r);
}
