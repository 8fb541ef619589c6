using Microsoft.Extensions.Options;
using Officina.Service.Configuration;
using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>Deletes jobs, results and originals older than <see cref="OfficinaOptions.RetentionHours"/>; a recurring Hangfire job.</summary>
public sealed class RetentionJob(IJobStore jobs, IFileStore files, IOptions<OfficinaOptions> options, TimeProvider time, ILogger<RetentionJob> log)
{
    public const string RecurringId = "officina-retention";

    /// <summary>Returns how many jobs were removed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromHours(options.Value.RetentionHours);
        var expired = await jobs.CreatedBeforeAsync(before, cancellationToken).ConfigureAwait(false);
        foreach (var id in expired)
        {
            // Files first: a record without files reads as expired; files without a record would leak.
            await files.DeleteAllAsync(id, cancellationToken).ConfigureAwait(false);
            await jobs.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (expired.Count > 0)
        {
            log.LogInformation("Retention removed {Count} job(s) created before {Before:o}", expired.Count, before);
        }

        return expired.Count;
    }
}
