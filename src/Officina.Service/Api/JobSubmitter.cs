using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Api;

/// <summary>
/// Creates jobs: claims the <c>Idempotency-Key</c>, stores the files under the new id, writes
/// the record and enqueues the Hangfire job. A repeated key with the same request returns the
/// first job; with a different request it is a 422.
/// </summary>
public sealed class JobSubmitter(IJobStore jobs, IFileStore files, IBackgroundJobClient background, TimeProvider time)
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    public async Task<Results<Accepted<JobView>, ProblemHttpResult>> SubmitAsync(
        HttpContext http, string requestHash, JobRecord draft, UploadedFile? original, IReadOnlyList<UploadedFile> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sources);
        var id = StoreIds.NewJobId();
        if (http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key)
        {
            if (key.Length > 200)
            {
                return Problems.Invalid("Idempotency-Key", "idempotency_key", $"An Idempotency-Key has at most 200 characters. Given: {key.Length}.");
            }

            var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            var claim = await jobs.ClaimAsync(draft.Tenant, keyHash, requestHash + http.Request.Path, id, IdempotencyWindow, cancellationToken).ConfigureAwait(false);
            if (claim is not null)
            {
                if (claim.RequestHash != requestHash + http.Request.Path)
                {
                    return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                        $"The Idempotency-Key '{key}' was used within 24 h for a different request (job {claim.JobId}); use a new key for a new request.");
                }

                return await jobs.GetAsync(claim.JobId, cancellationToken).ConfigureAwait(false) is { } first && first.Tenant == draft.Tenant
                    ? Accepted(first)
                    : Problems.Conflict($"The request with Idempotency-Key '{key}' is still being created; repeat it in a moment.");
            }
        }

        if (original is not null)
        {
            await files.WriteAsync(id, "original", original.Content, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < sources.Count; i++)
        {
            await files.WriteAsync(id, $"source_{i}", sources[i].Content, cancellationToken).ConfigureAwait(false);
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
        await jobs.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        Enqueue(id);
        return Accepted(job);
    }

    public void Enqueue(string id) => background.Enqueue<JobRunner>(r => r.RunAsync(id, null, CancellationToken.None));

    private static Accepted<JobView> Accepted(JobRecord job) => TypedResults.Accepted($"{JobsApi.Prefix}/jobs/{job.Id}", JobView.From(job));
}
