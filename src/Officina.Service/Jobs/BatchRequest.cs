using System.Text.Json.Serialization;
using Officina.Reports;
using Officina.Reports.Templates;

namespace Officina.Service.Jobs;

/// <summary>
/// What a batch job (<c>POST /reports</c>) was asked: the output-name pattern (null for
/// <c>report-{{#}}</c>), what a missing field does, the data file's name and how many records it
/// holds, and whether a plan template was sent. The template, the data and the plan template
/// themselves are the job's stored inputs (slots <c>original</c>, <c>data</c>, <c>plan_template</c>).
/// </summary>
public sealed record BatchRequest(string? Name, string Missing, string Data, int Records, bool PlanTemplate)
{
    public const string DataSlot = "data";
    public const string PlanTemplateSlot = "plan_template";

    /// <summary>The name of the summary inside the result zip.</summary>
    public const string SummaryEntry = "summary.json";

    /// <summary>The values <c>missing</c> takes.</summary>
    public static readonly IReadOnlyList<string> MissingValues = ["fail", "empty", "keep"];

    [JsonIgnore]
    public MissingFieldPolicy MissingFields => Missing switch
    {
        "empty" => MissingFieldPolicy.Empty,
        "keep" => MissingFieldPolicy.Keep,
        _ => MissingFieldPolicy.Fail,
    };
}

/// <summary>A finished batch: records written cleanly, written with verification errors, failed; and the first few failures.</summary>
public sealed record BatchSummary(int Records, int Succeeded, int VerificationErrors, int Failed, IReadOnlyList<BatchFailure> Failures)
{
    /// <summary>How many failures the job shows; <c>summary.json</c> in the result lists them all.</summary>
    public const int ShownFailures = 5;

    public static BatchSummary From(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Records.Count, summary.Succeeded, summary.WithVerificationErrors, summary.Failed,
            [.. summary.Records.Where(r => r.Status == ReportRecordStatus.Failed).Take(ShownFailures)
                .Select(r => new BatchFailure(r.Record, r.Output, ReportSummaryJson.FirstError(r) ?? "failed"))]);
    }
}

/// <summary>One failed record: its 1-based number, the output name it would have had, and its first error (<c>path: message</c>).</summary>
public sealed record BatchFailure(int Record, string? Output, string Message);
