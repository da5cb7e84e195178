using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZkInference.Groth16.Formats;

namespace ZkInference.Server.Journal;

/// <summary>
/// The server's memory across restarts: the chain cursor, every request it took on with its state, and the
/// inputs users posted. Each change is written atomically before the action it guards, so a crash at any
/// point leaves a journal that either shows the action as not started or as possibly done (then the chain
/// is asked).
/// </summary>
public sealed class ServerJournal
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new BigIntegerConverter() },
    };

    private readonly object gate = new();
    private readonly string directory;
    private readonly Dictionary<BigInteger, JournalEntry> entries = new();
    private ulong cursor;

    private ServerJournal(string directory) => this.directory = directory;

    /// <summary>The block the next chain read starts from.</summary>
    public ulong Cursor { get { lock (gate) return cursor; } }

    /// <summary>Opens the journal in a directory, creating it or reading what a previous run left.</summary>
    public static ServerJournal Open(string directory, ulong startBlock = 0)
    {
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(Path.Combine(directory, "inputs"));
        var journal = new ServerJournal(directory) { cursor = startBlock };
        var path = journal.StatePath;
        if (File.Exists(path))
        {
            JournalFile? file;
            try
            {
                file = JsonSerializer.Deserialize<JournalFile>(File.ReadAllText(path), Json);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"server journal {path} is corrupt: {e.Message}", e);
            }
            if (file is null) throw new InvalidDataException($"server journal {path} is empty");
            journal.cursor = Math.Max(file.Cursor, startBlock);
            foreach (var entry in file.Entries) journal.entries[entry.Request.RequestId] = entry;
        }
        return journal;
    }

    private string StatePath => Path.Combine(directory, "journal.json");

    private string InputPath(BigInteger requestId) =>
        Path.Combine(directory, "inputs", requestId.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>Every entry, in request-id order.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get { lock (gate) return entries.Values.OrderBy(e => e.Request.RequestId).ToArray(); }
    }

    /// <summary>The entry of a request, if the server has seen it.</summary>
    public JournalEntry? Find(BigInteger requestId)
    {
        lock (gate) return entries.GetValueOrDefault(requestId);
    }

    /// <summary>Adds a newly seen request; false when it was already known (a replayed chain read).</summary>
    public bool TryAdd(Feed.ServedRequest request)
    {
        lock (gate)
        {
            if (entries.ContainsKey(request.RequestId)) return false;
            entries[request.RequestId] = new JournalEntry { Request = request, State = RequestState.AwaitingInput };
            Save();
            return true;
        }
    }

    /// <summary>Replaces an entry's state and details, and persists it.</summary>
    public JournalEntry Update(BigInteger requestId, Func<JournalEntry, JournalEntry> change)
    {
        lock (gate)
        {
            var entry = entries.GetValueOrDefault(requestId)
                ?? throw new InvalidOperationException($"request {requestId} is not in the journal");
            if (entry.State.IsFinal())
                throw new InvalidOperationException($"request {requestId} is already {entry.State}");
            var changed = change(entry);
            entries[requestId] = changed;
            Save();
            return changed;
        }
    }

    /// <summary>Moves the cursor forward (never back) and persists it.</summary>
    public void AdvanceCursor(ulong nextBlock)
    {
        lock (gate)
        {
            if (nextBlock <= cursor) return;
            cursor = nextBlock;
            Save();
        }
    }

    /// <summary>Stores the input a user posted for a request (the last one posted wins until proving starts).</summary>
    public void SaveInput(BigInteger requestId, string inputJson) => AtomicFile.WriteText(InputPath(requestId), inputJson);

    /// <summary>The posted input of a request, or null.</summary>
    public string? LoadInput(BigInteger requestId)
    {
        var path = InputPath(requestId);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Forgets a posted input (one that did not match its request's commitment).</summary>
    public void DeleteInput(BigInteger requestId) => File.Delete(InputPath(requestId));

    private void Save()
    {
        var file = new JournalFile(cursor, entries.Values.OrderBy(e => e.Request.RequestId).ToList());
        AtomicFile.WriteText(StatePath, JsonSerializer.Serialize(file, Json));
    }

    private sealed record JournalFile(ulong Cursor, List<JournalEntry> Entries);

    private sealed class BigIntegerConverter : JsonConverter<BigInteger>
    {
        public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            BigInteger.Parse(reader.GetString() ?? throw new JsonException("expected a decimal string"), CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
