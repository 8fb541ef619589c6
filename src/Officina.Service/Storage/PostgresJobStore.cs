using Npgsql;
using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Job records as jsonb rows, shared by every instance on the database; updates lock the row.</summary>
public sealed class PostgresJobStore(NpgsqlDataSource dataSource, PostgresSchema schema, TimeProvider time) : IJobStore
{
    private readonly PostgresRecords<JobRecord> _jobs = new(dataSource, schema, "officina_jobs");

    public Task CreateAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        StoreIds.Require(job.Id, "job id");
        return _jobs.CreateAsync(job, cancellationToken);
    }

    public Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        StoreIds.IsValid(id) ? _jobs.GetAsync(id, cancellationToken) : Task.FromResult<JobRecord?>(null);

    public Task<JobRecord?> UpdateAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return StoreIds.IsValid(id)
            ? _jobs.UpdateAsync(id, j => change(j) with { UpdatedAt = time.GetUtcNow() }, cancellationToken)
            : Task.FromResult<JobRecord?>(null);
    }

    public Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken) =>
        _jobs.ListAsync(tenant, skip, take, cancellationToken);

    public Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _jobs.CreatedBeforeAsync(before, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _jobs.DeleteAsync(StoreIds.Require(id, "job id"), cancellationToken);

    public async Task<IdempotencyClaim?> ClaimAsync(string tenant, string keyHash, string requestHash, string jobId, TimeSpan window, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;

        // Insert, or take over a claim older than the window; otherwise the existing row stays and is returned.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO officina_idempotency AS i (tenant, key_hash, request_hash, job_id, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant, key_hash) DO UPDATE SET request_hash = EXCLUDED.request_hash, job_id = EXCLUDED.job_id, created_at = EXCLUDED.created_at
                WHERE i.created_at < $6
            RETURNING job_id
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(keyHash);
        command.Parameters.AddWithValue(requestHash);
        command.Parameters.AddWithValue(jobId);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now - window);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string)
        {
            return null;
        }

        await using var existing = dataSource.CreateCommand("SELECT request_hash, job_id FROM officina_idempotency WHERE tenant = $1 AND key_hash = $2");
        existing.Parameters.AddWithValue(tenant);
        existing.Parameters.AddWithValue(keyHash);
        await using var reader = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new IdempotencyClaim(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task ReleaseClaimAsync(string tenant, string keyHash, string jobId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("DELETE FROM officina_idempotency WHERE tenant = $1 AND key_hash = $2 AND job_id = $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(keyHash);
        command.Parameters.AddWithValue(jobId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
