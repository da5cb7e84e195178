using System.CommandLine;

namespace ZkInference.Cli.Commands;

/// <summary>
/// Stand-ins, in the native prover build (<c>ZKINFER_NATIVE</c>), for the commands that only the .NET tool carries
/// (the marketplace, the prover server, the dashboard and the marketplace demo): each keeps its name and explains,
/// rather than failing as an unknown command.
/// </summary>
internal static class NativeBuildOnly
{
    /// <summary>The message a left-out command prints (exit code 1).</summary>
    public static string Message(string name) =>
        $"`zkinfer {name}` is not part of the native prover build (it needs the chain client, ASP.NET Core and reflection-based JSON); " +
        $"run it with the .NET tool: `dotnet tool install -g zkinfer`, or `dotnet run -c Release --project src/ZkInference.Cli -- {name}`";

    /// <summary>A command named <paramref name="name"/> that accepts any arguments and prints <see cref="Message"/>.</summary>
    public static Command Create(string name, string description)
    {
        var rest = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore, Description = "ignored" };
        var command = new Command(name, description + " (not in the native build)") { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: " + Message(name));
            return 1;
        });
        return command;
    }
}
