using System.Numerics;
using ZkInference.Market.Engine;
using ZkInference.Market.Ipfs;
using ZkInference.Onnx.Settings;

namespace ZkInference.Dashboard;

/// <summary>
/// The compiled settings of each model, read from <c>&lt;models&gt;/&lt;id&gt;/settings.json</c> and used only when the
/// file's CID equals the settings CID the model registered on chain (so the form never commits to an input
/// with another model's quantization).
/// </summary>
internal sealed class ModelSettingsStore(string? directory)
{
    public async Task<CircuitSettings> GetAsync(BigInteger modelId, MarketModel model, CancellationToken ct)
    {
        if (directory is null) throw new DashboardException("the dashboard was started without --models: it cannot compute input commitments");
        string path = Path.Combine(directory, modelId.ToString(System.Globalization.CultureInfo.InvariantCulture), "settings.json");
        if (!File.Exists(path)) throw new DashboardException($"no settings for model {modelId} ({path} is missing)");
        if (model.Metadata.SettingsCid.Length > 0)
        {
            string cid = UnixFs.ComputeFileCid(path).ToString();
            if (cid != model.Metadata.SettingsCid)
                throw new DashboardException($"{path} has CID {cid}, but model {modelId} registered settings {model.Metadata.SettingsCid}");
        }
        return CircuitSettings.FromJson(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), path);
    }
}
