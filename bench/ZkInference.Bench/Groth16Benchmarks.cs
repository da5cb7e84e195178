using BenchmarkDotNet.Attributes;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;

namespace ZkInference.Bench;

/// <summary>
/// Groth16 verification (single, prepared key; batch of 64) and proving the 2^12 fixture, on the shared
/// snarkjs fixtures (../shared/fixtures beside the repository).
/// </summary>
[MemoryDiagnoser]
public class Groth16Benchmarks
{
    private PreparedVerifyingKey _pvk = null!;
    private Fr[] _public = [];
    private Proof _proof;
    private Fr[][] _batchPublic = [];
    private Proof[] _batchProofs = [];
    private ProvingKey _pk = null!;
    private Fr[] _witness = [];

    [GlobalSetup]
    public void Setup()
    {
        _pk = ZkeyFile.Read(Fixture("scale_2e12", "circuit_final.zkey"));
        _witness = WtnsFile.Read(Fixture("scale_2e12", "witness.wtns"));
        _pvk = new PreparedVerifyingKey(VerificationKeyJson.Read(Fixture("scale_2e12", "verification_key.json")));
        _public = PublicSignalsJson.ParseFieldElements(File.ReadAllText(Fixture("scale_2e12", "public.json")));
        _proof = ProofJson.Read(Fixture("scale_2e12", "proof.json"));
        // 64 distinct valid proofs of the same statement (fresh randomness each).
        _batchProofs = Enumerable.Range(0, 64).Select(_ => Prover.Prove(_pk, _witness).Proof).ToArray();
        _batchPublic = Enumerable.Range(0, 64).Select(_ => _public).ToArray();
    }

    /// <summary>The 64 proofs of the batch benchmark.</summary>
    internal Proof[] BatchProofs => _batchProofs;

    [Benchmark]
    public bool Groth16_Verify() => Verifier.Verify(_pvk, _public, _proof).IsValid;

    /// <summary>All 64 proofs in one batch (divide by 64 for the per-proof cost).</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public bool Groth16_BatchVerify64() => BatchVerifier.Verify(_pvk, _batchPublic, _batchProofs).IsValid;

    [Benchmark]
    public ProofWithPublicSignals Groth16_Prove_2e12() => Prover.Prove(_pk, _witness);

    private static string Fixture(string folder, string file)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "ZkInference.sln")))
                return Path.Combine(dir, "..", "shared", "fixtures", folder, file);
        throw new InvalidOperationException("no ZkInference.sln above the benchmark binary");
    }
}
