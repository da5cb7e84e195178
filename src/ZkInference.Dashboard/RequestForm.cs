using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Onnx;
using ZkInference.Onnx.Settings;
using ZkInference.Server.Client;

namespace ZkInference.Dashboard;

/// <summary>
/// The request form's server side: checks the input against the model's settings (shape, numbers, range) and
/// computes its commitment before anything is sent, then requests the inference with the development key and
/// posts the input to the prover server.
/// </summary>
internal sealed class RequestForm(MarketClient reader, ModelSettingsStore settings, DashboardOptions options, HttpClient http)
{
    /// <summary>The canonical input JSON and its commitment; throws <see cref="DashboardException"/> for bad input.</summary>
    public static (string InputJson, BigInteger Commitment) Check(CircuitSettings cs, string? inputText)
    {
        if (string.IsNullOrWhiteSpace(inputText)) throw new DashboardException("the input is empty");
        double[] values;
        try
        {
            values = InputJson.Parse(inputText, "the input");
        }
        catch (OnnxException e)
        {
            throw new DashboardException(e.Message, e);
        }
        if (values.Length == 0) throw new DashboardException("the input is empty");
        BigInteger commitment;
        try
        {
            commitment = OnnxCircuit.InputCommitment(cs, values).ToBigInteger();
        }
        catch (OnnxException e)
        {
            throw new DashboardException(e.Message, e);
        }
        return (JsonSerializer.Serialize(new { input = values }), commitment);
    }

    /// <summary>Sends the request; returns its id and any problem delivering the input to the prover server.</summary>
    public async Task<(BigInteger RequestId, string? DeliveryError)> SubmitAsync(string modelIdText, string? inputText, CancellationToken ct)
    {
        MarketClient requester = options.Requester ?? throw new DashboardException("the dashboard has no signing key (--key-file): it cannot send requests");
        if (!BigInteger.TryParse(modelIdText, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger modelId))
            throw new DashboardException($"'{modelIdText}' is not a model id");
        MarketModel model = await reader.GetModelAsync(modelId, ct).ConfigureAwait(false) ?? throw new DashboardException($"model {modelId} does not exist");
        if (!model.Active) throw new DashboardException($"model {modelId} is not active");
        CircuitSettings cs = await settings.GetAsync(modelId, model, ct).ConfigureAwait(false);
        var (inputJson, commitment) = Check(cs, inputText);

        var (_, now) = await reader.GetHeadAsync(ct).ConfigureAwait(false);
        // Subscriptions and credits are spent first by the contract, and then it wants no value.
        bool prepaid = await reader.SubscriptionExpiryAsync(requester.Sender, modelId, ct).ConfigureAwait(false) > now
                       || await reader.CreditCountAsync(requester.Sender, modelId, ct).ConfigureAwait(false) > 0;
        ulong deadline = now + (ulong)options.RequestLifetime.TotalSeconds;
        var (requestId, _) = await requester.RequestInferenceAsync(modelId, commitment, deadline, prepaid ? BigInteger.Zero : model.Terms.PerUsePrice,
            cancellationToken: ct).ConfigureAwait(false);
        if (options.ServerUrl is null) return (requestId, "no prover server configured (--server-url): the input was not sent");
        try
        {
            await new ProverServerClient(http, options.ServerUrl).PostInputAsync(requestId, inputJson, ct).ConfigureAwait(false);
            return (requestId, null);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            return (requestId, e.Message);
        }
    }
}
