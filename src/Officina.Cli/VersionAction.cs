using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Officina.Cli;

/// <summary>
/// <c>officina --version</c>: the version of this assembly (the package version, from the
/// project file). System.CommandLine's own action reads the entry assembly, which is not
/// <c>officina</c> when the CLI runs inside another process (tests, a host).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
