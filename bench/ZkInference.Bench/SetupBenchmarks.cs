using BenchmarkDotNet.Attributes;
using ZkInference.Field;
using ZkInference.Groth16.Ptau;
using ZkInference.Groth16.Setup;

namespace ZkInference.Bench;

/// <summary>
/// Trusted-setup steps: the point FFT behind <c>powersoftau prepare phase2</c> (one level), and the whole
/// prepare and <c>groth16 setup</c> on files made in a temporary folder (prepare at power 8; setup of the
/// 2^12 fixture when a prepared ptau of power ≥ 12 is given in ZKINFER_BENCH_PTAU12).
/// </summary>
[MemoryDiagnoser]
public class SetupBenchmarks
{
    private G1Jacobian[] _g1 = [];
    private string _dir = "", _ptau = "";

    /// <summary>log2 of the FFT size.</summary>
    [Params(10, 12)]
    public int LogSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _g1 = new G1Jacobian[1 << LogSize];
        G1Jacobian p = G1Jacobian.Generator;
        for (int i = 0; i < _g1.Length; i++) { _g1[i] = p; p += G1Jacobian.Generator; }
        _dir = Path.Combine(Path.GetTempPath(), $"zkbench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        _ptau = Path.Combine(_dir, "p1.ptau");
        PowersOfTau.New(8, Path.Combine(_dir, "p0.ptau"));
        PowersOfTau.Contribute(Path.Combine(_dir, "p0.ptau"), _ptau, "bench", "bench");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public void G1_InverseFft() => GroupFft.Inverse<G1Jacobian, G1Ops>((G1Jacobian[])_g1.Clone());

    [Benchmark]
    public void PreparePhase2_Power8() => PowersOfTau.PreparePhase2(_ptau, Path.Combine(_dir, "prepared.ptau"));

    [Benchmark]
    public void Groth16Setup_2e12()
    {
        string? ptau = Environment.GetEnvironmentVariable("ZKINFER_BENCH_PTAU12");
        if (ptau is null) return;
        string r1cs = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "fixtures", "scale_2e12", "circuit.r1cs");
        ZkeySetup.Run(r1cs, ptau, Path.Combine(_dir, "setup.zkey"));
    }
}
