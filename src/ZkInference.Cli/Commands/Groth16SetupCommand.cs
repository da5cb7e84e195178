using System.CommandLine;
using ZkInference.Circuit.Formats;
using ZkInference.Groth16;
using ZkInference.Groth16.Ptau;
using ZkInference.Groth16.Setup;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer groth16 setup [circuit.r1cs] [powersoftau.ptau] [circuit_0000.zkey]</c> (aliases g16s, and <c>zkey new</c> / zkn);
/// <c>--dev [circuit.r1cs] [circuit.zkey]</c> for a development key without a ceremony.
/// </summary>
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
        var dev = new Option<bool>("--dev")
        {
            Description = "DEVELOPMENT ONLY: no powers of tau, random toxic waste that is never written anywhere " +
                "(the second argument is then the output zkey). Anyone who could see this process's memory could forge proofs.",
        };
        var cmd = new Command(name, "Create the initial zkey of a circuit from a prepared powers of tau") { r1cs, ptau, zkey, v, dev };
        cmd.SetAction(p => p.GetValue(dev)
            ? CeremonyCli.Run("groth16 setup --dev", _ => DevelopmentSetup(p.GetValue(r1cs)!, p.GetValue(ptau)!))
            : CeremonyCli.Run("groth16 setup", _ =>
                "Circuit hash:\n" + PtauHashing.Format(ZkeySetup.Run(p.GetValue(r1cs)!, p.GetValue(ptau)!, p.GetValue(zkey)!))));
        return cmd;
    }

    private static string DevelopmentSetup(string r1csPath, string zkeyPath)
    {
        if (zkeyPath.EndsWith(".ptau", StringComparison.OrdinalIgnoreCase))
            throw new Groth16Exception($"--dev takes no powers of tau: the second argument is the output zkey, not {zkeyPath}");
        ZkeyFile.Write(DevSetup.Create(R1csFile.Read(r1csPath)), zkeyPath);
        return $"wrote {zkeyPath}: a DEVELOPMENT key (random toxic waste, discarded); never use it for anything of value";
    }
}
