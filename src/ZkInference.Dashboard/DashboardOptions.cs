namespace ZkInference.Dashboard;

/// <summary>How a dashboard is served and what its request form may do.</summary>
public sealed record DashboardOptions
{
    /// <summary>Where the page listens (loopback by default; port 0 picks a free one).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Folder with one subfolder per model id holding the compiled model's settings.json (the layout of
    /// <c>zkinfer serve --models</c>); the form needs a model's settings to commit to an input. Null: no form.
    /// </summary>
    public string? ModelsDirectory { get; init; }

    /// <summary>The client that signs requests (a local development key). Null: the form is read-only.</summary>
    public ZkInference.Market.Chain.MarketClient? Requester { get; init; }

    /// <summary>The prover server that receives inputs and reports proving progress. Null: inputs are not sent.</summary>
    public string? ServerUrl { get; init; }

    /// <summary>How long after the latest block a request's deadline falls.</summary>
    public TimeSpan RequestLifetime { get; init; } = TimeSpan.FromHours(1);
}
