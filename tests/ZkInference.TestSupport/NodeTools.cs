using System.Diagnostics;

namespace ZkInference.TestSupport;

/// <summary>The result of running a process: exit code and captured output.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StdOut">Standard output.</param>
/// <param name="StdErr">Standard error.</param>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Standard output with ANSI colour codes removed.</summary>
    public string PlainOut => System.Text.RegularExpressions.Regex.Replace(StdOut, "\u001b\\[[0-9;]*m", "");
}

/// <summary>
/// Runs the npm tools pinned in tests/interop (snarkjs, circom2, circomlibjs) with node. Never skips: when
/// node_modules is missing it fails telling you to run ./test.sh, which installs them.
/// </summary>
public static class NodeTools
{
    /// <summary>tests/interop/node_modules, checked to exist.</summary>
    public static string NodeModules
    {
        get
        {
            string dir = Path.Combine(RepoPaths.Interop, "node_modules");
            if (!Directory.Exists(Path.Combine(dir, "snarkjs")))
                throw new InvalidOperationException($"{dir} has no snarkjs: run ./test.sh (it runs npm ci in tests/interop) before the interop tests");
            return dir;
        }
    }

    /// <summary>Runs <c>snarkjs</c> with the given arguments.</summary>
    public static ProcessResult Snarkjs(params string[] args) =>
        Node([Path.Combine(NodeModules, "snarkjs", "build", "cli.cjs"), .. args]);

    /// <summary>Runs a JavaScript snippet (CommonJS) with tests/interop as the working folder, so require() finds the pinned packages.</summary>
    public static ProcessResult Script(string code, TimeSpan? timeout = null)
    {
        _ = NodeModules;
        return Node(["-e", code], timeout);
    }

    /// <summary>Runs node with the given arguments in tests/interop.</summary>
    public static ProcessResult Node(string[] args, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Interop, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started");
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', args)} timed out");
        }
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
