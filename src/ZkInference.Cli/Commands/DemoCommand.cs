using System.CommandLine;
using Spectre.Console;
using ZkInference.Cli.Demo;
using ZkInference.Groth16;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer demo</c>: the whole marketplace on the bundled model; <c>zkinfer demo circuit</c>: the circom/snarkjs
/// workflow (powers of tau, setup, prove, verify) on a small bundled circuit, without a chain.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "Folder for the files the demo writes (default: a new temporary folder)" };
        var requests = new Option<int>("--requests") { Description = "Inference requests to send", DefaultValueFactory = _ => 6 };
        var ptau = new Option<string?>("--ptau") { Description = "A prepared powers-of-tau file for the Groth16 setup (default: a development setup)" };
        var command = new Command("demo", "Run the marketplace on the bundled model: local chain, contracts, servers, proofs, settlement") { dir, requests, ptau };
#if ZKINFER_NATIVE
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: " + NativeBuildOnly.Message("demo") + " (`zkinfer demo circuit` is in this build)");
            return 1;
        });
#else
        command.SetAction(async (parse, cancellation) =>
        {
            string folder = parse.GetValue(dir) ?? NewFolder();
            try
            {
                return await new MarketplaceDemo(folder, AnsiConsole.Console, Math.Max(1, parse.GetValue(requests)), parse.GetValue(ptau)).RunAsync(cancellation);
            }
            catch (Exception e) when (e is Groth16Exception or ZkInference.Circuit.CircuitException or ZkInference.Onnx.OnnxException
                                           or ZkInference.Market.MarketException or IOException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
#endif

        var circuitDir = new Option<string?>("--dir") { Description = "Folder for the files the demo writes (default: a new temporary folder)" };
        var circuit = new Command("circuit", "The circom/snarkjs workflow on a bundled circuit: setup, witness, prove, verify (in process and as the EVM does)") { circuitDir };
        circuit.SetAction(parse =>
        {
            string folder = parse.GetValue(circuitDir) ?? NewFolder();
            try
            {
                return new DemoRun(folder, AnsiConsole.Console).Run();
            }
            catch (Exception e) when (e is Groth16Exception or ZkInference.Circuit.CircuitException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        command.Subcommands.Add(circuit);
        return command;
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "zkinfer-demo-" + Guid.NewGuid().ToString("N")[..8]);
}
