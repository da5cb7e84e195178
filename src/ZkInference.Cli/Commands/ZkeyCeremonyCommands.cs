using System.CommandLine;
using ZkInference.Groth16.Ceremony;
using ZkInference.Groth16.Ptau;
using ZkInference.Groth16.Setup;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer zkey contribute|beacon|verify</c> with snarkjs's arguments and aliases (zkc, zkb, zkv).</summary>
internal static class ZkeyCeremonyCommands
{
    public static void AddTo(RootCommand root)
    {
        Command zkey = CeremonyCli.Family(root, "zkey", "Zkey files: phase-2 ceremony and exports");
        CeremonyCli.AddWithAlias(root, zkey, "zkc", Contribute);
        CeremonyCli.AddWithAlias(root, zkey, "zkb", Beacon);
        CeremonyCli.AddWithAlias(root, zkey, "zkv", Verify);
    }

    private static Command Contribute(string alias)
    {
        var input = CeremonyCli.Arg("circuit_old.zkey", "Input zkey");
        var output = CeremonyCli.Arg("circuit_new.zkey", "Output zkey");
        var name = CeremonyCli.NameOption(); var entropy = CeremonyCli.EntropyOption(); var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "contribute" : alias, "Add a phase-2 contribution") { input, output, name, entropy, v };
        cmd.SetAction(p => CeremonyCli.Run("zkey contribute", _ =>
            "Contribution Hash:\n" + PtauHashing.Format(ZkeyCeremony.Contribute(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(name), p.GetValue(entropy) ?? ""))));
        return cmd;
    }

    private static Command Beacon(string alias)
    {
        var input = CeremonyCli.Arg("circuit_old.zkey", "Input zkey");
        var output = CeremonyCli.Arg("circuit_new.zkey", "Output zkey");
        var hash = CeremonyCli.Arg("beaconHash(Hex)", "The beacon value, hex");
        var iter = CeremonyCli.Arg("numIterationsExp", "log2 of the SHA-256 iterations (10..63)");
        var name = CeremonyCli.NameOption(); var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "beacon" : alias, "Add a phase-2 beacon contribution") { input, output, hash, iter, name, v };
        cmd.SetAction(p => CeremonyCli.Run("zkey beacon", _ =>
            "Contribution Hash:\n" + PtauHashing.Format(ZkeyCeremony.Beacon(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(name),
                CeremonyCli.ParseHex(p.GetValue(hash)!, "beacon hash"), CeremonyCli.ParseInt(p.GetValue(iter)!, "numIterationsExp")))));
        return cmd;
    }

    private static Command Verify(string alias)
    {
        var r1cs = CeremonyCli.Arg("circuit.r1cs", "The circuit", "circuit.r1cs");
        var ptau = CeremonyCli.Arg("powersoftau.ptau", "The prepared powers of tau", "powersoftau.ptau");
        var zkey = CeremonyCli.Arg("circuit_final.zkey", "The zkey to verify", "circuit_final.zkey");
        var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "verify" : alias, "Verify a zkey against its circuit and powers of tau") { r1cs, ptau, zkey, v };
        cmd.SetAction(p => CeremonyCli.Run("zkey verify", _ =>
        {
            IReadOnlyList<ZkeyContribution> cs = ZkeyCeremony.Verify(p.GetValue(r1cs)!, p.GetValue(ptau)!, p.GetValue(zkey)!);
            var lines = new List<string>();
            for (int i = 0; i < cs.Count; i++)
                lines.Add($"contribution #{i + 1} {cs[i].Name ?? ""}:\n" + PtauHashing.Format(cs[i].Hash()));
            lines.Add("ZKey Ok!");
            return string.Join('\n', lines);
        }));
        return cmd;
    }
}
