using Npgsql;

namespace Officina.Service.Storage;

/// <summary>Files as bytea rows keyed by job id and slot, so any instance serves any job's files.</summary>
public sealed class PostgresFileStore(NpgsqlDataSource dataSource, PostgresSchema schema) : IFileStore
{
    public async Task WriteAsync(string jobId, string slot, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO officina_files (job_id, slot, content) VALUES ($1, $2, $3)
            ON CONFLICT (job_id, slot) DO UPDATE SET content = EXCLUDED.content, written_at = now()
            """);
        command.Parameters.AddWithValue(StoreIds.Require(jobId, "job id"));
        command.Parameters.AddWithValue(StoreIds.Require(slot, "file slot"));
        command.Parameters.AddWithValue(content.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> ReadAsync(string jobId, string slot, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT content FROM officina_files WHERE job_id = $1 AND slot = $2");
        command.Parameters.AddWithValue(StoreIds.Require(jobId, "job id"));
        command.Parameters.AddWithValue(StoreIds.Require(slot, "file slot"));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    public async Task DeleteAllAsync(string jobId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("DELETE FROM officina_files WHERE job_id = $1");
        command.Parameters.AddWithValue(StoreIds.Require(jobId, "job id"));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
