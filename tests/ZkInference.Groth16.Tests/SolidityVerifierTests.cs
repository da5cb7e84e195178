using Xunit;
using Xunit.Abstractions;
using ZkInference.Groth16.Solidity;

namespace ZkInference.Groth16.Tests;

/// <summary>
/// The generated Solidity verifier on a real EVM: compiled by solcjs 0.8.37 (optimizer on, evmVersion cancun),
/// deployed on an in-process @ethereumjs/vm, called as transactions with the snarkjs fixtures' proofs, their
/// negative cases, tampered proofs and a proof from our own prover; gas recorded and bounded.
/// </summary>
public sealed class SolidityVerifierTests(SolidityVerifierFixture fixtures, ITestOutputHelper output) : IClassFixture<SolidityVerifierFixture>
{
    public static TheoryData<string> Fixtures => new() { "multiplier", "poseidon" };

    /// <summary>Upper bound for a verifyProof transaction with up to 3 public signals (intrinsic + execution).</summary>
    private const long MaxVerifyGas = 300_000;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CompilesWithoutWarnings(string fixture)
    {
        SolidityFixtureRun run = fixtures[fixture];
        Assert.Empty(run.Ours.Warnings);
        Assert.StartsWith("0.8.37", run.Ours.Compiler, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SnarkjsProofAndOurProofVerify(string fixture)
    {
        SolidityFixtureRun run = fixtures[fixture];
        Assert.True(run.Results["valid"].ReturnedTrue, Describe(run, "valid"));
        Assert.True(run.Results["ours"].ReturnedTrue, Describe(run, "ours"));
    }

    [Theory]
    [InlineData("multiplier", "proof_bad")]
    [InlineData("multiplier", "proof_bad_offcurve")]
    [InlineData("multiplier", "public_bad")]
    [InlineData("multiplier", "public_bad_overflow")]
    [InlineData("multiplier", "flip_a_x")]
    [InlineData("multiplier", "flip_a_y")]
    [InlineData("multiplier", "flip_b")]
    [InlineData("multiplier", "flip_c_y")]
    [InlineData("multiplier", "b_real_first")]
    [InlineData("multiplier", "a_y_plus_q")]
    [InlineData("poseidon", "proof_bad")]
    [InlineData("poseidon", "proof_bad_offcurve")]
    [InlineData("poseidon", "public_bad")]
    [InlineData("poseidon", "public_bad_overflow")]
    [InlineData("poseidon", "flip_a_x")]
    [InlineData("poseidon", "flip_b")]
    [InlineData("poseidon", "flip_c_y")]
    [InlineData("poseidon", "b_real_first")]
    [InlineData("poseidon", "a_y_plus_q")]
    public void InvalidInputsReturnFalseWithoutReverting(string fixture, string name)
    {
        SolidityFixtureRun run = fixtures[fixture];
        Assert.True(run.Results[name].ReturnedFalse, Describe(run, name));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TooLittleGasRevertsInsteadOfReturningFalse(string fixture)
    {
        SolidityFixtureRun run = fixtures[fixture];
        EvmCall low = run.Results["low_gas"];
        Assert.True(low.Status == "reverted", Describe(run, "low_gas"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void NoGasLimitMakesAValidProofReadAsFalse(string fixture)
    {
        SolidityFixtureRun run = fixtures[fixture];
        EvmCall ours = run.Results["valid"], snarkjs = run.SnarkjsRun.Calls[0];
        output.WriteLine($"{fixture}: least gas limit for true: ours {ours.LeastGasLimit}, snarkjs {snarkjs.LeastGasLimit}; " +
                         $"below it: ours [{string.Join(", ", ours.BelowLeast!)}], snarkjs [{string.Join(", ", snarkjs.BelowLeast!)}]");
        Assert.Equal(new[] { "reverted" }, ours.BelowLeast);
        Assert.InRange(ours.LeastGasLimit!.Value, ours.GasUsed, ours.GasUsed + 5_000);
        // The pitfall this verifier avoids: snarkjs's returns false when the pairing is short of gas.
        Assert.Contains("0x" + new string('0', 64), snarkjs.BelowLeast!);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void GasIsBoundedAndComparableToSnarkjs(string fixture)
    {
        SolidityFixtureRun run = fixtures[fixture];
        EvmCall valid = run.Results["valid"];
        EvmCall snarkjs = run.SnarkjsRun.Calls[0];
        output.WriteLine($"{fixture} ({run.Key.PublicCount} public): deploy {run.Run.DeployGas}, verifyProof tx {valid.GasUsed} (execution {valid.ExecutionGas}); " +
                         $"snarkjs's Verifier.sol: deploy {run.SnarkjsRun.DeployGas}, verifyProof tx {snarkjs.GasUsed} (execution {snarkjs.ExecutionGas})");
        Assert.True(snarkjs.ReturnedTrue, "snarkjs's own verifier must accept the fixture proof");
        Assert.True(run.SnarkjsRun.Calls[1].ReturnedTrue, "snarkjs's verifier must accept our prover's proof");
        Assert.InRange(valid.GasUsed, 21_000 + 181_000, MaxVerifyGas);
        Assert.True(valid.GasUsed <= snarkjs.GasUsed, $"ours {valid.GasUsed} > snarkjs {snarkjs.GasUsed}");
        Assert.InRange(run.Run.DeployGas, 50_000, 1_000_000);
    }

    [Fact]
    public void AbiMatchesSnarkjsAndCalldataHelper()
    {
        SolidityFixtureRun run = fixtures["multiplier"];
        Assert.Contains("function verifyProof(", run.Source, StringComparison.Ordinal);
        Assert.Contains("uint256[3] calldata _pubSignals", run.Source, StringComparison.Ordinal);
        Assert.Contains("contract Groth16Verifier", run.Source, StringComparison.Ordinal);
        Assert.Contains("// SPDX-License-Identifier: MIT", run.Source, StringComparison.Ordinal);
        Assert.Contains("pragma solidity >=0.7.0 <0.9.0;", run.Source, StringComparison.Ordinal);
        // The fixture's calldata.txt (snarkjs soliditycalldata) encodes the same words we send.
        string calldata = File.ReadAllText(TestSupport.RepoPaths.Fixture("multiplier", "calldata.txt"));
        Assert.Equal(run.ValidWords, SolidityEvm.WordsFromCalldataText(calldata));
    }

    [Fact]
    public void GenerationIsDeterministicAndEmbedsTheKey()
    {
        SolidityFixtureRun run = fixtures["poseidon"];
        Assert.Equal(run.Source, SolidityVerifier.Generate(run.Key));
        Assert.Contains(run.Key.Alpha1.X.ToString(), run.Source, StringComparison.Ordinal);
        Assert.Contains(run.Key.Delta2.Y.A1.ToString(), run.Source, StringComparison.Ordinal);
        Assert.Contains("IC1_Y = " + run.Key.IC[1].Y, run.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("IC2_X", run.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutPublicSignalsVerifyProofTakesThreeArgumentsAndCompiles()
    {
        VerifyingKey full = fixtures["multiplier"].Key;
        VerifyingKey key = full with { IC = full.IC[..1] };
        string dir = TestSupport.RepoPaths.NewTempDirectory("zkinfer-sol");
        try
        {
            string sol = Path.Combine(dir, "v.sol");
            SolidityVerifier.Write(sol, key);
            CompiledContract c = SolidityEvm.Compile(sol, SolidityVerifier.ContractName);
            Assert.Empty(c.Warnings);
            Assert.Equal(new[] { "verifyProof(uint256[2],uint256[2][2],uint256[2])" }, c.MethodIdentifiers.Keys.ToArray());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static string Describe(SolidityFixtureRun run, string name)
    {
        EvmCall c = run.Results[name];
        return $"{run.Fixture}/{name}: status {c.Status}, error {c.Error}, return {c.ReturnData}, gas {c.GasUsed}";
    }
}
