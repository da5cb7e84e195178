using System.Numerics;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using ZkInference.Server.Journal;
using ZkInference.TestSupport;

namespace ZkInference.Server.Tests;

public sealed class ProverServerTests
{
    private sealed class Rig
    {
        public readonly FakeFeed Feed = new();
        public readonly FakeProver Prover = new();
        public readonly FakeSubmitter Submitter;
        public readonly string State = RepoPaths.NewTempDirectory();
        public int Concurrency = 2;

        public Rig() => Submitter = new FakeSubmitter(Feed);

        public ProverServer NewServer() => new(
            new ServerOptions { StateDirectory = State, MaxConcurrentProofs = Concurrency, PollInterval = TimeSpan.FromMilliseconds(10) },
            Feed, Submitter, Prover, NullLogger.Instance);
    }

    private static async Task RunUntil(ProverServer server, Func<bool> done, int timeoutSeconds = 20)
    {
        using var stop = new CancellationTokenSource();
        var run = server.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(10);
        await stop.CancelAsync();
        await run;
        Assert.True(done(), "the server did not reach the expected state in time");
    }

    [Fact]
    public async Task ProvesAndSubmitsEachRequestOnceInputArrives()
    {
        var rig = new Rig();
        var server = rig.NewServer();
        rig.Feed.Add(1, "[1,2]");
        rig.Feed.Add(2, "[3,4]");
        await server.PollOnceAsync(CancellationToken.None);
        Assert.All(server.Journal.Entries, e => Assert.Equal(RequestState.AwaitingInput, e.State));

        Assert.Null(server.PostInput(1, "[1,2]"));
        Assert.Null(server.PostInput(2, "[3,4]"));
        await RunUntil(server, () => server.Journal.Entries.All(e => e.State == RequestState.Settled));

        Assert.Equal(new BigInteger[] { 1, 2 }, rig.Submitter.Submissions.OrderBy(x => x));
        Assert.Equal(2, server.Metrics.Proved);
        Assert.Equal(2, server.Metrics.Settled);
        var entry = server.Journal.Find(1)!;
        Assert.Equal("{\"output\":[7]}", entry.DecodedOutputJson);
        Assert.NotNull(entry.ProofJson);
        Assert.Equal(250_000ul, entry.GasUsed);
    }

    [Fact]
    public async Task InputPostedBeforeTheRequestIsConfirmedIsUsedOnceItIs()
    {
        var rig = new Rig();
        var server = rig.NewServer();
        Assert.Null(server.PostInput(5, "[9]"));
        rig.Feed.Add(5, "[9]");
        await RunUntil(server, () => server.Journal.Find(5)?.State == RequestState.Settled);
        Assert.Single(rig.Submitter.Submissions);
    }

    [Fact]
    public async Task AnInputThatDoesNotMatchTheCommitmentIsRefusedAndTheRightOneStillServes()
    {
        var rig = new Rig();
        var server = rig.NewServer();
        rig.Feed.Add(3, "[1]");
        await server.PollOnceAsync(CancellationToken.None);
        var reason = server.PostInput(3, "[2]");
        Assert.Contains("does not match", reason);
        Assert.Contains("not valid", server.PostInput(3, "{\"x\":1}"));
        Assert.Equal(RequestState.AwaitingInput, server.Journal.Find(3)!.State);

        Assert.Null(server.PostInput(3, "[1]"));
        await RunUntil(server, () => server.Journal.Find(3)?.State == RequestState.Settled);
        Assert.Contains("can no longer change", server.PostInput(3, "[1]"));
    }

    [Fact]
    public async Task AWrongInputPostedEarlyIsDroppedNotFatal()
    {
        var rig = new Rig();
        var server = rig.NewServer();
        Assert.Null(server.PostInput(4, "[666]")); // unknown request: kept until it can be checked
        rig.Feed.Add(4, "[1]");
        await server.PollOnceAsync(CancellationToken.None);
        Assert.Equal(RequestState.AwaitingInput, server.Journal.Find(4)!.State);
        Assert.Null(server.Journal.LoadInput(4));
    }

    [Fact]
    public async Task ReplayedChainReadsDoNotProveTwice()
    {
        var rig = new Rig();
        rig.Feed.ReplayEverything = true;
        var server = rig.NewServer();
        for (var i = 1; i <= 4; i++)
        {
            server.PostInput(i, $"[{i}]");
            rig.Feed.Add(i, $"[{i}]");
        }
        await RunUntil(server, () => server.Journal.Entries.Count == 4 && server.Journal.Entries.All(e => e.State.IsFinal()));
        await server.PollOnceAsync(CancellationToken.None);
        Assert.Equal(4, rig.Submitter.Submissions.Count);
        Assert.Equal(4, rig.Prover.Proved.Count);
    }

