using System.Reflection;

namespace Officina.Cli.Tests;

public sealed class OfficinaCliTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task RunAsync_PrintsThePackageVersion_WhenVersionIsAsked()
    {
        var expected = typeof(OfficinaCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exit, stdout, stderr) = await _cli.RunAsync("--version");

        Assert.True(exit == 0, stderr);
        Assert.Equal(expected, stdout.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", stdout.Trim()); // the version alone, no "+commit" suffix
    }

    public void Dispose() => _cli.Dispose();
}
