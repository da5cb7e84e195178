using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Ipfs;
using ZkInference.Onnx;
using ZkInference.Server;
using ZkInference.Server.Chain;
using ZkInference.Server.Http;
using ZkInference.Server.Models;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer serve</c>: the prover server. Watches the market for requests to the models in <c>--models</c>,
/// takes each user's input over HTTP, proves and submits; stops cleanly on SIGTERM or Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var models = new Option<string>("--models") { Description = "Folder with one subfolder per served model id: the compiled model (zkinfer onnx compile) and its circuit.zkey", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where the HTTP endpoint listens", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var state = new Option<string?>("--state") { Description = "Journal folder (default: <models>/.server-state)" };
        var confirmations = new Option<int>("--confirmations") { Description = "Blocks on top of a request before it is served (reorg safety; 0 on a local dev chain)", DefaultValueFactory = _ => 2 };
        var maxProofs = new Option<int?>("--max-proofs") { Description = "Proofs computed at once (default: one per two cores, fewer when memory would not hold them)" };
        var gateway = new Option<string?>("--ipfs-gateway") { Description = "IPFS gateway to fetch registered model files and users' inputs by CID from (every byte checked against its CID)" };
        var startBlock = new Option<ulong>("--start-block") { Description = "First block to read when the journal is new", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Run a prover server for the market: prove requested inferences and submit them")
        {
            models, urls, state, confirmations, maxProofs, gateway, startBlock,
        };
        Market.MarketCli.With(command);
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                var modelsDir = parse.GetValue(models)!;
                var client = await Market.MarketCli.ClientAsync(parse);
                var chain = client.Chain;
                using var http = new HttpClient();
                var fetcher = parse.GetValue(gateway) is { } g ? new IpfsFetcher(http, g) : null;
                foreach (var dir in Directory.Exists(modelsDir) ? Directory.GetDirectories(modelsDir) : [])
                {
                    if (!System.Numerics.BigInteger.TryParse(Path.GetFileName(dir), out var id)) continue;
                    await ModelProvisioner.ProvisionAsync(client, id, dir, fetcher, Console.Error.WriteLine, cancellation);
                }
                var prover = OnnxInferenceProver.LoadDirectory(modelsDir);
                var options = new ServerOptions
                {
                    StateDirectory = parse.GetValue(state) ?? Path.Combine(modelsDir, ".server-state"),
                    MaxConcurrentProofs = Math.Max(1, parse.GetValue(maxProofs) ?? ProofConcurrency.ForMachine(prover.LargestDomainSize)),
                    StartBlock = parse.GetValue(startBlock),
                    InputFetcher = fetcher,
                };
                using var loggers = LoggerFactory.Create(b => b.AddJsonConsole(o => o.TimestampFormat = "O"));
                var server = new ProverServer(options, new MarketRequestFeed(chain, client, parse.GetValue(confirmations)),
                    new MarketResultSubmitter(chain, client), prover, loggers.CreateLogger("zkinfer.serve"));
                await using var app = ProverServerHost.Build(server, parse.GetValue(urls)!);
                await app.RunAsync();
                return 0;
            }
            catch (Exception e) when (e is MarketException or OnnxException or IpfsException or InvalidOperationException
                                           or InvalidDataException or IOException or ZkInference.Groth16.Groth16Exception)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
