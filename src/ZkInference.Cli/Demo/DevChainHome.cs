namespace ZkInference.Cli.Demo;

/// <summary>
/// Where the local chain's npm tools (hardhat, solc) live: the repository's tests/interop when zkinfer runs from
/// a checkout where ./test.sh installed them, otherwise a per-user cache folder that npm fills on first use.
/// </summary>
internal static class DevChainHome
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var interop = Path.Combine(dir.FullName, "tests", "interop");
                if (File.Exists(Path.Combine(interop, "node_modules", "hardhat", "package.json"))
                    && File.Exists(Path.Combine(interop, "node_modules", "solc", "package.json")))
                    return interop;
            }
        }
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "zkinfer", "devchain");
    }
}
