using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Groth16.Json;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.Engine;
using ZkInference.Onnx;
using ZkInference.Onnx.Settings;

namespace ZkInference.Server.Client;

/// <summary>
/// A user's whole request: commit to the input, request on chain, hand the input to a prover server, wait for the
/// result, check the proof locally against the request it is bound to, and decode the outputs.
/// </summary>
public sealed class InferenceRequester(MarketClient client, HttpClient http)
{
    /// <summary>What came back.</summary>
    /// <param name="RequestId">The request.</param>
    /// <param name="State">The server's final state: settled, rejected, closed or failed.</param>
    /// <param name="DecodedOutputJson">The outputs decoded to floats (<c>{"output": …}</c>), when proved.</param>
    /// <param name="VerifiedLocally">Whether the proof verified here against the request's public signals.</param>
    /// <param name="Reason">Why it did not settle, when it did not.</param>
    public sealed record Result(BigInteger RequestId, string State, string? DecodedOutputJson, bool VerifiedLocally, string? Reason);

    /// <summary>The input commitment of an input for a compiled model.</summary>
    public static BigInteger Commit(CircuitSettings settings, string inputJson) => OnnxCircuit.InputCommitment(settings, inputJson).ToBigInteger();

    /// <summary>Requests, sends the input to <paramref name="serverUrl"/> and waits up to <paramref name="timeout"/>.</summary>
    public async Task<Result> RunAsync(BigInteger modelId, CircuitSettings settings, VerifyingKey key, string inputJson, string serverUrl,
        BigInteger value, ulong deadline, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var commitment = Commit(settings, inputJson);
        var (requestId, _) = await client.RequestInferenceAsync(modelId, commitment, deadline, value, cancellationToken: cancellation).ConfigureAwait(false);
        var server = new ProverServerClient(http, serverUrl);
        await server.PostInputAsync(requestId, inputJson, cancellation).ConfigureAwait(false);
        var status = await server.WaitForFinalAsync(requestId, timeout, cancellation).ConfigureAwait(false);
        var state = status.GetProperty("state").GetString()!;
        var reason = status.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (state != "settled") return new Result(requestId, state, null, false, reason);

        var request = await client.GetRequestAsync(requestId, cancellation).ConfigureAwait(false)
            ?? throw new MarketException($"request {requestId} is not on chain");
        var model = await client.GetModelAsync(modelId, cancellation).ConfigureAwait(false)
            ?? throw new MarketException($"model {modelId} is not on chain");
        var (head, _) = await client.GetHeadAsync(cancellation).ConfigureAwait(false);
        var accepted = (await client.GetEventsAsync(0, head, cancellation).ConfigureAwait(false))
            .Select(e => e.Event).OfType<ResultAccepted>().Single(e => e.RequestId == requestId);
        Fr[] signals = [.. accepted.Outputs.Select(Fr.FromBigInteger), Fr.FromBigInteger(request.InputCommitment),
            Fr.FromBigInteger(model.ParamCommitment), Fr.FromBigInteger(requestId), Fr.FromBigInteger(accepted.Server.ToUInt160())];
        var proof = ProofJson.Parse(status.GetProperty("proof").GetRawText());
        bool verified = Verifier.Verify(key, signals, proof).IsValid;
        var decoded = OnnxCircuit.DecodeOutput(settings, signals.Select(s => s.ToBigInteger().ToString(CultureInfo.InvariantCulture)).ToArray());
        return new Result(requestId, state, Models.OutputJson.Format(decoded, settings.OutputShape), verified, null);
    }
}
