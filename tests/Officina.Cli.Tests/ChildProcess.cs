using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Officina.Cli.Tests;

/// <summary>Runs a program (the dotnet CLI, an installed tool) to its end and captures what it printed.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// The dotnet installation running these tests, so <c>dotnet pack</c> and an installed tool's
    /// launcher use the same SDK and runtime: the runtime folder is ROOT/shared/Microsoft.NETCore.App/VERSION.
    /// </summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static string Dotnet { get; } = Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    /// <summary>The <c>officina</c> built beside these tests, run with the same dotnet.</summary>
    public static string Officina { get; } = Path.Combine(AppContext.BaseDirectory, "officina.dll");

    /// <summary>
    /// Runs <paramref name="program"/>, with <paramref name="environment"/> added to this process's
    /// variables; a run that has not ended after <paramref name="limit"/> is killed and fails the test as hung.
    /// </summary>
    public static async Task<(int Exit, string Out, string Error)> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's MSBuild settings would steer a nested build; the tool's launcher needs the runtime's root.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var hung = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(hung.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{Path.GetFileName(program)} {string.Join(' ', start.ArgumentList)}' had not ended after {limit.TotalMinutes} minutes and was stopped.");
        }

        return (process.ExitCode, await output, await error);
    }
}
