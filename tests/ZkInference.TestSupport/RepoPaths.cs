namespace ZkInference.TestSupport;

/// <summary>Locations tests need: the repository root (the folder holding ZkInference.sln) and the shared folder beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root, found by walking up from the test assembly's folder.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>&lt;repo root&gt;/../shared, which exists on every dev machine and in CI.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>&lt;shared&gt;/fixtures/&lt;parts…&gt;; fails with a clear message when the file is missing.</summary>
    public static string Fixture(params string[] parts)
    {
        string path = Path.Combine([Shared, "fixtures", .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException($"fixture {path} is missing (the shared folder must sit beside the repository)", path);
        return path;
    }

    /// <summary>tests/interop, where the pinned npm tools are installed.</summary>
    public static string Interop => Path.Combine(Root, "tests", "interop");

    /// <summary>A fresh empty temporary folder for one test.</summary>
    public static string NewTempDirectory(string prefix = "zkinfer")
    {
        string dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "ZkInference.sln"))) return dir;
        throw new InvalidOperationException($"no ZkInference.sln above {AppContext.BaseDirectory}");
    }
}
