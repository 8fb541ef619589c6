using Officina.OpenXml.Rendering;
using Officina.Operations;
using Officina.Planning.Model;

using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>The statuses of a job, in lifecycle order.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Planning = "planning";
    public const string AwaitingApproval = "awaiting_approval";
    public const string Applying = "applying";
    public const string Verifying = "verifying";
    public const string Rendering = "rendering";

    /// <summary>A batch job is generating its documents, one per data record.</summary>
    public const string Generating = "generating";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsTerminal(string status) => status is Succeeded or Failed or Cancelled;
}

/// <summary>
/// What a job is: a model plans first (<c>model</c>), a given plan is applied (<c>plan</c>), a
/// document is only verified (<c>verify</c>) or rendered to PDF/PNG (<c>render</c>), or a
/// template is filled once per data record (<c>batch</c>).
/// </summary>
public static class JobKind
{
    public const string Model = "model";
    public const string Plan = "plan";
    public const string Verify = "verify";
    public const string Render = "render";
    public const string Batch = "batch";
}

/// <summary>
/// One job as stored: who owns it, what was asked, where it is in its lifecycle, and what it
/// produced. Files (original, sources, result) live in the <see cref="Storage.IFileStore"/>
/// under the job's id.
/// </summary>
public sealed record JobRecord : IStoredRecord
{
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public required string Kind { get; init; }

    public string Status { get; init; } = JobStatus.Queued;

    public required string Host { get; init; }

    public string? Instruction { get; init; }

    public string Mode { get; init; } = "apply";

    public string? Effort { get; init; }

    public string? FileName { get; init; }

    public bool HasOriginal { get; init; }

    /// <summary>Source files by the name plans use (import_csv), each stored in slot <c>source_N</c>.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public JobProgress? Progress { get; init; }

    /// <summary>The plan JSON (as <see cref="PlanSerializer"/> writes it).</summary>
    public string? Plan { get; init; }

    /// <summary>Indexes of the plan's operations to apply; null for all.</summary>
    public IReadOnlyList<int>? Approved { get; init; }

    /// <summary>What the preview of a <c>preview</c> job showed for the whole plan; null before planning and for other modes.</summary>
    public JobPreview? Preview { get; init; }

    /// <summary>What was applied to the document: empty until an apply succeeded (a preview's changes are in <see cref="Preview"/>).</summary>
    public IReadOnlyList<Change> Changes { get; init; } = [];

    public JobVerification? Verification { get; init; }

    public JobUsage? Usage { get; init; }

    public JobError? Error { get; init; }

    public bool CancelRequested { get; init; }

    /// <summary>How many times a worker started on this job (re-runs after a crash or a transient fault).</summary>
    public int Runs { get; init; }

    /// <summary>The job this one replays the plan of, if any.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>What a <c>render</c> job makes: format, pages, resolution.</summary>
    public RenderRequest? Render { get; init; }

    /// <summary>The job whose result a <c>render</c> job renders, if any.</summary>
    public string? RenderOf { get; init; }

    /// <summary>What a <c>batch</c> job fills: output names, missing-field policy, data file, record count.</summary>
    public BatchRequest? Batch { get; init; }

    /// <summary>A finished <c>batch</c> job's counts and first failures (the full list is <c>summary.json</c> in the result).</summary>
    public BatchSummary? BatchSummary { get; init; }

    /// <summary>
    /// The result's download name and media type, written with the final status by kinds whose
    /// result is not the input's kind (render) or has its own name (verify); null: derived from <see cref="FileName"/>.
    /// </summary>
    public JobFile? ResultFile { get; init; }
}

/// <summary>A stored file as it is downloaded: its name and media type.</summary>
public sealed record JobFile(string Name, string ContentType);

/// <summary>Where a running job is: its stage, operations done of the total, and what it is doing.</summary>
public sealed record JobProgress(string Stage, int Done, int Total, string? Message);

/// <summary>Why a job failed: a stable code, a message, and for plan errors the errors with their paths.</summary>
public sealed record JobError(string Code, string Message, IReadOnlyList<OperationError>? Errors = null);

/// <summary>
/// The verification report as the API shows it: <see cref="Findings"/> are what the edit
/// introduced (an error among them is what <see cref="HasErrors"/> means);
/// <see cref="PreExisting"/> are what the input already had (severity info), which never fail a job.
/// </summary>
public sealed record JobVerification(bool HasErrors, IReadOnlyList<string> Checks, IReadOnlyList<JobFinding> Findings, IReadOnlyList<JobFinding> PreExisting)
{
    public static JobVerification From(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.HasErrors, report.Checks, [.. report.Findings.Select(JobFinding.From)], [.. report.PreExisting.Select(JobFinding.From)]);
    }
}

/// <summary>One verification finding.</summary>
public sealed record JobFinding(string Severity, string Code, string Location, string Message)
{
    public static JobFinding From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Severity.ToString().ToLowerInvariant(), finding.Code, finding.Location, finding.Message);
    }
}

/// <summary>Model usage and cost of a job, and how long it ran.</summary>
public sealed record JobUsage(long InputTokens, long CachedTokens, long OutputTokens, long ReasoningTokens, decimal EstimatedCostUsd, long DurationMs)
{
    public static JobUsage None { get; } = new(0, 0, 0, 0, 0, 0);

    public static JobUsage From(ModelUsage usage, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return new(usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens, usage.ReasoningTokens, usage.EstimatedCostUsd ?? 0m, (long)duration.TotalMilliseconds);
    }
}
