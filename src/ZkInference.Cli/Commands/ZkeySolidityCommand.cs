using System.CommandLine;
using ZkInference.Groth16;
using ZkInference.Groth16.Solidity;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer zkey export solidityverifier [circuit_final.zkey] [verifier.sol]</c>, snarkjs's command and
/// defaults: writes a Solidity contract verifying proofs under the zkey's verification key (atomic write).
/// </summary>
internal static class ZkeySolidityCommand
{
    /// <summary>Adds <c>solidityverifier</c> to the <c>zkey export</c> command of <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        Command zkey = root.Subcommands.Single(c => c.Name == "zkey");
        Command export = zkey.Subcommands.Single(c => c.Name == "export");
        export.Subcommands.Add(Create());
    }

    private static Command Create()
    {
        Argument<string> zkey = Groth16Commands.FileArgument("circuit_final.zkey", "circuit_final.zkey", "Proving key");
        Argument<string> sol = Groth16Commands.FileArgument("verifier.sol", "verifier.sol", "Solidity verifier to write");
        var command = new Command("solidityverifier", "Write a Solidity verifier contract for the zkey (snarkjs's verifyProof ABI)") { zkey, sol };
        command.SetAction(parse => CliErrors.Run(() =>
        {
            VerifyingKey key = ZkeyFile.ReadVerifyingKey(parse.GetValue(zkey)!);
            SolidityVerifier.Write(parse.GetValue(sol)!, key);
            return 0;
        }));
        return command;
    }
}
