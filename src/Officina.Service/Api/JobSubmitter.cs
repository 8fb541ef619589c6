using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>
/// Creates jobs: claims the <c>Idempotency-Key</c>, stores the files (original, sources, other inputs) under the new id, writes
/// the record and enqueues the Hangfire job. A repeated key with the same request returns the
/// first job; with a different request it is a 422. A submission that fails half-way (disk full,
/// database gone) leaves nothing behind: its files and record are removed and its key is released.
/// </summary>
public sealed class JobSubmitter(IJobStore jobs, IFileStore files, IBackgroundJobClient background, TimeProvider time, ILogger<JobSubmitter> log)
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    public async Task<Results<Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, string requestHash, JobRecord draft, UploadedFile? original, IReadOnlyList<UploadedFile> sources, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, byte[]>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sources);
        var id = StoreIds.NewJobId();
        if (await RepeatedAsync(http, draft.Tenant, requestHash, id, cancellationToken).ConfigureAwait(false) is { } repeated)
        {
            return repeated;
        }

        var now = time.GetUtcNow();
        var job = draft with
        {
            Id = id,
            HasOriginal = original is not null,
            FileName = original?.Name ?? draft.FileName,
            Sources = [.. sources.Select(s => s.Name)],
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            if (original is not null)
            {
                await files.WriteAsync(id, "original", original.Content, cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < sources.Count; i++)
            {
                await files.WriteAsync(id, $"source_{i}", sources[i].Content, cancellationToken).ConfigureAwait(false);
            }

            // Other inputs a kind needs (a batch's data and plan template), under slots the caller names.
            foreach (var (slot, content) in inputs ?? new Dictionary<string, byte[]>())
            {
                await files.WriteAsync(id, slot, content, cancellationToken).ConfigureAwait(false);
            }

            await jobs.CreateAsync(job, cancellationToken).ConfigureAwait(false);
            Enqueue(id);
        }
        catch
        {
            await AbandonAsync(http, draft.Tenant, id).ConfigureAwait(false);
            throw;
        }

        return Accepted(job);
    }

    /// <summary>
    /// Claims the request's <c>Idempotency-Key</c> (if any) for <paramref name="jobId"/>. Returns
    /// the first answer's job when the key was used for the same request, a problem when it was
    /// used for another, or null when this request is the first and should proceed.
    /// </summary>
    public async Task<Results<Accepted<JobView>, ProblemHttpResult>?> RepeatedAsync(
        HttpContext http, string tenant, string requestHash, string jobId, CancellationToken cancellationToken)
    {
        var (claim, problem) = await ClaimKeyAsync(http, tenant, requestHash, jobId, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (claim is null)
        {
            return null;
        }

        var first = await jobs.GetAsync(claim.JobId, cancellationToken).ConfigureAwait(false);
        if (first is { Status: JobStatus.Failed, Error.Code: StorageFaults.StorageFullCode } && first.Tenant == tenant)
        {
            // The first job failed for want of space, not for anything in the request: the retry runs it again as a new job.
            await jobs.ReleaseClaimAsync(tenant, KeyHash(http), first.Id, cancellationToken).ConfigureAwait(false);
            (claim, problem) = await ClaimKeyAsync(http, tenant, requestHash, jobId, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (claim is null)
            {
                return null;
            }

            first = await jobs.GetAsync(claim.JobId, cancellationToken).ConfigureAwait(false);
        }

        return first is not null && first.Tenant == tenant
            ? Accepted(first)
            : Problems.Conflict($"The request with Idempotency-Key '{http.Request.Headers["Idempotency-Key"]}' is still being processed; repeat it in a moment.");
    }

    /// <summary>
    /// Claims the request's <c>Idempotency-Key</c> (if any) for <paramref name="id"/> (a job or schedule id): the earlier
    /// claim when the key was used for the same request, a problem when it was used for another, or neither when this request is the first.
    /// </summary>
    public async Task<(IdempotencyClaim? Earlier, ProblemHttpResult? Problem)> ClaimKeyAsync(
        HttpContext http, string tenant, string requestHash, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Headers[IdempotencyKeyHeader.Name].ToString() is not { Length: > 0 } key)
        {
            return (null, null);
        }

        if (key.Length > IdempotencyKeyHeader.MaxLength)
        {
            return (null, Problems.Invalid(IdempotencyKeyHeader.Name, "idempotency_key", $"An Idempotency-Key has at most {IdempotencyKeyHeader.MaxLength} characters. Given: {key.Length}."));
        }

        var keyHash = KeyHash(http);
        var request = $"{http.Request.Method} {http.Request.Path} {requestHash}";
        var claim = await jobs.ClaimAsync(tenant, keyHash, request, id, IdempotencyWindow, cancellationToken).ConfigureAwait(false);
        if (claim is not null && claim.RequestHash != request)
        {
            return (null, Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                $"The Idempotency-Key '{key}' was used within 24 h for a different request ({claim.JobId}); use a new key for a new request."));
        }

        return (claim, null);
    }

    /// <summary>
    /// Undoes a submission that failed after its key was claimed: its files, its record (if written) and its key claim go,
    /// so no orphan folder stays and a retry with the same key is not told the request is still being processed.
    /// </summary>
    private async Task AbandonAsync(HttpContext http, string tenant, string id)
    {
        try
        {
            await files.DeleteAllAsync(id, CancellationToken.None).ConfigureAwait(false);
            await jobs.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            if (http.Request.Headers[IdempotencyKeyHeader.Name].ToString() is { Length: > 0 and <= IdempotencyKeyHeader.MaxLength })
            {
                await jobs.ReleaseClaimAsync(tenant, KeyHash(http), id, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or TimeoutException)
        {
            // The submission's own failure is what the client hears; this one is for the operator.
            log.LogWarning("Could not remove what the failed submission of job {JobId} left behind: {Message}", id, ex.Message);
        }
    }

    private static string KeyHash(HttpContext http) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers[IdempotencyKeyHeader.Name].ToString())));

    public void Enqueue(string id) => background.Enqueue<JobRunner>(r => r.RunAsync(id, null, CancellationToken.None));

    private static Accepted<JobView> Accepted(JobRecord job) => TypedResults.Accepted($"{JobsApi.Prefix}/jobs/{job.Id}", JobView.From(job));
}
