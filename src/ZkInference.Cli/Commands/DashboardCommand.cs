using System.CommandLine;
using Microsoft.Extensions.Hosting;
using ZkInference.Dashboard;
using ZkInference.Market;
using ZkInference.Market.Chain;

namespace ZkInference.Cli.Commands;

/// <summary>
/// <c>zkinfer dashboard</c>: the marketplace web page over a deployed market (loopback by default). With a key
/// file it can send requests (a local development key); with <c>--server-url</c> it delivers their inputs.
/// </summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the page listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var models = new Option<string?>("--models") { Description = "Folder with one subfolder per model id holding its settings.json (checked against the registered settings CID), to commit to inputs" };
        var serverUrl = new Option<string?>("--server-url") { Description = "Prover server that receives the inputs (zkinfer serve --urls)" };
        var command = new Command("dashboard", "Serve the marketplace dashboard: models, servers, platform state, a request form and live request status")
        {
            urls, models, serverUrl,
        };
        // --rpc, --market and --key-file (or ZKINFER_PRIVATE_KEY) as every market command; without a key the page is read-only.
        Market.MarketCli.With(command);
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                bool hasKey = parse.GetValue(Market.MarketCli.KeyFile) is not null
                    || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Market.MarketCli.KeyVariable));
                // Views need a sender only as the eth_call "from"; without a key a throwaway one reads as well as any.
                var reader = await Market.MarketCli.ClientAsync(parse, keyRequired: false);
                var contract = reader.Contract;
                string? key = hasKey ? "" : null;
                var options = new DashboardOptions
                {
                    Urls = parse.GetValue(urls)!,
                    ModelsDirectory = parse.GetValue(models),
                    ServerUrl = parse.GetValue(serverUrl),
                    Requester = key is null ? null : reader,
                };
                await using var app = DashboardHost.Build(reader, options);
                await app.StartAsync(cancellation);
                Console.Error.WriteLine($"dashboard for market {contract} on {string.Join(", ", app.Urls)}{(key is null ? " (read-only: no key)" : $", requests signed by {reader.Sender}")}");
                await app.WaitForShutdownAsync(cancellation);
                return 0;
            }
            catch (Exception e) when (e is MarketException or InvalidOperationException or IOException or FormatException or ArgumentException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
