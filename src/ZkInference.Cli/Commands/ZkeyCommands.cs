using System.CommandLine;
using ZkInference.Groth16;
using ZkInference.Groth16.Evm;
using ZkInference.Groth16.Json;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer zkey export verificationkey|soliditycalldata</c>, as snarkjs names them. The setup engineer's
/// file adds <c>contribute|beacon|verify</c> to this <c>zkey</c> command.
/// </summary>
internal static class ZkeyCommands
{
    public static Command Create()
    {
        var zkey = new Command("zkey", "Groth16 proving keys (.zkey), compatible with snarkjs");
        var export = new Command("export", "Export data from a zkey or a proof");
        export.Subcommands.Add(VerificationKey());
        export.Subcommands.Add(SolidityCalldata());
        zkey.Subcommands.Add(export);
        return zkey;
    }

    private static Command VerificationKey()
    {
        Argument<string> zkey = Groth16Commands.FileArgument("circuit_final.zkey", "circuit_final.zkey", "Proving key");
        Argument<string> vk = Groth16Commands.FileArgument("verification_key.json", "verification_key.json", "Verification key to write");
        var command = new Command("verificationkey", "Write the verification key of a zkey as snarkjs's verification_key.json") { zkey, vk };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            VerifyingKey key = ZkeyFile.ReadVerifyingKey(parse.GetValue(zkey)!);
            VerificationKeyJson.Write(parse.GetValue(vk)!, key);
            return 0;
        }));
        return command;
    }

    private static Command SolidityCalldata()
    {
        Argument<string> pub = Groth16Commands.FileArgument("public.json", "public.json", "Public signals");
        Argument<string> proof = Groth16Commands.FileArgument("proof.json", "proof.json", "Proof");
        var command = new Command("soliditycalldata", "Print the calldata for the snarkjs Solidity verifier's verifyProof") { pub, proof };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            string[] signals = PublicSignalsJson.Read(parse.GetValue(pub)!);
            Proof p = ProofJson.Read(parse.GetValue(proof)!);
            Console.Out.WriteLine(Groth16.Evm.SolidityCalldata.Format(p, signals));
            return 0;
        }));
        return command;
    }
}
