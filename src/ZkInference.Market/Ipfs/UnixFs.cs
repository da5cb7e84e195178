namespace ZkInference.Market.Ipfs;

/// <summary>The CID <c>ipfs add</c> gives a file's bytes (UnixFS, fixed-size chunks, balanced DAG).</summary>
public static class UnixFs
{
    private const int ReadBuffer = 1 << 16;

    /// <summary>The CID of <paramref name="content"/> (default options: <see cref="UnixFsOptions.Kubo"/>).</summary>
    public static Cid ComputeCid(ReadOnlySpan<byte> content, UnixFsOptions? options = null)
    {
        var builder = new UnixFsBuilder(options);
        builder.Write(content);
        return builder.Complete();
    }

    /// <summary>The CID of a stream's remaining bytes, read in pieces (never held whole in memory).</summary>
    public static Cid ComputeCid(Stream content, UnixFsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new UnixFsBuilder(options);
        byte[] buffer = new byte[ReadBuffer];
        int n;
        while ((n = content.Read(buffer)) > 0) builder.Write(buffer.AsSpan(0, n));
        return builder.Complete();
    }

    /// <summary>The CID of a stream's remaining bytes, read asynchronously in pieces.</summary>
    public static async Task<Cid> ComputeCidAsync(Stream content, UnixFsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new UnixFsBuilder(options);
        byte[] buffer = new byte[ReadBuffer];
        int n;
        while ((n = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0) builder.Write(buffer.AsSpan(0, n));
        return builder.Complete();
    }

    /// <summary>The CID of a file on disk, streamed.</summary>
    /// <exception cref="IpfsException">The file cannot be read.</exception>
    public static Cid ComputeFileCid(string path, UnixFsOptions? options = null)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBuffer, FileOptions.SequentialScan);
            return ComputeCid(stream, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new IpfsException($"{path}: cannot be read: {e.Message}", e);
        }
    }
}
