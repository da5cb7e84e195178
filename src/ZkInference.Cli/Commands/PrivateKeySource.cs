namespace ZkInference.Cli.Commands;

/// <summary>
/// Where a signing key comes from: a file (<c>--key-file</c>) or the <c>ZKINFER_PRIVATE_KEY</c> environment
/// variable — never the command line, where other users of the machine could read it.
/// </summary>
internal static class PrivateKeySource
{
    public const string EnvironmentVariable = "ZKINFER_PRIVATE_KEY";

    /// <summary>The key (hex, with or without 0x), or an exception naming both places to put it.</summary>
    public static string Read(string? keyFile)
    {
        if (keyFile is not null)
        {
            if (!File.Exists(keyFile)) throw new InvalidOperationException($"key file {keyFile} does not exist");
            var text = File.ReadAllText(keyFile).Trim();
            if (text.Length == 0) throw new InvalidOperationException($"key file {keyFile} is empty");
            return text;
        }
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return env.Trim();
        throw new InvalidOperationException($"no signing key: pass --key-file <file> or set {EnvironmentVariable}");
    }
}
