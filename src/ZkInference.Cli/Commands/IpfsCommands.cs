using System.CommandLine;
using ZkInference.Market.Ipfs;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer ipfs cid &lt;file&gt; [--cid-version 1]</c>: the CID <c>ipfs add</c> would give the file, computed
/// offline and streamed (the same line as <c>ipfs add -Q --only-hash</c>).
/// </summary>
internal static class IpfsCommands
{
    public static Command Create()
    {
        var ipfs = new Command("ipfs", "IPFS content identifiers, as ipfs add computes them");
        ipfs.Subcommands.Add(CidCommand());
        return ipfs;
    }

    private static Command CidCommand()
    {
        var file = new Argument<string>("file") { Description = "The file to identify, or - for standard input" };
        var version = new Option<int>("--cid-version")
        {
            Description = "0: CIDv0 \"Qm…\" (ipfs add's default); 1: CIDv1 base32 with raw leaves (ipfs add --cid-version=1)",
            DefaultValueFactory = _ => 0,
        };
        version.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is not (0 or 1)) result.AddError("--cid-version must be 0 or 1");
        });
        var command = new Command("cid", "Print the CID ipfs add would give a file (256 KiB chunks, balanced DAG, 174 links per node)") { file, version };
        command.SetAction(parse =>
        {
            try
            {
                UnixFsOptions options = UnixFsOptions.ForCidVersion(parse.GetValue(version));
                string path = parse.GetValue(file)!;
                Cid cid = path == "-" ? UnixFs.ComputeCid(Console.OpenStandardInput(), options) : UnixFs.ComputeFileCid(path, options);
                Console.WriteLine(cid);
                return 0;
            }
            catch (IpfsException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
