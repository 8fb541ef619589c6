using Npgsql;

namespace Officina.Service.Storage;

/// <summary>Creates Officina's tables once per process, under an advisory lock so that instances starting together do not race.</summary>
public sealed class PostgresSchema(NpgsqlDataSource dataSource) : IDisposable
{
    private const string Ddl = """
        SELECT pg_advisory_xact_lock(814114001);
        CREATE TABLE IF NOT EXISTS officina_jobs (
            id text PRIMARY KEY,
            tenant text NOT NULL,
            created_at timestamptz NOT NULL,
            data jsonb NOT NULL);
        CREATE INDEX IF NOT EXISTS officina_jobs_tenant_created ON officina_jobs (tenant, created_at DESC);
        CREATE TABLE IF NOT EXISTS officina_files (
            job_id text NOT NULL,
            slot text NOT NULL,
            content bytea NOT NULL,
            written_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (job_id, slot));
        CREATE TABLE IF NOT EXISTS officina_idempotency (
            tenant text NOT NULL,
            key_hash text NOT NULL,
            request_hash text NOT NULL,
            job_id text NOT NULL,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (tenant, key_hash));
        CREATE TABLE IF NOT EXISTS officina_schedules (
            id text PRIMARY KEY,
            tenant text NOT NULL,
            created_at timestamptz NOT NULL,
            data jsonb NOT NULL);
        CREATE INDEX IF NOT EXISTS officina_schedules_tenant_created ON officina_schedules (tenant, created_at DESC);
        """;

    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _ready;

    public void Dispose() => _once.Dispose();

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var command = new NpgsqlCommand(Ddl, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }
}
