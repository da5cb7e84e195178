using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ZkInference.Groth16.Json;
using ZkInference.Server.Feed;
using ZkInference.Server.Journal;

namespace ZkInference.Server;

/// <summary>
/// Watches the market for requests to the models this server holds, proves each once the user's input has
/// arrived and matches its commitment, and submits the result. Every step is journaled before it is taken,
/// so a restarted server resumes where it stopped and never submits a request twice.
/// </summary>
public sealed class ProverServer
{
    private readonly ServerOptions options;
    private readonly IRequestFeed feed;
    private readonly IResultSubmitter submitter;
    private readonly IInferenceProver prover;
    private readonly ILogger logger;
    private readonly Channel<BigInteger> queue = Channel.CreateUnbounded<BigInteger>();
    private readonly ConcurrentDictionary<BigInteger, byte> queued = new();

    /// <summary>Creates a server; nothing runs until <see cref="RunAsync"/>.</summary>
    public ProverServer(ServerOptions options, IRequestFeed feed, IResultSubmitter submitter, IInferenceProver prover, ILogger logger)
    {
        this.options = options;
        this.feed = feed;
        this.submitter = submitter;
        this.prover = prover;
        this.logger = logger;
        Journal = ServerJournal.Open(options.StateDirectory, options.StartBlock);
    }

    /// <summary>The server's journal (cursor, request states, inputs).</summary>
    public ServerJournal Journal { get; }

    /// <summary>The server's counters.</summary>
    public ServerMetrics Metrics { get; } = new();

    /// <summary>The account results are submitted from.</summary>
    public string ServerAddress => submitter.ServerAddress;

    /// <summary>
    /// Accepts a user's input for a request. When the request is already known the input is checked against its
    /// commitment at once; otherwise it is kept and checked when the request is read from the chain.
    /// </summary>
    /// <returns>Null when accepted, or the reason it was refused.</returns>
    public string? PostInput(BigInteger requestId, string inputJson)
    {
        var entry = Journal.Find(requestId);
        if (entry is not null)
        {
            if (entry.State != RequestState.AwaitingInput)
                return $"request {requestId} is {entry.State.ToString().ToLowerInvariant()}; its input can no longer change";
            if (CheckInput(entry.Request, inputJson) is { } reason) return reason;
        }
        Journal.SaveInput(requestId, inputJson);
        if (entry is not null) Enqueue(entry.Request.RequestId, fromState: RequestState.AwaitingInput);
        return null;
    }

    /// <summary>
    /// Accepts a request's input by IPFS CID: the input is fetched from the configured gateway, checked against the
    /// CID byte for byte, then treated as a posted input (and so checked against the request's commitment).
    /// </summary>
    /// <returns>Null when accepted, or the reason it was refused.</returns>
    public async Task<string?> PostInputCidAsync(BigInteger requestId, string cidText, CancellationToken cancellation)
    {
        if (options.InputFetcher is not { } fetcher) return "this server does not fetch inputs from IPFS (started without a gateway)";
        try
        {
            var cid = ZkInference.Market.Ipfs.Cid.Parse(cidText);
            var bytes = await fetcher.FetchAsync(cid, cancellation).ConfigureAwait(false);
            if (bytes.Length > options.MaxInputBytes) return $"input {cid} is larger than {options.MaxInputBytes} bytes";
            string json = System.Text.Encoding.UTF8.GetString(bytes);
            try
            {
                using var _ = System.Text.Json.JsonDocument.Parse(json);
            }
            catch (System.Text.Json.JsonException e)
            {
                return $"input {cid} is not JSON: {e.Message}";
            }
            return PostInput(requestId, json);
        }
        catch (ZkInference.Market.Ipfs.IpfsException e)
        {
            return $"input by CID refused: {e.Message}";
        }
    }

    /// <summary>Runs until cancelled: reads the chain, proves and submits. Returns after in-flight proofs finish.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        Recover();
        var workers = Enumerable.Range(0, Math.Max(1, options.MaxConcurrentProofs))
            .Select(_ => Task.Run(() => WorkAsync(cancellation), CancellationToken.None))
            .ToArray();
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    await PollOnceAsync(cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    // A node hiccup must not stop the server; the cursor has not moved, so the read repeats.
                    logger.LogWarning(e, "Reading the market failed at block {Block}: {Error}", Journal.Cursor, e.Message);
                }
                try
                {
                    await Task.Delay(options.PollInterval, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
            logger.LogInformation("Server stopped at block {Block}", Journal.Cursor);
        }
    }

    /// <summary>Reads the chain once and queues what is ready; exposed for tests and single-step tools.</summary>
    public async Task PollOnceAsync(CancellationToken cancellation)
    {
        var page = await feed.ReadAsync(Journal.Cursor, cancellation).ConfigureAwait(false);
        foreach (var request in page.Requests)
        {
            if (!prover.Serves(request.ModelId) || !Journal.TryAdd(request)) continue;
            Metrics.OnSeen();
            logger.LogInformation("Request {RequestId} for model {ModelId} seen in block {Block}",
                request.RequestId, request.ModelId, request.BlockNumber);
            if (Journal.LoadInput(request.RequestId) is { } input)
            {
                if (CheckInput(request, input) is { } reason)
                {
                    // Anyone may post before the request is confirmed; a wrong input is dropped, not fatal.
                    Journal.DeleteInput(request.RequestId);
                    logger.LogWarning("Dropped the input posted for request {RequestId}: {Reason}", request.RequestId, reason);
                }
                else Enqueue(request.RequestId, RequestState.AwaitingInput);
            }
        }
        Journal.AdvanceCursor(page.NextBlock);
    }

