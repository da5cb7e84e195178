using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ZkInference.Field;
using ZkInference.Groth16;
using ZkInference.Server.Feed;

namespace ZkInference.Server.Tests;

/// <summary>A chain of requests the test appends to; confirmations are the test's business.</summary>
internal sealed class FakeFeed : IRequestFeed
{
    private readonly List<ServedRequest> requests = new();
    public readonly ConcurrentDictionary<BigInteger, bool> Closed = new();
    public readonly ConcurrentDictionary<BigInteger, (bool Accepted, string Server)> SettledBy = new();
    public ulong Head { get; private set; }
    public bool ReplayEverything { get; set; }

    public ServedRequest Add(BigInteger id, string input, BigInteger? model = null)
    {
        Head++;
        var r = new ServedRequest(id, model ?? 1, FakeProver.Commit(input), "0x00000000000000000000000000000000000000aa", Head, 1_700_000_000 + Head);
        lock (requests) requests.Add(r);
        return r;
    }

    public Task<RequestPage> ReadAsync(ulong fromBlock, CancellationToken cancellation)
    {
        lock (requests)
        {
            var from = ReplayEverything ? 0 : fromBlock;
            return Task.FromResult(new RequestPage(requests.Where(r => r.BlockNumber >= from).ToList(), Head + 1));
        }
    }

    public Task<RequestStanding> StandingAsync(BigInteger requestId, CancellationToken cancellation) =>
        Task.FromResult(!Closed.ContainsKey(requestId) ? RequestStanding.Pending
            : SettledBy.TryGetValue(requestId, out var s) ? new RequestStanding(false, s.Accepted, !s.Accepted, s.Server)
            : new RequestStanding(false, false, false, null));
}

/// <summary>Records every submission; settles the request like the market would.</summary>
internal sealed class FakeSubmitter(FakeFeed feed) : IResultSubmitter
{
    public readonly ConcurrentQueue<BigInteger> Submissions = new();
    public Func<BigInteger, bool> Accept { get; set; } = _ => true;
    public string ServerAddress => "0x00000000000000000000000000000000000000bb";

    public Task<SubmissionOutcome> SubmitAsync(BigInteger requestId, ProvedInference result, CancellationToken cancellation)
    {
        Submissions.Enqueue(requestId);
        feed.Closed[requestId] = true;
        var ok = Accept(requestId);
        feed.SettledBy[requestId] = (ok, ServerAddress);
        return Task.FromResult(new SubmissionOutcome(ok, "0x" + requestId.ToString("x64"), 250_000, ok ? null : "InvalidProof"));
    }
}

/// <summary>Commits to an input with SHA-256 and "proves" by returning a fixed, well-formed proof.</summary>
internal sealed class FakeProver : IInferenceProver
{
    private int running, maxRunning;
    public readonly ConcurrentBag<BigInteger> Proved = new();
    public SemaphoreSlim? Gate { get; set; }
    public int MaxRunning => Volatile.Read(ref maxRunning);

    public static BigInteger Commit(string input) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(input.Trim())), isUnsigned: true, isBigEndian: true);

    public bool Serves(BigInteger modelId) => modelId == 1;

    public BigInteger InputCommitment(BigInteger modelId, string inputJson)
    {
        if (!inputJson.TrimStart().StartsWith('[')) throw new FormatException("expected a JSON array");
        return Commit(inputJson);
    }

    public ProvedInference Prove(ServedRequest request, string inputJson, string serverAddress, CancellationToken cancellation)
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        while (now > (seen = Volatile.Read(ref maxRunning)) && Interlocked.CompareExchange(ref maxRunning, now, seen) != seen) { }
        try
        {
            Gate?.Wait(cancellation);
            Proved.Add(request.RequestId);
            var proof = new Proof(G1Affine.Generator, G2Affine.Generator, G1Affine.Generator);
            return new ProvedInference([7], new ProofWithPublicSignals(proof, [Fr.FromUInt64(7)]), "{\"output\":[7]}", TimeSpan.FromMilliseconds(5));
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}
