using ZkInference.Groth16.Formats;

namespace ZkInference.Market.Ipfs;

/// <summary>
/// Fetches files from an IPFS HTTP gateway (<c>&lt;gateway&gt;/ipfs/&lt;cid&gt;</c>) and checks every byte against the
/// CID before handing anything over: a gateway is untrusted, and content that does not hash to its CID is an
/// <see cref="IpfsContentMismatchException"/>.
/// </summary>
public sealed class IpfsFetcher
{
    private readonly HttpClient _http;
    private readonly Uri _gateway;

    /// <summary>A fetcher for the gateway at <paramref name="gateway"/> (e.g. <c>https://ipfs.io</c>) over <paramref name="http"/>.</summary>
    /// <exception cref="IpfsException">The gateway is not an absolute http(s) URL.</exception>
    public IpfsFetcher(HttpClient http, string gateway)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new IpfsException($"gateway \"{gateway}\" is not an absolute http(s) URL");
        _gateway = new Uri(uri.AbsoluteUri.TrimEnd('/') + "/");
    }

    /// <summary>The most bytes accepted for one CID (default 1 GiB): a gateway cannot make the caller read forever.</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>The import profiles a dag-pb CID is checked under (default <see cref="CidVerifier.DefaultProfiles"/>).</summary>
    public IReadOnlyList<UnixFsOptions> Profiles { get; init; } = CidVerifier.DefaultProfiles;

    /// <summary>The URL fetched for a CID.</summary>
    public Uri UrlOf(Cid cid) => new(_gateway, "ipfs/" + cid);

    /// <summary>Fetches a file into memory and returns it once it matches <paramref name="cid"/>.</summary>
    /// <exception cref="IpfsContentMismatchException">The gateway's bytes do not have this CID.</exception>
    /// <exception cref="IpfsException">The gateway cannot be reached, answers with an error, or sends more than <see cref="MaxBytes"/>.</exception>
    public async Task<byte[]> FetchAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        using var memory = new MemoryStream();
        await FetchIntoAsync(cid, memory, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    /// <summary>
    /// Fetches a file to <paramref name="path"/>, streamed and checked as it arrives, written atomically: on any
    /// error, a mismatch included, nothing is left at <paramref name="path"/>.
    /// </summary>
    /// <exception cref="IpfsContentMismatchException">The gateway's bytes do not have this CID.</exception>
    /// <exception cref="IpfsException">The gateway fails, the size limit is exceeded, or the file cannot be written.</exception>
    public async Task FetchToFileAsync(Cid cid, string path, CancellationToken cancellationToken = default)
    {
        // Stream to a temporary file (memory stays bounded), and publish it atomically only once verified.
        string temp = Path.Combine(Path.GetTempPath(), $"zkinfer-ipfs-{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await FetchIntoAsync(cid, file, cancellationToken).ConfigureAwait(false);
            AtomicFile.Write(path, target =>
            {
                using var source = File.OpenRead(temp);
                source.CopyTo(target);
            });
        }
        catch (Groth16.Groth16Exception e) { throw new IpfsException(e.Message, e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IpfsException($"{path}: cannot be written: {e.Message}", e);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task FetchIntoAsync(Cid cid, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cid);
        var verifier = new CidVerifier(cid, Profiles);
        Uri url = UrlOf(cid);
        try
        {
            using HttpResponseMessage response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new IpfsException($"{url}: gateway answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > MaxBytes)
                throw new IpfsException($"{url}: {response.Content.Headers.ContentLength} bytes exceed the {MaxBytes}-byte limit");
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (verifier.Length + n > MaxBytes) throw new IpfsException($"{url}: more than the {MaxBytes}-byte limit received");
                verifier.Write(buffer.AsSpan(0, n));
                await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpIOException e)
        {
            throw new IpfsException($"{url}: the gateway's response broke off: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new IpfsException($"{url}: gateway unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IpfsException($"{url}: gateway timed out", e);
        }
        verifier.Complete();
    }
}
