using System.CommandLine;
using ZkInference.Cli.Commands;

namespace ZkInference.Cli;

/// <summary>The zkinfer entry point: builds the command tree; each family lives in Commands/.</summary>
public static class Program
{
    /// <summary>Runs zkinfer with the given arguments and returns the exit code.</summary>
    /// <remarks>
    /// System.CommandLine's own Ctrl+C/SIGTERM handling is off: it would end a command after a fixed two seconds,
    /// cutting short <c>zkinfer serve</c>'s clean shutdown (which waits for proofs in flight). The server's host
    /// handles those signals itself; other commands end as any process does.
    /// </remarks>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });

    /// <summary>The root command with every command family registered.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("zkinfer: zero-knowledge proofs of ML inference on BN254 (circom/snarkjs compatible)");
        // One line per command family, each defined in its own file under Commands/.
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EvmCommands.Create());
        root.Subcommands.Add(R1csCommands.Create());
        root.Subcommands.Add(WtnsCommands.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(Groth16Commands.Create());
        root.Subcommands.Add(ZkeyCommands.Create());
        root.Subcommands.Add(OnnxCommands.Create());
        PowersOfTauCommands.AddTo(root);
        Groth16SetupCommand.AddTo(root);
        ZkeyCeremonyCommands.AddTo(root);
        ZkeySolidityCommand.AddTo(root);
        root.Subcommands.Add(IpfsCommands.Create());
#if ZKINFER_NATIVE
        root.Subcommands.Add(NativeBuildOnly.Create("market", "The inference marketplace"));
        root.Subcommands.Add(NativeBuildOnly.Create("serve", "The prover server"));
        root.Subcommands.Add(NativeBuildOnly.Create("dashboard", "The marketplace dashboard"));
#else
        root.Subcommands.Add(Commands.Market.MarketCommands.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
#endif
        return root;
    }
}
