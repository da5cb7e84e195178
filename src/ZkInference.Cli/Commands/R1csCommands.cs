using System.CommandLine;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer r1cs info|export json</c>: snarkjs's r1cs commands, same arguments and default file names.</summary>
internal static class R1csCommands
{
    public static Command Create()
    {
        var r1cs = new Command("r1cs", "Inspect circom .r1cs constraint systems");
        r1cs.Subcommands.Add(Info());
        var export = new Command("export", "Export a constraint system");
        export.Subcommands.Add(ExportJson());
        r1cs.Subcommands.Add(export);
        return r1cs;
    }

    private static Command Info()
    {
        var file = CliFiles.Argument("circuit.r1cs", "The constraint system");
        var command = new Command("info", "Print curve, wires, constraints, inputs, outputs and labels, as snarkjs r1cs info does") { file };
        command.SetAction(parse => CliFiles.Run(() =>
        {
            ConstraintSystem cs = R1csFile.Read(parse.GetValue(file)!);
            Console.WriteLine("Curve: bn-128");
            Console.WriteLine($"# of Wires: {cs.WireCount}");
            Console.WriteLine($"# of Constraints: {cs.ConstraintCount}");
            Console.WriteLine($"# of Private Inputs: {cs.PrivateInputCount}");
            Console.WriteLine($"# of Public Inputs: {cs.PublicInputCount}");
            Console.WriteLine($"# of Labels: {cs.LabelCount}");
            Console.WriteLine($"# of Outputs: {cs.PublicOutputCount}");
            return 0;
        }));
        return command;
    }

    private static Command ExportJson()
    {
        var file = CliFiles.Argument("circuit.r1cs", "The constraint system");
        var json = new Argument<string?>("circuit.json") { Description = "The JSON file to write (default: the .r1cs name with .json)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("json", "Write the constraint system as snarkjs r1cs export json does") { file, json };
        command.SetAction(parse => CliFiles.Run(() =>
        {
            string input = parse.GetValue(file)!;
            string output = parse.GetValue(json) ?? Path.ChangeExtension(input, "json");
            R1csJson.Write(R1csFile.Read(input), output);
            return 0;
        }));
        return command;
    }
}

/// <summary>Argument and error conventions shared by the file commands.</summary>
internal static class CliFiles
{
    /// <summary>An optional file argument with snarkjs's default name.</summary>
    public static Argument<string> Argument(string defaultName, string description) =>
        new(defaultName) { Description = $"{description} (default: {defaultName})", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => defaultName };

    /// <summary>Runs an action; a <see cref="CircuitException"/> becomes a one-line error and exit code 1.</summary>
    public static int Run(Func<int> action)
    {
        try { return action(); }
        catch (CircuitException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
