using System.Text.RegularExpressions;
using Officina.Mcp;
using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.Operations;
using Officina.Planning;
using Officina.Service.Api;
using Officina.Service.Security;
using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>
/// The documents an MCP client over HTTP reaches: the uploads (originals) and results of its
/// tenant's jobs, named <c>jobs/ID/original</c> or <c>jobs/ID/result</c>, found under the same
/// tenant check as the REST downloads. A save becomes a new, finished plan job of the tenant:
/// its original is the document the session opened, its plan every operation applied, its
/// result the working copy, so it is downloaded, rendered and replayed like any other job.
/// </summary>
public sealed partial class TenantDocumentStore(IHttpContextAccessor http, IJobStore jobs, IFileStore files, TimeProvider time) : IDocumentStore
{
    public string Owner => User.Tenant();

    public string PathHelp => "jobs/ID/original (the upload) or jobs/ID/result of one of your jobs";

    private System.Security.Claims.ClaimsPrincipal User =>
        http.HttpContext?.User ?? throw new InvalidOperationException("The MCP tools over HTTP need the request's user; is IHttpContextAccessor registered?");

    public async Task<StoredDocument> ReadAsync(string location, CancellationToken cancellationToken)
    {
        var match = JobPath().Match(location ?? "");
        if (!match.Success)
        {
            throw new ToolRefusalException("$.path", "path", $"Over HTTP a document is {PathHelp}. Given: '{location}'.");
        }

        var (id, slot) = (match.Groups["id"].Value, match.Groups["slot"].Value);
        var job = await JobsApi.FindAsync(jobs, id, User, cancellationToken).ConfigureAwait(false)
            ?? throw new ToolRefusalException("$.path", "not_found", $"There is no job '{id}' of yours.");
        if (slot == "result" && (job.Status != JobStatus.Succeeded || job.Kind is JobKind.Render or JobKind.Batch))
        {
            throw new ToolRefusalException("$.path", "no_document", job.Status != JobStatus.Succeeded
                ? $"Job '{id}' has no result: it is {job.Status}."
                : $"Job '{id}' is a {job.Kind} job: its result is not an Office document; open jobs/{id}/original instead.");
        }

        if (slot == "original" && !job.HasOriginal)
        {
            throw new ToolRefusalException("$.path", "no_document", $"Job '{id}' made a new document; there is no original. Open jobs/{id}/result.");
        }

        var content = await files.ReadAsync(id, slot, cancellationToken).ConfigureAwait(false)
            ?? throw new ToolRefusalException("$.path", "gone", $"The {slot} file of job '{id}' is no longer stored.");
        var name = slot == "result" ? JobFiles.Result(job).Name : JobFiles.Original(job).Name;
        return new($"jobs/{id}/{slot}", name, content);
    }

    public async Task<string> SaveAsync(WorkingCopy copy, byte[] content, VerificationReport report, SaveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(report);
        var id = StoreIds.NewJobId();
        var now = time.GetUtcNow();
        var changes = copy.Changes;

        // The files first, so the record never points at a file that is not there.
        await files.WriteAsync(id, "original", copy.Input(), cancellationToken).ConfigureAwait(false);
        await files.WriteAsync(id, "result", content, cancellationToken).ConfigureAwait(false);
        await jobs.CreateAsync(new JobRecord
        {
            Id = id,
            Tenant = Owner,
            Kind = JobKind.Plan,
            Status = JobStatus.Succeeded,
            Host = copy.Host.ToName(),
            Instruction = $"Saved from MCP session {copy.Id} (opened from {copy.Location})",
            FileName = copy.Name,
            HasOriginal = true,
            Plan = new PlanSerializer(DocumentSessions.Catalog).Write(copy.CombinedPlan()),
            Changes = changes,
            Verification = JobVerification.From(report),
            Progress = new(JobStatus.Succeeded, changes.Count, changes.Count, "Saved from an MCP session"),
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken).ConfigureAwait(false);
        return $"jobs/{id}/result";
    }

    [GeneratedRegex(@"^/?(?:api/v1/)?jobs/(?<id>[A-Za-z0-9_]{1,64})/(?<slot>original|result)$")]
    private static partial Regex JobPath();
}
