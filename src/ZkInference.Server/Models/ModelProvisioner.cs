using System.Numerics;
using ZkInference.Market.Chain;
using ZkInference.Market.Ipfs;

namespace ZkInference.Server.Models;

/// <summary>
/// Makes a server's copy of a model match what the market registered: each file named by a CID in the model's
/// metadata (weights = model.onnx, circuit = circuit.r1cs, settings = settings.json) is checked against its CID,
/// and fetched from an IPFS gateway (checked byte for byte) when the folder lacks it.
/// </summary>
public static class ModelProvisioner
{
    /// <summary>The files a registered model names, by metadata field.</summary>
    public static IReadOnlyList<(string Field, string FileName, Func<Market.Engine.ModelMetadata, string> Cid)> Files { get; } =
    [
        ("weights", "model.onnx", m => m.WeightsCid),
        ("circuit", "circuit.r1cs", m => m.CircuitCid),
        ("settings", "settings.json", m => m.SettingsCid),
    ];

    /// <summary>
    /// Checks (and where missing, fetches) the files of model <paramref name="modelId"/> in <paramref name="folder"/>.
    /// Throws <see cref="IpfsContentMismatchException"/> when a local or fetched file is not what the market registered.
    /// </summary>
    public static async Task ProvisionAsync(MarketClient client, BigInteger modelId, string folder, IpfsFetcher? fetcher,
        Action<string>? log = null, CancellationToken cancellation = default)
    {
        var model = await client.GetModelAsync(modelId, cancellation).ConfigureAwait(false)
            ?? throw new InvalidDataException($"model {modelId} is not registered in the market");
        Directory.CreateDirectory(folder);
        foreach (var (field, fileName, cidOf) in Files)
        {
            var text = cidOf(model.Metadata);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var cid = Cid.Parse(text);
            var path = Path.Combine(folder, fileName);
            if (File.Exists(path))
            {
                await VerifyFileAsync(path, cid, cancellation).ConfigureAwait(false);
                log?.Invoke($"model {modelId}: {fileName} matches its registered {field} CID {cid}");
            }
            else if (fetcher is not null)
            {
                await fetcher.FetchToFileAsync(cid, path, cancellation).ConfigureAwait(false);
                log?.Invoke($"model {modelId}: fetched {fileName} from IPFS ({cid}), verified");
            }
            else
            {
                throw new FileNotFoundException($"model {modelId}: {path} is missing and no IPFS gateway was given to fetch {cid}");
            }
        }
    }

    /// <summary>Streams a file through a <see cref="CidVerifier"/>.</summary>
    public static async Task VerifyFileAsync(string path, Cid cid, CancellationToken cancellation = default)
    {
        var verifier = new CidVerifier(cid);
        var buffer = new byte[1 << 16];
        await using var stream = File.OpenRead(path);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0) verifier.Write(buffer.AsSpan(0, read));
        verifier.Complete();
    }
}
