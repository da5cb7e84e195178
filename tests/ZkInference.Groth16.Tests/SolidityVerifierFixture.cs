using System.Numerics;
using Xunit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16.Evm;
using ZkInference.Groth16.Solidity;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

/// <summary>
/// Everything the Solidity verifier tests look at for one circom fixture, computed once: our generated verifier
/// compiled by solcjs and deployed on @ethereumjs/vm with every case sent to it as a transaction, and snarkjs's
/// own Verifier.sol from the fixture (read in place) run on the valid proof, for the gas comparison.
/// </summary>
public sealed class SolidityFixtureRun
{
    /// <summary>Cases sent to our verifier, in order; their results are in <see cref="Results"/> under the same names.</summary>
    public static readonly string[] CaseNames =
    [
        "valid", "ours", "proof_bad", "proof_bad_offcurve", "public_bad", "public_bad_overflow",
        "flip_a_x", "flip_a_y", "flip_b", "flip_c_y", "b_real_first", "a_y_plus_q", "low_gas",
    ];

    public SolidityFixtureRun(string fixture)
    {
        Fixture = fixture;
        Key = ZkeyFile.ReadVerifyingKey(RepoPaths.Fixture(fixture, "circuit_final.zkey"));
        Source = SolidityVerifier.Generate(Key);
        string dir = RepoPaths.NewTempDirectory("zkinfer-sol");
        try
        {
            string sol = Path.Combine(dir, "verifier.sol");
            SolidityVerifier.Write(sol, Key);
            Ours = SolidityEvm.Compile(sol, SolidityVerifier.ContractName);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        Selector = Ours.MethodIdentifiers[SolidityEvm.VerifyProofSignature(Key.PublicCount)];

        string F(string name) => RepoPaths.Fixture(fixture, name);
        BigInteger[] valid = SolidityEvm.WordsFromJson(F("proof.json"), F("public.json"));

        ProvingKey pk = ZkeyFile.Read(F("circuit_final.zkey"));
        ProofWithPublicSignals mine = Prover.Prove(pk, WtnsFile.Read(F("witness.wtns")));
        OursCalldataText = SolidityCalldata.Format(mine.Proof, mine.PublicSignals.Select(s => s.ToString()).ToArray());
        BigInteger[] ours = SolidityEvm.WordsFromCalldataText(OursCalldataText);

        BigInteger[] With(BigInteger[] words, int index, Func<BigInteger, BigInteger> change)
        {
            var copy = (BigInteger[])words.Clone();
            copy[index] = change(copy[index]);
            return copy;
        }
        BigInteger[] bRealFirst = (BigInteger[])valid.Clone();
        (bRealFirst[2], bRealFirst[3], bRealFirst[4], bRealFirst[5]) = (valid[3], valid[2], valid[5], valid[4]);

        var cases = new (BigInteger[] Words, long? Gas)[]
        {
            (valid, null),
            (ours, null),
            (SolidityEvm.WordsFromJson(F("proof_bad.json"), F("public.json")), null),
            (SolidityEvm.WordsFromJson(F("proof_bad_offcurve.json"), F("public.json")), null),
            (SolidityEvm.WordsFromJson(F("proof.json"), F("public_bad.json")), null),
            (SolidityEvm.WordsFromJson(F("proof.json"), F("public_bad_overflow.json")), null),
            (With(valid, 0, v => v ^ 1), null),
            (With(valid, 1, v => v ^ 1), null),
            (With(valid, 3, v => v ^ 1), null),
            (With(valid, 7, v => v ^ 1), null),
            (bRealFirst, null),
            (With(valid, 1, v => v + Fp.Modulus), null),
            (valid, 200_000), // too little for the 4-pair ecPairing (181,000 gas) after the intrinsic and ecMul costs
        };
        ValidWords = valid;
        OursWords = ours;
        Run = SolidityEvm.Run(Ours.Bytecode, cases.Select((c, i) => new EvmCallSpec(SolidityEvm.Encode(Selector, c.Words), c.Gas, SearchGasLimit: i == 0)).ToList());
        Results = CaseNames.Zip(Run.Calls).ToDictionary(p => p.First, p => p.Second);

        CompiledContract snarkjs = SolidityEvm.Compile(F("Verifier.sol"), SolidityVerifier.ContractName);
        string snarkjsSelector = snarkjs.MethodIdentifiers[SolidityEvm.VerifyProofSignature(Key.PublicCount)];
        Assert.Equal(Selector, snarkjsSelector);
        SnarkjsRun = SolidityEvm.Run(snarkjs.Bytecode,
            [new EvmCallSpec(SolidityEvm.Encode(snarkjsSelector, valid), SearchGasLimit: true), new EvmCallSpec(SolidityEvm.Encode(snarkjsSelector, ours))]);
    }

    public string Fixture { get; }
    public VerifyingKey Key { get; }
    public string Source { get; }
    public CompiledContract Ours { get; }
    public string Selector { get; }
    public string OursCalldataText { get; }
    public BigInteger[] ValidWords { get; }
    public BigInteger[] OursWords { get; }
    public EvmRun Run { get; }
    public IReadOnlyDictionary<string, EvmCall> Results { get; }
    public EvmRun SnarkjsRun { get; }
}

/// <summary>The two fixtures' runs, shared by the tests of one class (solcjs takes seconds per compile).</summary>
public sealed class SolidityVerifierFixture
{
    private readonly Lazy<SolidityFixtureRun> multiplier = new(() => new SolidityFixtureRun("multiplier"));
    private readonly Lazy<SolidityFixtureRun> poseidon = new(() => new SolidityFixtureRun("poseidon"));

    public SolidityFixtureRun this[string fixture] => fixture switch
    {
        "multiplier" => multiplier.Value,
        "poseidon" => poseidon.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
    };
}
