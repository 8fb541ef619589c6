using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Officina.Service.Configuration;
using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Job records as jsonb rows, shared by every instance on the database; updates lock the row.</summary>
public sealed class PostgresJobStore(NpgsqlDataSource dataSource, PostgresSchema schema, TimeProvider time) : IJobStore
{
    public async Task CreateAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        StoreIds.Require(job.Id, "job id");
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("INSERT INTO officina_jobs (id, tenant, created_at, data) VALUES ($1, $2, $3, $4)");
        command.Parameters.AddWithValue(job.Id);
        command.Parameters.AddWithValue(job.Tenant);
        command.Parameters.AddWithValue(job.CreatedAt.UtcDateTime);
        command.Parameters.Add(new NpgsqlParameter { Value = Serialize(job), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!StoreIds.IsValid(id))
        {
            return null;
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT data::text FROM officina_jobs WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? Deserialize(json) : null;
    }

    public async Task<JobRecord?> UpdateAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!StoreIds.IsValid(id))
        {
            return null;
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        JobRecord current;
        await using (var select = new NpgsqlCommand("SELECT data::text FROM officina_jobs WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue(id);
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
            {
                return null;
            }

            current = Deserialize(json);
        }

        var updated = change(current) with { UpdatedAt = time.GetUtcNow() };
        await using (var write = new NpgsqlCommand("UPDATE officina_jobs SET data = $2 WHERE id = $1", connection, transaction))
        {
            write.Parameters.AddWithValue(id);
            write.Parameters.Add(new NpgsqlParameter { Value = Serialize(updated), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(
            "SELECT data::text, count(*) OVER () FROM officina_jobs WHERE tenant = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);
        var items = new List<JobRecord>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Deserialize(reader.GetString(0)));
            total = (int)reader.GetInt64(1);
        }

        if (items.Count == 0 && skip > 0)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM officina_jobs WHERE tenant = $1");
            count.Parameters.AddWithValue(tenant);
            total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return (items, total);
    }

    public async Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT id FROM officina_jobs WHERE created_at < $1");
        command.Parameters.AddWithValue(before.UtcDateTime);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        StoreIds.Require(id, "job id");
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("DELETE FROM officina_jobs WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

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

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Serialize(JobRecord job) => JsonSerializer.Serialize(job, ServiceJson.Options);

    private static JobRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<JobRecord>(json, ServiceJson.Options) ?? throw new InvalidOperationException("A job row holds JSON null.");
}