    [Fact]
    public async Task ProofsInFlightAreBoundedByTheConcurrencySetting()
    {
        var rig = new Rig { Concurrency = 2 };
        rig.Prover.Gate = new SemaphoreSlim(0);
        var server = rig.NewServer();
        for (var i = 1; i <= 6; i++)
        {
            server.PostInput(i, $"[{i}]");
            rig.Feed.Add(i, $"[{i}]");
        }
        using var stop = new CancellationTokenSource();
        var run = server.RunAsync(stop.Token);
        while (server.Metrics.InFlight < 2) await Task.Delay(10);
        await Task.Delay(100);
        Assert.Equal(2, server.Metrics.InFlight);
        rig.Prover.Gate.Release(6);
        while (server.Metrics.Settled < 6) await Task.Delay(10);
        await stop.CancelAsync();
        await run;
        Assert.Equal(2, rig.Prover.MaxRunning);
    }

    [Fact]
    public async Task ARestartResumesWithoutSubmittingTwice()
    {
        var rig = new Rig();
        var first = rig.NewServer();
        for (var i = 1; i <= 3; i++)
        {
            first.PostInput(i, $"[{i}]");
            rig.Feed.Add(i, $"[{i}]");
        }
        await first.PollOnceAsync(CancellationToken.None);
        // Simulate a crash: request 1 was sent and landed, request 2 was being submitted but never reached the chain,
        // request 3 was being proved, request 4 was closed by a cancellation while the server was down.
        first.PostInput(4, "[4]");
        rig.Feed.Add(4, "[4]");
        await first.PollOnceAsync(CancellationToken.None);
        first.Journal.Update(1, e => e with { State = RequestState.Submitting });
        rig.Feed.Closed[1] = true;
        rig.Feed.SettledBy[1] = (true, rig.Submitter.ServerAddress);
        first.Journal.Update(4, e => e with { State = RequestState.Submitting });
        rig.Feed.Closed[4] = true;
        first.Journal.Update(2, e => e with { State = RequestState.Submitting });
        first.Journal.Update(3, e => e with { State = RequestState.Proving });

        var second = rig.NewServer();
        Assert.Equal(rig.Feed.Head + 1, second.Journal.Cursor);
        await RunUntil(second, () => second.Journal.Entries.All(e => e.State.IsFinal()));
        Assert.Equal(RequestState.Settled, second.Journal.Find(1)!.State); // our own earlier submission, read back
        Assert.Equal(RequestState.Closed, second.Journal.Find(4)!.State);
        Assert.Equal(RequestState.Settled, second.Journal.Find(2)!.State);
        Assert.Equal(RequestState.Settled, second.Journal.Find(3)!.State);
        Assert.Equal(new BigInteger[] { 2, 3 }, rig.Submitter.Submissions.OrderBy(x => x));
    }

    [Fact]
    public async Task ARefusedProofIsRecordedAsRejected()
    {
        var rig = new Rig();
        rig.Submitter.Accept = id => id != 2;
        var server = rig.NewServer();
        for (var i = 1; i <= 2; i++)
        {
            server.PostInput(i, $"[{i}]");
            rig.Feed.Add(i, $"[{i}]");
        }
        await RunUntil(server, () => server.Journal.Entries.Count == 2 && server.Journal.Entries.All(e => e.State.IsFinal()));
        Assert.Equal(RequestState.Rejected, server.Journal.Find(2)!.State);
        Assert.Equal("InvalidProof", server.Journal.Find(2)!.Reason);
        Assert.Equal(1, server.Metrics.Rejected);
    }

    [Fact]
    public async Task ARequestClosedBeforeProvingIsNotProved()
    {
        var rig = new Rig();
        var server = rig.NewServer();
        rig.Feed.Add(8, "[8]");
        rig.Feed.Closed[8] = true; // cancelled by the user after its deadline
        server.PostInput(8, "[8]");
        await RunUntil(server, () => server.Journal.Find(8)?.State == RequestState.Closed);
        Assert.Empty(rig.Prover.Proved);
    }

    [Fact]
    public void ACorruptJournalIsAClearError()
    {
        var dir = RepoPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "journal.json"), "{ not json");
        var e = Assert.Throws<InvalidDataException>(() => ServerJournal.Open(dir));
        Assert.Contains("corrupt", e.Message);
    }
}