    private void Recover()
    {
        foreach (var entry in Journal.Entries)
        {
            switch (entry.State)
            {
                case RequestState.Queued:
                case RequestState.Proving:
                case RequestState.Submitting:
                    logger.LogInformation("Resuming request {RequestId} from state {State}", entry.Request.RequestId, entry.State);
                    Enqueue(entry.Request.RequestId, fromState: null);
                    break;
                case RequestState.AwaitingInput when Journal.LoadInput(entry.Request.RequestId) is not null:
                    Enqueue(entry.Request.RequestId, RequestState.AwaitingInput);
                    break;
            }
        }
    }

    private void Enqueue(BigInteger requestId, RequestState? fromState)
    {
        if (!queued.TryAdd(requestId, 0)) return;
        if (fromState is { } from)
        {
            var entry = Journal.Find(requestId);
            if (entry is null || entry.State != from) { queued.TryRemove(requestId, out _); return; }
            Journal.Update(requestId, e => e with { State = RequestState.Queued });
        }
        queue.Writer.TryWrite(requestId);
    }

    private async Task WorkAsync(CancellationToken cancellation)
    {
        await foreach (var requestId in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (cancellation.IsCancellationRequested) continue; // drain without starting new work; the journal resumes it
            try
            {
                await ServeAsync(requestId, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Left in its journaled state; the next run resumes it.
            }
            catch (Exception e)
            {
                logger.LogError(e, "Request {RequestId} failed: {Error}", requestId, e.Message);
                Fail(requestId, e.Message);
            }
            finally
            {
                queued.TryRemove(requestId, out _);
            }
        }
    }

    private async Task ServeAsync(BigInteger requestId, CancellationToken cancellation)
    {
        var entry = Journal.Find(requestId);
        if (entry is null || entry.State.IsFinal()) return;

        var standing = await feed.StandingAsync(requestId, cancellation).ConfigureAwait(false);
        if (!standing.Open)
        {
            if (entry.State == RequestState.Submitting && standing.ClosedBy(submitter.ServerAddress))
            {
                // Our transaction landed before the restart; record its outcome instead of sending again.
                Journal.Update(requestId, e => e with
                {
                    State = standing.Fulfilled ? RequestState.Settled : RequestState.Rejected,
                    Reason = "submitted before a restart; outcome read from the chain",
                });
                if (standing.Fulfilled) Metrics.OnSettled(); else Metrics.OnRejected();
                logger.LogInformation("Request {RequestId} was already {Outcome} by this server's submission before the restart", requestId,
                    standing.Fulfilled ? "settled" : "rejected");
                return;
            }
            Journal.Update(requestId, e => e with { State = RequestState.Closed, Reason = "no longer open on chain (another submission or a cancellation)" });
            logger.LogInformation("Request {RequestId} is closed on chain; not proving it", requestId);
            return;
        }

        var input = Journal.LoadInput(requestId) ?? throw new InvalidOperationException($"request {requestId} has no input");
        Journal.Update(requestId, e => e with { State = RequestState.Proving });
        Metrics.OnProvingStarted();
        ProvedInference? result = null;
        try
        {
            var clock = Stopwatch.StartNew();
            result = await Task.Run(() => prover.Prove(entry.Request, input, submitter.ServerAddress, cancellation), cancellation).ConfigureAwait(false);
            logger.LogInformation("Request {RequestId} proved in {Milliseconds:F0} ms: {Output}", requestId, clock.Elapsed.TotalMilliseconds, result.DecodedOutputJson);
        }
        finally
        {
            Metrics.OnProvingEnded(result?.ProvingTime);
        }

        Journal.Update(requestId, e => e with
        {
            State = RequestState.Submitting,
            DecodedOutputJson = result.DecodedOutputJson,
            ProofJson = ProofJson.Format(result.Proof.Proof),
            ProvingMilliseconds = result.ProvingTime.TotalMilliseconds,
        });
        var outcome = await submitter.SubmitAsync(requestId, result, cancellation).ConfigureAwait(false);
        Metrics.OnSubmitted();
        if (outcome.Accepted) Metrics.OnSettled(); else Metrics.OnRejected();
        Journal.Update(requestId, e => e with
        {
            State = outcome.Accepted ? RequestState.Settled : RequestState.Rejected,
            TransactionHash = outcome.TransactionHash,
            GasUsed = outcome.GasUsed,
            Reason = outcome.Reason,
        });
        logger.LogInformation("Request {RequestId} submitted in {Transaction}: {Outcome} ({Gas} gas)",
            requestId, outcome.TransactionHash, outcome.Accepted ? "settled" : "rejected", outcome.GasUsed);
    }

    private string? CheckInput(ServedRequest request, string inputJson)
    {
        BigInteger commitment;
        try
        {
            commitment = prover.InputCommitment(request.ModelId, inputJson);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"input for request {request.RequestId} is not valid for model {request.ModelId}: {e.Message}";
        }
        return commitment == request.InputCommitment
            ? null
            : $"input does not match request {request.RequestId}'s commitment (got {commitment}, the request holds {request.InputCommitment})";
    }

    private void Fail(BigInteger requestId, string reason)
    {
        var entry = Journal.Find(requestId);
        if (entry is null || entry.State.IsFinal()) return;
        Metrics.OnFailed();
        Journal.Update(requestId, e => e with { State = RequestState.Failed, Reason = reason });
        logger.LogWarning("Request {RequestId} failed: {Reason}", requestId, reason);
    }
}
