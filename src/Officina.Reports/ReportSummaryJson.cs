using System.Text.Json;
using Officina.Operations;

namespace Officina.Reports;

/// <summary>
/// A batch's summary as JSON (snake_case): counts, then per record its number, output name, status
/// (<c>succeeded</c>, <c>verification_errors</c>, <c>failed</c>), number of changes, verification
/// findings and errors with their paths. Written into the output as <see cref="ReportOptions.SummaryEntry"/>
/// and printed by <c>officina report --json</c>.
/// </summary>
public static class ReportSummaryJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The JSON name of a record status.</summary>
    public static string StatusName(ReportRecordStatus status) => status switch
    {
        ReportRecordStatus.Succeeded => "succeeded",
        ReportRecordStatus.VerificationErrors => "verification_errors",
        _ => "failed",
    };

    public static void Write(ReportSummary summary, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(summary);

        // Inside the output, where the output was written says nothing (and would show a server's folders).
        JsonSerializer.Serialize(stream, Of(summary with { Output = null }), Options);
    }

    /// <summary>The summary as the object that is serialized (also what <c>officina report --json</c> prints).</summary>
    public static object Of(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new
        {
            ok = summary.Failed == 0 && summary.WithVerificationErrors == 0,
            output = summary.Output,
            records = summary.Records.Count,
            written = summary.Written,
            succeeded = summary.Succeeded,
            verification_errors = summary.WithVerificationErrors,
            failed = summary.Failed,
            results = summary.Records.Select(r => new
            {
                record = r.Record,
                output = r.Output,
                status = StatusName(r.Status),
                changes = r.Changes,
                findings = r.Findings.Select(f => new { severity = f.Severity.ToString().ToLowerInvariant(), code = f.Code, location = f.Location, message = f.Message }),
                errors = r.Errors.Select(e => new { path = e.Path, rule = e.Rule, message = e.Message }),
            }),
        };
    }

    /// <summary>A record's first error as one line, <c>path: message</c>; null when it has none.</summary>
    public static string? FirstError(ReportRecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors is [OperationError first, ..] ? $"{first.Path}: {first.Message}" : null;
    }
}
