using System.CommandLine;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer wtns check</c>: checks a witness against a constraint system, like snarkjs wtns check.</summary>
internal static class WtnsCommands
{
    public static Command Create()
    {
        var wtns = new Command("wtns", "Work with .wtns witness files");
        wtns.Subcommands.Add(Check());
        return wtns;
    }

    private static Command Check()
    {
        var r1cs = CliFiles.Argument("circuit.r1cs", "The constraint system");
        var witness = CliFiles.Argument("witness.wtns", "The witness");
        var command = new Command("check", "Exit 0 when the witness satisfies every constraint; otherwise exit 1 naming the first failing one") { r1cs, witness };
        command.SetAction(parse => CliFiles.Run(() =>
        {
            ConstraintSystem cs = R1csFile.Read(parse.GetValue(r1cs)!);
            string witnessFile = parse.GetValue(witness)!;
            Fr[] values = WtnsFile.Read(witnessFile);
            WtnsFile.Check(cs, values, witnessFile);
            Console.WriteLine("WITNESS IS CORRECT");
            return 0;
        }));
        return command;
    }
}
