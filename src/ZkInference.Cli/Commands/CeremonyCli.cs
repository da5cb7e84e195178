using System.CommandLine;
using Spectre.Console;
using ZkInference.Circuit;
using ZkInference.Groth16;

namespace ZkInference.Cli.Commands;

/// <summary>Shared plumbing of the trusted-setup commands: snarkjs-style options, progress on a terminal, errors as exit 1.</summary>
internal static class CeremonyCli
{
    public static Option<string?> NameOption() => new("--name", "-n") { Description = "Name of the contribution (stored in the file)" };

    public static Option<string?> EntropyOption() => new("--entropy", "-e") { Description = "Text mixed with fresh random bytes into the secret (random only when omitted)" };

    public static Option<bool> VerboseOption() => new("--verbose", "-v") { Description = "Print more details" };

    public static Argument<string> Arg(string name, string description, string? defaultValue = null)
    {
        var a = new Argument<string>(name) { Description = description };
        if (defaultValue != null) a.DefaultValueFactory = _ => defaultValue;
        return a;
    }

    /// <summary>Runs a step with a progress bar on a terminal (silent when redirected); Groth16 errors become "error: …" and exit 1.</summary>
    public static int Run(string title, Func<IProgress<double>?, string?> work)
    {
        try
        {
            string? message;
            if (Console.IsOutputRedirected || Console.IsErrorRedirected)
                message = work(null);
            else
            {
                message = null;
                AnsiConsole.Progress().AutoClear(true).Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask(title, maxValue: 1.0);
                    message = work(new Progress<double>(v => task.Value = Math.Min(1.0, v)));
                    task.Value = 1.0;
                });
            }
            if (!string.IsNullOrEmpty(message)) Console.Out.WriteLine(message);
            return 0;
        }
        catch (Exception e) when (e is Groth16Exception or CircuitException)
        {
            // CircuitException: a malformed .r1cs or .wtns read directly by the command (groth16 setup --dev).
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Finds a top-level command by name, creating it when absent.</summary>
    public static Command Family(RootCommand root, string name, string description)
    {
        Command? existing = root.Subcommands.FirstOrDefault(c => c.Name == name);
        if (existing != null) return existing;
        var created = new Command(name, description);
        root.Subcommands.Add(created);
        return created;
    }

    /// <summary>Adds <paramref name="make"/>() under <paramref name="family"/> and a hidden top-level alias (snarkjs's short names).</summary>
    public static void AddWithAlias(RootCommand root, Command family, string alias, Func<string, Command> make)
    {
        family.Subcommands.Add(make(""));
        Command a = make(alias);
        a.Hidden = true;
        root.Subcommands.Add(a);
    }

    public static byte[] ParseHex(string hex, string what)
    {
        string h = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        try { return Convert.FromHexString(h); }
        catch (FormatException) { throw new Groth16Exception($"{what} '{hex}' is not hexadecimal"); }
    }

    public static int ParseInt(string text, string what) =>
        int.TryParse(text, out int v) ? v : throw new Groth16Exception($"{what} '{text}' is not an integer");
}
