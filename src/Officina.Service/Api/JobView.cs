using System.ComponentModel;
using Officina.OpenXml.Rendering;
using Officina.Operations;
using Officina.Service.Jobs;

namespace Officina.Service.Api;

/// <summary>A job as the API shows it (docs/api.md): the record without internals, plus links.</summary>
public sealed record JobView(
    string Id,
    string Kind,
    string Status,
    string Host,
    string? Instruction,
    string Mode,
    string? FileName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JobProgress? Progress,
    JobPreview? Preview,
    IReadOnlyList<Change> Changes,
    JobVerification? Verification,
    JobUsage? Usage,
    JobError? Error,
    bool CancelRequested,
    IReadOnlyList<int>? Approved,
    string? ReplayOf,
    RenderRequest? Render,
    string? RenderOf,
    BatchRequest? Batch,
    BatchSummary? BatchSummary,
    JobLinks Links)
{
    public static JobView From(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var self = $"{JobsApi.Prefix}/jobs/{job.Id}";
        return new(job.Id, job.Kind, job.Status, job.Host, job.Instruction, job.Mode, job.FileName, job.CreatedAt, job.UpdatedAt, job.Progress,
            job.Preview, job.Changes, job.Verification, job.Usage ?? JobUsage.None, job.Error, job.CancelRequested, job.Approved, job.ReplayOf, job.Render, job.RenderOf,
            job.Batch, job.BatchSummary,
            new JobLinks(self, job.Kind is JobKind.Model or JobKind.Plan ? $"{self}/plan" : null, $"{self}/result", job.HasOriginal ? $"{self}/original" : null, $"{self}/events"));
    }
}

/// <summary>Where to find a job's parts.</summary>
public sealed record JobLinks(string Self, string? Plan, string Result, string? Original, string Events);

/// <summary>A page of jobs, newest first.</summary>
public sealed record JobPage(IReadOnlyList<JobView> Items, int Page, int PageSize, int Total);

/// <summary>Which operations of a previewed plan to apply; null or missing for all.</summary>
public sealed record ApproveRequest(
    [property: Description("Indexes into the plan's operations (0-based, each once) to apply; omit or null to apply all")] IReadOnlyList<int>? Operations = null);
