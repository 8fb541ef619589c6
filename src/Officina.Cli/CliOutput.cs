using System.Text.Json;
using System.Text.Json.Serialization;
using Officina.Operations;
using Spectre.Console;

namespace Officina.Cli;

/// <summary>Exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Invalid = 2;
    public const int VerificationErrors = 3;
}

/// <summary>Where a command writes: plain or JSON to stdout, diagnostics to stderr; progress only on a terminal.</summary>
public sealed class CliOutput(TextWriter output, TextWriter error)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stdout is an interactive terminal, so progress can be drawn.</summary>
    public bool Interactive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    public void WriteJson(object value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public void WriteErrors(IEnumerable<OperationError> errors)
    {
        foreach (var error in errors)
        {
            Error.WriteLine($"error: {error.Path}: {error.Message} [{error.Rule}]");
        }
    }

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal, plainly otherwise.</summary>
    public async Task<T> WithStatusAsync<T>(string message, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Interactive)
        {
            return await work(_ => { }).ConfigureAwait(false);
        }

        return await AnsiConsole.Status().StartAsync(message, context => work(text => context.Status(Markup.Escape(text)))).ConfigureAwait(false);
    }

    public static object Report(VerificationReport report) => VerificationReportJson.From(report);

    public void WriteReport(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Out.WriteLine("Verification:");
        foreach (var check in report.Checks)
        {
            Out.WriteLine($"  checked: {check}");
        }

        if (report.Findings.Count == 0)
        {
            Out.WriteLine("  no findings");
        }

        foreach (var finding in report.Findings)
        {
            Out.WriteLine($"  {finding.Severity.ToString().ToLowerInvariant()}: {finding.Location}: {finding.Message}");
        }

        if (report.PreExisting.Count > 0)
        {
            Out.WriteLine($"Pre-existing (already in the input; they do not fail this edit): {report.PreExisting.Count}");
            foreach (var finding in report.PreExisting)
            {
                Out.WriteLine($"  pre-existing: {finding.Location}: {finding.Message}");
            }
        }
    }
}
