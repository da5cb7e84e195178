using System.CommandLine;
using System.Reflection;

namespace ZkInference.Cli.Commands;

/// <summary><c>zkinfer version</c>: prints the version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the zkinfer version");
        command.SetAction(_ =>
        {
            string version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"zkinfer {version}");
            return 0;
        });
        return command;
    }
}
