using Xunit;
using ZkInference.Circuit;
using ZkInference.Field;

namespace ZkInference.Groth16.Tests;

/// <summary>The library example of README.md, kept compiling and true.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExampleProvesAndVerifies()
    {
        var b = new CircuitBuilder();
        Variable x = b.PrivateInput("x");
        b.PublicOutput("y", b.Mul(x, x) + 7);
        CompiledCircuit circuit = b.Compile();
        Fr[] witness = circuit.SolveChecked([], [Fr.FromUInt64(3)]);

        ProvingKey key = DevSetup.Create(circuit.System);
        var proved = Prover.Prove(key, circuit.System, witness);
        var verdict = Verifier.Verify(key.ToVerifyingKey(), proved.PublicSignals, proved.Proof);

        Assert.True(verdict.IsValid, verdict.Message);
        Assert.Equal(Fr.FromUInt64(16), proved.PublicSignals[0]);
        Fr[] wrong = [Fr.FromUInt64(17)];
        Assert.False(Verifier.Verify(key.ToVerifyingKey(), wrong, proved.Proof).IsValid);
    }
}
