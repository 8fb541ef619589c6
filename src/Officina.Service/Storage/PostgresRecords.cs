using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Officina.Service.Configuration;

namespace Officina.Service.Storage;

/// <summary>
/// Records as jsonb rows of one table (<c>id, tenant, created_at, data</c>), shared by every
/// instance on the database; updates lock the row. Serves the job and the schedule stores.
/// </summary>
internal sealed class PostgresRecords<T>(NpgsqlDataSource dataSource, PostgresSchema schema, string table)
    where T : class, IStoredRecord
{
    public async Task CreateAsync(T record, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"INSERT INTO {table} (id, tenant, created_at, data) VALUES ($1, $2, $3, $4)");
        command.Parameters.AddWithValue(record.Id);
        command.Parameters.AddWithValue(record.Tenant);
        command.Parameters.AddWithValue(record.CreatedAt.UtcDateTime);
        command.Parameters.Add(Json(record));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"SELECT data::text FROM {table} WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? Deserialize(json) : null;
    }

    /// <summary>Reads the row under a lock, applies <paramref name="change"/>, writes it back; null when there is no such row.</summary>
    public async Task<T?> UpdateAsync(string id, Func<T, T> change, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        T current;
        await using (var select = new NpgsqlCommand($"SELECT data::text FROM {table} WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue(id);
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
            {
                return null;
            }

            current = Deserialize(json);
        }

        var updated = change(current);
        await using (var write = new NpgsqlCommand($"UPDATE {table} SET data = $2 WHERE id = $1", connection, transaction))
        {
            write.Parameters.AddWithValue(id);
            write.Parameters.Add(Json(updated));
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>A tenant's records, newest first, and how many it has.</summary>
    public async Task<(IReadOnlyList<T> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(
            $"SELECT data::text, count(*) OVER () FROM {table} WHERE tenant = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);
        var items = new List<T>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Deserialize(reader.GetString(0)));
            total = (int)reader.GetInt64(1);
        }

        if (items.Count == 0 && skip > 0)
        {
            // Past the last page the window count has no row to ride on.
            await reader.DisposeAsync().ConfigureAwait(false);
            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE tenant = $1");
            count.Parameters.AddWithValue(tenant);
            total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return (items, total);
    }

    /// <summary>Every record, of every tenant.</summary>
    public async Task<IReadOnlyList<T>> AllAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"SELECT data::text FROM {table}");
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Deserialize(reader.GetString(0)));
        }

        return items;
    }

    /// <summary>The ids of records made before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"SELECT id FROM {table} WHERE created_at < $1");
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
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Json(T record) =>
        new() { Value = JsonSerializer.Serialize(record, ServiceJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static T Deserialize(string json) =>
        JsonSerializer.Deserialize<T>(json, ServiceJson.Options) ?? throw new InvalidOperationException($"A row of {typeof(T).Name} holds JSON null.");
}
