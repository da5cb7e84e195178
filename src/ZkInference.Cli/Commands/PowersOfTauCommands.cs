using System.CommandLine;
using ZkInference.Groth16;
using ZkInference.Groth16.Ptau;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer powersoftau new|contribute|beacon|prepare phase2|verify</c> with snarkjs's arguments, options and
/// short aliases (ptn, ptc, ptb, pt2, ptv).
/// </summary>
internal static class PowersOfTauCommands
{
    public static void AddTo(RootCommand root)
    {
        Command family = CeremonyCli.Family(root, "powersoftau", "Powers of tau ceremony files (.ptau), snarkjs-compatible");
        CeremonyCli.AddWithAlias(root, family, "ptn", New);
        CeremonyCli.AddWithAlias(root, family, "ptc", Contribute);
        CeremonyCli.AddWithAlias(root, family, "ptb", Beacon);
        var prepare = new Command("prepare", "Prepare a ptau for phase 2");
        prepare.Subcommands.Add(Prepare(""));
        family.Subcommands.Add(prepare);
        Command pt2 = Prepare("pt2");
        pt2.Hidden = true;
        root.Subcommands.Add(pt2);
        CeremonyCli.AddWithAlias(root, family, "ptv", Verify);
    }

    private static Command New(string alias)
    {
        var curve = CeremonyCli.Arg("curve", "The curve: bn128");
        var power = CeremonyCli.Arg("power", "log2 of the number of powers (1..28)");
        var output = CeremonyCli.Arg("powersoftau_0000.ptau", "Output file", "powersoftau_0000.ptau");
        var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "new" : alias, "Start a new powers of tau ceremony") { curve, power, output, v };
        cmd.SetAction(p => CeremonyCli.Run("powersoftau new", _ =>
        {
            string c = p.GetValue(curve)!;
            if (!c.Equals("bn128", StringComparison.OrdinalIgnoreCase) && !c.Equals("bn254", StringComparison.OrdinalIgnoreCase))
                throw new Groth16Exception($"curve '{c}' is not supported (only bn128)");
            byte[] h = PowersOfTau.New(CeremonyCli.ParseInt(p.GetValue(power)!, "power"), p.GetValue(output)!);
            return "First Contribution Hash:\n" + PtauHashing.Format(h);
        }));
        return cmd;
    }

    private static Command Contribute(string alias)
    {
        var input = CeremonyCli.Arg("powersoftau.ptau", "Input ptau");
        var output = CeremonyCli.Arg("new_powersoftau.ptau", "Output ptau");
        var name = CeremonyCli.NameOption(); var entropy = CeremonyCli.EntropyOption(); var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "contribute" : alias, "Add a contribution") { input, output, name, entropy, v };
        cmd.SetAction(p => CeremonyCli.Run("powersoftau contribute", progress =>
        {
            var r = PowersOfTau.Contribute(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(name), p.GetValue(entropy) ?? "", progress);
            return "Contribution Response Hash imported:\n" + PtauHashing.Format(r.ResponseHash) + "\nNext Challenge Hash:\n" + PtauHashing.Format(r.NextChallenge);
        }));
        return cmd;
    }

    private static Command Beacon(string alias)
    {
        var input = CeremonyCli.Arg("old_powersoftau.ptau", "Input ptau");
        var output = CeremonyCli.Arg("new_powersoftau.ptau", "Output ptau");
        var hash = CeremonyCli.Arg("beaconHash(Hex)", "The beacon value, hex");
        var iter = CeremonyCli.Arg("numIterationsExp", "log2 of the SHA-256 iterations (10..63)");
        var name = CeremonyCli.NameOption(); var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "beacon" : alias, "Add a beacon contribution") { input, output, hash, iter, name, v };
        cmd.SetAction(p => CeremonyCli.Run("powersoftau beacon", progress =>
        {
            var r = PowersOfTau.Beacon(p.GetValue(input)!, p.GetValue(output)!, p.GetValue(name),
                CeremonyCli.ParseHex(p.GetValue(hash)!, "beacon hash"), CeremonyCli.ParseInt(p.GetValue(iter)!, "numIterationsExp"), progress);
            return "Contribution Response Hash imported:\n" + PtauHashing.Format(r.ResponseHash) + "\nNext Challenge Hash:\n" + PtauHashing.Format(r.NextChallenge);
        }));
        return cmd;
    }

    private static Command Prepare(string alias)
    {
        var input = CeremonyCli.Arg("powersoftau.ptau", "Input ptau");
        var output = CeremonyCli.Arg("new_powersoftau.ptau", "Output ptau with the Lagrange sections");
        var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "phase2" : alias, "Compute the Lagrange bases (sections 12-15) for phase 2") { input, output, v };
        cmd.SetAction(p => CeremonyCli.Run("powersoftau prepare phase2", progress =>
        {
            PowersOfTau.PreparePhase2(p.GetValue(input)!, p.GetValue(output)!, progress);
            return null;
        }));
        return cmd;
    }

    private static Command Verify(string alias)
    {
        var input = CeremonyCli.Arg("powersoftau.ptau", "The ptau to verify");
        var v = CeremonyCli.VerboseOption();
        var cmd = new Command(alias == "" ? "verify" : alias, "Verify a powers of tau file") { input, v };
        cmd.SetAction(p => CeremonyCli.Run("powersoftau verify", progress =>
        {
            PtauVerification r = PowersOfTau.Verify(p.GetValue(input)!, progress);
            var lines = new List<string>();
            for (int i = 0; i < r.Contributions.Count; i++)
            {
                PtauContribution c = r.Contributions[i];
                lines.Add($"Contribution #{i + 1}: {c.Name ?? ""}{(c.Type == 1 ? $" (beacon {Convert.ToHexStringLower(c.BeaconHash!)}, 2^{c.NumIterationsExp} iterations)" : "")}");
                lines.Add("Next Challenge:\n" + PtauHashing.Format(c.NextChallenge));
            }
            if (!r.Prepared) lines.Add("warning: this file does not contain the phase-2 Lagrange sections; run: zkinfer powersoftau prepare phase2");
            lines.Add("Powers of Tau Ok!");
            return string.Join('\n', lines);
        }));
        return cmd;
    }
}
