using System.Globalization;
using System.Numerics;
using Microsoft.AspNetCore.Builder;
using Xunit;
using ZkInference.Dashboard;
using ZkInference.Groth16;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Onnx;
using ZkInference.Onnx.Settings;
using ZkInference.Server.Local;
using ZkInference.Server.Models;
using ZkInference.Server.Tests;
using ZkInference.TestSupport;

namespace ZkInference.Dashboard.Tests;

/// <summary>
/// One local marketplace for the dashboard tests: digits_linear registered (per-use price), an honest server and
/// a bad-proof server, and two dashboards signing with account 4, one delivering inputs to each server.
/// </summary>
public sealed class DashboardMarketFixture : IAsyncLifetime
{
    public const string Model = "digits_linear";
    public static readonly BigInteger Milli = BigInteger.Pow(10, 15);
    public const int FeeBps = 250;

    public LocalMarketplace Market { get; private set; } = null!;
    public RegisteredModel Registered { get; private set; } = null!;
    public LocalProverServer Honest { get; private set; } = null!;
    public LocalProverServer Faulty { get; private set; } = null!;
    public WebApplication DashboardHonest { get; private set; } = null!;
    public WebApplication DashboardFaulty { get; private set; } = null!;
    public string Work { get; } = RepoPaths.NewTempDirectory("zkinfer-dashboard");

    public string UrlHonest => DashboardHonest.Urls.Single();
    public string UrlFaulty => DashboardFaulty.Urls.Single();

    public async Task InitializeAsync()
    {
        var modelDir = Path.Combine(Work, "model");
        var onnx = ZkInference.Onnx.Model.OnnxModelLoader.Load(Path.Combine(RepoPaths.Shared, "models", Model, "model.onnx"));
        var circuit = OnnxCircuit.Compile(onnx, CompileSettings.Default);
        CompiledModelFiles.Write(modelDir, onnx, circuit, circuit.Settings);
        ZkeyFile.Write(DevSetup.Create(circuit.Circuit.System), Path.Combine(modelDir, ServedModel.ZkeyFileName));

        Market = await LocalMarketplace.StartAsync(RepoPaths.Interop, accounts: 6, FeeBps);
        var terms = new ModelTerms(PerUsePrice: Milli, SubscriptionPrice: 4 * Milli, SubscriptionPeriod: 86_400, PackPrice: 3 * Milli, PackSize: 5, OwnerShareBps: 6000);
        Registered = await Market.RegisterModelAsync(1, modelDir, terms, "digits-linear", "8x8 digits, linear classifier");
        await Market.Operator.AuthorizeServerAsync((await Market.ConnectAsync(2)).Sender);
        await Market.Operator.AuthorizeServerAsync((await Market.ConnectAsync(3)).Sender);
        Honest = await Market.StartServerAsync(2, [Registered], Path.Combine(Work, "state-honest"));
        Faulty = await Market.StartServerAsync(3, [Registered], Path.Combine(Work, "state-faulty"), p => new TamperingProver(p));

        // The dashboard's --models layout: <id>/settings.json.
        var dashModels = Path.Combine(Work, "dashboard-models", Registered.ModelId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dashModels);
        File.Copy(Path.Combine(modelDir, "settings.json"), Path.Combine(dashModels, "settings.json"));
        var reader = await Market.ClientAsync(5);
        var requester = await Market.ClientAsync(4);
        DashboardHonest = await StartDashboard(reader, requester, Path.GetDirectoryName(dashModels)!, Honest.Url);
        DashboardFaulty = await StartDashboard(reader, requester, Path.GetDirectoryName(dashModels)!, Faulty.Url);
    }

    private static async Task<WebApplication> StartDashboard(MarketClient reader, MarketClient requester, string models, string serverUrl)
    {
        var app = DashboardHost.Build(reader, new DashboardOptions { Urls = "http://127.0.0.1:0", ModelsDirectory = models, Requester = requester, ServerUrl = serverUrl });
        await app.StartAsync();
        return app;
    }

    public static double[][] Samples() =>
        [.. InputJson.ReadMany(Path.Combine(RepoPaths.Shared, "models", Model, "sample_inputs.json"))];

    public static int[] ReferenceArgMax()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "models", Model, "reference_outputs.json")));
        return doc.RootElement.GetProperty("argmax").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    public async Task DisposeAsync()
    {
        if (DashboardHonest is not null) await DashboardHonest.DisposeAsync();
        if (DashboardFaulty is not null) await DashboardFaulty.DisposeAsync();
        if (Market is not null) await Market.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardMarketFixture>
{
    public const string Name = "dashboard market";
}
