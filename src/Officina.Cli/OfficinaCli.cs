using System.CommandLine;
using Officina.Cli.Commands;

namespace Officina.Cli;

/// <summary>The <c>officina</c> command tree.</summary>
public static class OfficinaCli
{
    public static RootCommand Build(Func<CliOutput> output)
    {
        var root = new RootCommand("Officina: apply typed, validated plans to Office documents, verify them, and report what changed.")
        {
            CatalogCommand.Create(output),
            InspectCommand.Create(output),
            ApplyCommand.Create(output),
            VerifyCommand.Create(output),
            RunCommand.Create(output),
            PlanCommand.Create(output),
            EvalCommand.Create(output),
            ReportCommand.Create(output),
            RenderCommand.Create(output),
            McpCommand.Create(output),
        };
        foreach (var option in EngineBudgets.Options())
        {
            root.Options.Add(option);
        }

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        return root;
    }

    /// <summary>Runs the CLI with the given writers (tests pass string writers).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var cli = new CliOutput(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return Build(() => cli).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
