namespace ZkInference.Field.Tests;

/// <summary>Finds ../shared (fixtures and vectors) beside the repository root, as on every machine and in CI.</summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Path(string relative)
    {
        string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", relative));
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"shared test data not found: {path} (../shared must sit beside the repository)");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ZkInference.sln"))) return dir.FullName;
        throw new InvalidOperationException("ZkInference.sln not found above " + AppContext.BaseDirectory);
    }
}
