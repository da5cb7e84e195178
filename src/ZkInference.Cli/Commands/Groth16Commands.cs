using System.CommandLine;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer groth16 prove|verify</c> with snarkjs's argument order and default file names. The setup
/// command is added to this <c>groth16</c> command by its own file.
/// </summary>
internal static class Groth16Commands
{
    public static Command Create()
    {
        var groth16 = new Command("groth16", "Groth16 proofs, compatible with snarkjs");
        groth16.Subcommands.Add(Prove());
        groth16.Subcommands.Add(Verify());
        return groth16;
    }

    /// <summary>An optional positional file argument with a snarkjs default name.</summary>
    internal static Argument<string> FileArgument(string name, string defaultName, string description) =>
        new(name) { Description = $"{description} (default: {defaultName})", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => defaultName };

    private static Command Prove()
    {
        Argument<string> zkey = FileArgument("circuit_final.zkey", "circuit_final.zkey", "Proving key");
        Argument<string> wtns = FileArgument("witness.wtns", "witness.wtns", "Witness");
        Argument<string> proof = FileArgument("proof.json", "proof.json", "Proof to write");
        Argument<string> pub = FileArgument("public.json", "public.json", "Public signals to write");
        var command = new Command("prove", "Create a Groth16 proof from a zkey and a witness (like snarkjs groth16 prove)") { zkey, wtns, proof, pub };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            string zkeyPath = parse.GetValue(zkey)!, wtnsPath = parse.GetValue(wtns)!;
            ProofWithPublicSignals result = Progress.Step("Proving", () =>
            {
                Fr[] witness = WtnsFile.Read(wtnsPath);
                // Streams the zkey: the whole key is never in memory at once.
                return Prover.Prove(zkeyPath, witness);
            });
            ProofJson.Write(parse.GetValue(proof)!, result.Proof);
            PublicSignalsJson.Write(parse.GetValue(pub)!, result.PublicSignals);
            return 0;
        }));
        return command;
    }

    private static Command Verify()
    {
        Argument<string> vk = FileArgument("verification_key.json", "verification_key.json", "Verification key");
        Argument<string> pub = FileArgument("public.json", "public.json", "Public signals");
        Argument<string> proof = FileArgument("proof.json", "proof.json", "Proof");
        var command = new Command("verify", "Verify a Groth16 proof (prints OK and exits 0, or prints the reason and exits 1)") { vk, pub, proof };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var key = new PreparedVerifyingKey(VerificationKeyJson.Read(parse.GetValue(vk)!));
            string[] signals = PublicSignalsJson.Read(parse.GetValue(pub)!);
            Proof p = ProofJson.Read(parse.GetValue(proof)!);
            VerificationResult result = Verifier.Verify(key, signals, p);
            if (result.IsValid)
            {
                Console.Out.WriteLine("OK");
                return 0;
            }
            Console.Out.WriteLine(result.Message);
            return 1;
        }));
        return command;
    }
}

/// <summary>Turns the libraries' exceptions into a one-line message on stderr and exit code 1.</summary>
internal static class CliErrors
{
    public static int Run(Func<int> action)
    {
        try { return action(); }
        catch (Exception e) when (e is Groth16Exception or CircuitException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}

/// <summary>A spinner for long steps on an interactive terminal; nothing at all when output is redirected.</summary>
internal static class Progress
{
    public static T Step<T>(string title, Func<T> work)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected) return work();
        T result = default!;
        Spectre.Console.AnsiConsole.Status().Start(title + "…", _ => result = work());
        return result;
    }
}
