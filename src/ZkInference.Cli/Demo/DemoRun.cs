using System.Diagnostics;
using Spectre.Console;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Field.Evm;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;
using ZkInference.Groth16.Ptau;
using ZkInference.Groth16.Setup;
using ZkInference.Groth16.Evm;

namespace ZkInference.Cli.Demo;

/// <summary>
/// The whole circom/snarkjs workflow on the bundled circuit, with our own tools end to end: circuit, powers of
/// tau (new, contribute, prepare phase 2, verify), Groth16 setup and a phase-2 contribution, witness, proof,
/// verification in process and as the EVM's pairing precompile would, and a tampered output rejected.
/// Every file a circom user would have is written to the working folder.
/// </summary>
internal sealed class DemoRun(string folder, IAnsiConsole console)
{
    private readonly List<(string Step, TimeSpan Time)> _timings = [];

    private string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>Runs every step; returns the exit code.</summary>
    public int Run()
    {
        Directory.CreateDirectory(folder);
        console.MarkupLine($"[bold]zkinfer demo[/]: a private 4-input ReLU layer proved with Groth16 on BN254 (files in [blue]{Markup.Escape(folder)}[/])");

        CompiledCircuit circuit = Step("Build the circuit and write circuit.r1cs", () =>
        {
            CompiledCircuit c = DemoCircuit.Build();
            R1csFile.Write(c.System, PathOf("circuit.r1cs"));
            return c;
        });
        ConstraintSystem cs = circuit.System;
        int power = ZkeySetup.DomainPower(cs);
        console.MarkupLine($"  {cs.ConstraintCount} constraints, {cs.WireCount} wires, {cs.PublicCount} public signals, domain 2^{power}");

        Step($"powersoftau new bn128 {power}", () => PowersOfTau.New(power, PathOf("pot_0000.ptau")));
        Step("powersoftau contribute (random entropy)", () =>
            PowersOfTau.Contribute(PathOf("pot_0000.ptau"), PathOf("pot_0001.ptau"), "demo contributor", Convert.ToHexString(Fr.RandomSecure().ToBigInteger().ToByteArray())));
        Step("powersoftau prepare phase2", () => PowersOfTau.PreparePhase2(PathOf("pot_0001.ptau"), PathOf("pot_final.ptau")));
        Step("powersoftau verify", () => PowersOfTau.Verify(PathOf("pot_final.ptau")));
        Step("groth16 setup", () => ZkeySetup.Run(PathOf("circuit.r1cs"), PathOf("pot_final.ptau"), PathOf("circuit_0000.zkey")));
        Step("zkey contribute", () =>
            ZkeyCeremony.Contribute(PathOf("circuit_0000.zkey"), PathOf("circuit_final.zkey"), "demo phase 2", Convert.ToHexString(Fr.RandomSecure().ToBigInteger().ToByteArray())));
        Step("zkey verify", () => ZkeyCeremony.Verify(PathOf("circuit.r1cs"), PathOf("pot_final.ptau"), PathOf("circuit_final.zkey")));

        ProvingKey key = ZkeyFile.Read(PathOf("circuit_final.zkey"));
        VerifyingKey vk = key.ToVerifyingKey();
        VerificationKeyJson.Write(PathOf("verification_key.json"), vk);

        Fr[] witness = Step("Compute the witness and write witness.wtns", () =>
        {
            Fr[] w = circuit.SolveChecked([], DemoCircuit.QuantiseInput(DemoCircuit.SampleInput));
            WtnsFile.Write(w, PathOf("witness.wtns"));
            return w;
        });
        var proved = Step("groth16 prove", () => Prover.Prove(key, cs, witness));
        ProofJson.Write(PathOf("proof.json"), proved.Proof);
        PublicSignalsJson.Write(PathOf("public.json"), proved.PublicSignals);

        var prepared = new PreparedVerifyingKey(vk);
        VerificationResult verdict = Step("groth16 verify", () => Verifier.Verify(prepared, proved.PublicSignals, proved.Proof));
        bool onChain = Step("verify as the EVM does (ecPairing precompile 0x08)", () =>
        {
            byte[] input = SolidityCalldata.PairingInput(vk, proved.PublicSignals, proved.Proof);
            byte[] output = EvmPrecompiles.Run(EvmPrecompiles.EcPairingAddress, input);
            return output[31] == 1;
        });
        Fr[] tampered = (Fr[])proved.PublicSignals.Clone();
        tampered[0] += Fr.One;
        bool tamperedRejected = !Verifier.Verify(prepared, tampered, proved.Proof).IsValid;

        return Summarise(proved.PublicSignals, verdict, onChain, tamperedRejected);
    }

    private int Summarise(Fr[] publicSignals, VerificationResult verdict, bool onChain, bool tamperedRejected)
    {
        double[] expected = DemoCircuit.Reference(DemoCircuit.SampleInput);
        var outputs = new Table().AddColumn("signal").AddColumn("proved value").AddColumn("computed outside the circuit");
        bool outputsMatch = true;
        for (int j = 0; j < DemoCircuit.Outputs; j++)
        {
            double proved = DemoCircuit.Decode(publicSignals[j]);
            outputsMatch &= proved == expected[j];
            outputs.AddRow(Markup.Escape($"relu[{j}]"), proved.ToString("0.########"), expected[j].ToString("0.########"));
        }
        outputs.AddRow("inputCommitment", publicSignals[DemoCircuit.Outputs].ToString(), Markup.Escape("Poseidon(x), x private"));
        console.Write(outputs);

        var times = new Table().AddColumn("step").AddColumn(new TableColumn("time").RightAligned());
        foreach (var (step, time) in _timings) times.AddRow(Markup.Escape(step), $"{time.TotalMilliseconds:0} ms");
        console.Write(times);

        bool ok = verdict.IsValid && onChain && tamperedRejected && outputsMatch;
        console.MarkupLine($"proof verified: {Mark(verdict.IsValid)}  ecPairing precompile: {Mark(onChain)}  tampered output rejected: {Mark(tamperedRejected)}  outputs match: {Mark(outputsMatch)}");
        console.MarkupLine(ok ? "[green]OK[/]" : "[red]FAILED[/]");
        return ok ? 0 : 1;
    }

    private static string Mark(bool ok) => ok ? "[green]yes[/]" : "[red]no[/]";

    private void Step(string name, Action action) => Step(name, () => { action(); return 0; });

    private T Step<T>(string name, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        T result = action();
        watch.Stop();
        _timings.Add((name, watch.Elapsed));
        console.MarkupLine($"[green]✓[/] {Markup.Escape(name)} [grey]({watch.Elapsed.TotalMilliseconds:0} ms)[/]");
        return result;
    }
}
