using System.CommandLine;
using Spectre.Console;
using ZkInference.Cli.Demo;
using ZkInference.Groth16;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer demo</c>: the complete trusted-setup, prove and verify workflow on the bundled circuit.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "Folder for the files the demo writes (default: a new temporary folder)" };
        var command = new Command("demo", "Run the whole workflow on the bundled circuit: setup, witness, prove, verify (in process and as the EVM does)") { dir };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(dir) ?? Path.Combine(Path.GetTempPath(), "zkinfer-demo-" + Guid.NewGuid().ToString("N")[..8]);
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
        return command;
    }
}
