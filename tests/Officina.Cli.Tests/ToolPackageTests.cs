using System.Reflection;
using Officina.Excel;

namespace Officina.Cli.Tests;

/// <summary>
/// <c>officina</c> as a .NET tool: packed from the build these tests run against, installed from
/// the pack folder alone (a NuGet config whose only source is that folder, so no network is
/// needed), then run as a user would.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private readonly CliRun _cli = new();

    [Fact]
    public async Task ToolInstall_GivesAnOfficinaCommandThatPrintsItsVersionAndAppliesAPlan_WhenInstalledFromThePackFolder()
    {
        var packs = Directory.CreateDirectory(_cli.PathOf("nupkg")).FullName;
        var tools = _cli.PathOf("tools");
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryRoot(), "src", "Officina.Cli", "Officina.Cli.csproj");

        var pack = await ChildProcess.RunAsync(ChildProcess.Dotnet, ["pack", project, "-c", configuration, "--no-build", "-o", packs, "-nologo"], _cli.Folder, Limit);
        Assert.True(pack.Exit == 0, pack.Out + pack.Error);
        var package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(packs, "officina.*.nupkg")));
        var version = package["officina.".Length..];
        var config = _cli.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pack" value="{packs}" />
              </packageSources>
            </configuration>
            """);
        var install = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["tool", "install", "officina", "--tool-path", tools, "--add-source", packs, "--configfile", config], _cli.Folder, Limit);
        Assert.True(install.Exit == 0, install.Out + install.Error);
        var officina = Path.Combine(tools, OperatingSystem.IsWindows() ? "officina.exe" : "officina");

        var shown = await ChildProcess.RunAsync(officina, ["--version"], _cli.Folder, Limit);
        var input = _cli.Copy("simple-monthly-budget.xlsx");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "Forecast" }, { "op": "set_values", "range": "Forecast!A1", "values": [["Installed"]] } ] }""");
        var output = _cli.PathOf("out.xlsx");
        var applied = await ChildProcess.RunAsync(officina, ["apply", input, plan, "-o", output], _cli.Folder, Limit);

        Assert.True(shown.Exit == 0, shown.Error);
        Assert.Equal(version, shown.Out.Trim());
        Assert.True(applied.Exit == 0, applied.Out + applied.Error);
        Assert.Contains("add_sheet: Added sheet 'Forecast'", applied.Out, StringComparison.Ordinal);
        using var book = WorkbookSession.Open(output);
        var (range, sheet) = book.Resolve("Forecast!A1");
        Assert.Equal("Installed", sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn)).ToString());
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>The checkout these tests were built from: the first folder above the test binaries that holds Office.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Office.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Office.sln above {AppContext.BaseDirectory}; the tool package test packs src/Officina.Cli from the checkout.");
    }
}
