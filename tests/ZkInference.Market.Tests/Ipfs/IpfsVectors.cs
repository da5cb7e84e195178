using System.Security.Cryptography;
using System.Text.Json;
using ZkInference.TestSupport;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>One row of shared/vectors/ipfs/cids.json.</summary>
public sealed record IpfsVector(string Name, long Size, string Sha256, string? File, string? Generator, IReadOnlyDictionary<string, string> Cids)
{
    public override string ToString() => Name;

    /// <summary>The input bytes as a stream: the saved file, or generated on the fly (never held whole).</summary>
    public Stream Open() => File != null
        ? new FileStream(Path.Combine(IpfsVectors.Folder, File), FileMode.Open, FileAccess.Read)
        : Generator switch
        {
            "empty" => new MemoryStream(),
            "ascii \"hello world\\n\"" => new MemoryStream("hello world\n"u8.ToArray()),
            _ when Generator!.StartsWith("det(", StringComparison.Ordinal) => IpfsVectors.Det(Size),
            _ => throw new InvalidOperationException($"unknown generator {Generator}"),
        };
}

/// <summary>The shared IPFS vectors, read in place.</summary>
public static class IpfsVectors
{
    public static string Folder => Path.Combine(RepoPaths.Shared, "vectors", "ipfs");

    public static IReadOnlyList<IpfsVector> All { get; } = Load();

    private static readonly Lazy<byte[]> DetBytes = new(() =>
    {
        var bytes = new byte[All.Max(v => v.Generator?.StartsWith("det(", StringComparison.Ordinal) == true ? v.Size : 0)];
        new DetStream(bytes.Length).ReadExactly(bytes);
        return bytes;
    });

    /// <summary>det(n) as a read-only stream; every det input is a prefix of the longest, generated once.</summary>
    public static Stream Det(long n) => n <= DetBytes.Value.Length
        ? new MemoryStream(DetBytes.Value, 0, checked((int)n), writable: false)
        : new DetStream(n);

    public static IpfsVector Named(string name) => All.Single(v => v.Name == name);

    /// <summary>name → CID from cids_helia_default.json.</summary>
    public static IReadOnlyDictionary<string, string> HeliaDefaults()
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, "cids_helia_default.json")));
        return doc.RootElement.GetProperty("cids").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static List<IpfsVector> Load()
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, "cids.json")));
        var list = new List<IpfsVector>();
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var cids = new Dictionary<string, string>();
            foreach (string key in new[] { "v0", "v0_toV1", "v1", "v1_rawLeaves" }) cids[key] = v.GetProperty(key).GetString()!;
            list.Add(new IpfsVector(v.GetProperty("name").GetString()!, v.GetProperty("size").GetInt64(), v.GetProperty("sha256").GetString()!,
                v.TryGetProperty("file", out var f) ? f.GetString() : null, v.TryGetProperty("generator", out var g) ? g.GetString() : null, cids));
        }
        return list;
    }
}

/// <summary>
/// det(n) from the vectors' README: the first n bytes of SHA256("cid-vector" || uint64_be(0)) || SHA256(… 1) || …,
/// produced block by block as it is read.
/// </summary>
public sealed class DetStream(long length) : Stream
{
    private readonly byte[] _block = new byte[32];
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length && _position < length)
        {
            long index = _position / 32;
            int within = (int)(_position % 32);
            if (within == 0 || total == 0) Fill(index);
            int n = (int)Math.Min(Math.Min(32 - within, buffer.Length - total), length - _position);
            _block.AsSpan(within, n).CopyTo(buffer[total..]);
            total += n;
            _position += n;
        }
        return total;
    }

    private void Fill(long index)
    {
        Span<byte> input = stackalloc byte[18];
        "cid-vector"u8.CopyTo(input);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(input[10..], (ulong)index);
        SHA256.HashData(input, _block);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
