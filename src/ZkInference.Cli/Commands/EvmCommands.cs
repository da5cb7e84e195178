using System.CommandLine;
using ZkInference.Field.Evm;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer evm ecadd|ecmul|ecpairing &lt;hex&gt;</c>: runs a BN254 precompile on a hex input and prints
/// the 0x-hex output; <c>-</c> reads one input per line from standard input.
/// </summary>
internal static class EvmCommands
{
    public static Command Create()
    {
        var evm = new Command("evm", "Run the EVM's BN254 precompiles (EIP-196/197) on hex input");
        evm.Subcommands.Add(Precompile("ecadd", EvmPrecompiles.EcAddAddress, "ecAdd (0x06): sum of two G1 points (128 bytes, zero-padded)"));
        evm.Subcommands.Add(Precompile("ecmul", EvmPrecompiles.EcMulAddress, "ecMul (0x07): G1 point times a 256-bit scalar (96 bytes, zero-padded)"));
        evm.Subcommands.Add(Precompile("ecpairing", EvmPrecompiles.EcPairingAddress, "ecPairing (0x08): pairing check over k×192 bytes"));
        return evm;
    }

    private static Command Precompile(string name, byte address, string description)
    {
        var input = new Argument<string>("hex") { Description = "Input as hex (0x optional), or - to read one input per line from stdin" };
        var command = new Command(name, description) { input };
        command.SetAction(parse =>
        {
            string hex = parse.GetValue(input)!;
            if (hex != "-") return RunOne(address, hex, Console.Out) ? 0 : 1;
            // Batch mode: one line per input, errors reported inline, exit 0.
            string? line;
            while ((line = Console.In.ReadLine()) != null)
                RunOne(address, line.Trim(), Console.Out);
            return 0;
        });
        return command;
    }

    /// <summary>Runs one input and writes its output line; false when the input is invalid.</summary>
    internal static bool RunOne(byte address, string hex, TextWriter output)
    {
        if (!HexText.TryDecode(hex, out byte[] bytes, out string? hexError))
        {
            output.WriteLine($"error: {hexError}");
            return false;
        }
        try
        {
            byte[] result = EvmPrecompiles.Run(address, bytes);
            output.WriteLine("0x" + Convert.ToHexStringLower(result));
            return true;
        }
        catch (EvmPrecompileException e)
        {
            output.WriteLine($"error: {e.Message}");
            return false;
        }
    }
}
