using System.Diagnostics;

namespace ZkInference.TestSupport;

/// <summary>
/// Runs the real <c>zkinfer</c> program (the zkinfer.dll copied beside the test assembly by a project
/// reference) as a child process, so tests see exactly what a user sees: output, errors and exit code.
/// </summary>
public static class Zkinfer
{
    /// <summary>Runs zkinfer with the arguments, feeding <paramref name="stdin"/> when given.</summary>
    public static ProcessResult Run(string[] args, string? stdin = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "zkinfer.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} not found: the test project must reference src/ZkInference.Cli");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = stdin != null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        psi.ArgumentList.Add(dll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started");
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"zkinfer {string.Join(' ', args)} timed out");
        }
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Starts zkinfer as a long-running child process (a server), with extra environment variables; output goes
    /// to <paramref name="log"/>. The caller stops it (Kill for a crash, or a signal).
    /// </summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string>? environment = null, Action<string>? log = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "zkinfer.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} not found: the test project must reference src/ZkInference.Cli");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var p = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started");
        p.OutputDataReceived += (_, e) => { if (e.Data is { } d) log?.Invoke(d); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { } d) log?.Invoke(d); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }
}
