using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>
/// Job records, the idempotency keys that point at them, and nothing else. Every update is a
/// read-modify-write under the store's lock (a row lock for PostgreSQL), so a cancel request
/// and a worker's progress never overwrite each other.
/// </summary>
public interface IJobStore
{
    Task CreateAsync(JobRecord job, CancellationToken cancellationToken);

    Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the current record and stores it; null when there is no such job.</summary>
    Task<JobRecord?> UpdateAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken);

    /// <summary>A tenant's jobs, newest first.</summary>
    Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Ids of jobs created before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="keyHash"/> of <paramref name="tenant"/> created <paramref name="jobId"/>
    /// unless a claim younger than <paramref name="window"/> exists; returns the existing claim, or null when this one won.
    /// </summary>
    Task<IdempotencyClaim?> ClaimAsync(string tenant, string keyHash, string requestHash, string jobId, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the claim of <paramref name="keyHash"/> when it still points at <paramref name="jobId"/>: the request that made it
    /// failed before its job could be stored (or the job failed for want of space), so a retry with the key starts afresh.
    /// </summary>
    Task ReleaseClaimAsync(string tenant, string keyHash, string jobId, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>An earlier request with the same Idempotency-Key: the hash of its body and the job it created.</summary>
public sealed record IdempotencyClaim(string RequestHash, string JobId);

/// <summary>
/// Files of jobs, by job id and slot (<c>original</c>, <c>result</c>, <c>source_0</c>…). Both
/// are store ids; the store never sees a name from a request.
/// </summary>
public interface IFileStore
{
    /// <summary>Writes (or replaces) a slot; replacing is what makes job re-runs safe.</summary>
    Task WriteAsync(string jobId, string slot, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The slot's bytes, or null when there is none.</summary>
    Task<byte[]?> ReadAsync(string jobId, string slot, CancellationToken cancellationToken);

    Task DeleteAllAsync(string jobId, CancellationToken cancellationToken);
}
