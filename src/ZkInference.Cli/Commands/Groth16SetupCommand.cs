using System.CommandLine;
using ZkInference.Groth16.Ptau;
using ZkInference.Groth16.Setup;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer groth16 setup [circuit.r1cs] [powersoftau.ptau] [circuit_0000.zkey]</c> (aliases g16s, and <c>zkey new</c> / zkn).</summary>
internal static class Groth16SetupCommand
{
    public static void AddTo(RootCommand root)
    {
        Command groth16 = CeremonyCli.Family(root, "groth16", "Groth16 setup, proving and verification (snarkjs-compatible)");
        CeremonyCli.AddWithAlias(root, groth16, "g16s", a => Create(a == "" ? "setup" : a));
        Command zkey = CeremonyCli.Family(root, "zkey", "Zkey files: phase-2 ceremony and exports");
        CeremonyCli.AddWithAlias(root, zkey, "zkn", a => Create(a == "" ? "new" : a));
    }

    private static Command Create(string name)
    {
        var r1cs = CeremonyCli.Arg("circuit.r1cs", "The circuit", "circuit.r1cs");
        var ptau = CeremonyCli.Arg("powersoftau.ptau", "A prepared powers of tau", "powersoftau.ptau");
        var zkey = CeremonyCli.Arg("circuit_0000.zkey", "Output zkey", "circuit_0000.zkey");
        var v = CeremonyCli.VerboseOption();
        var cmd = new Command(name, "Create the initial zkey of a circuit from a prepared powers of tau") { r1cs, ptau, zkey, v };
        cmd.SetAction(p => CeremonyCli.Run("groth16 setup", _ =>
            "Circuit hash:\n" + PtauHashing.Format(ZkeySetup.Run(p.GetValue(r1cs)!, p.GetValue(ptau)!, p.GetValue(zkey)!))));
        return cmd;
    }
}
