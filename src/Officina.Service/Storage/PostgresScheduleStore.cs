using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Officina.Service.Configuration;
using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Schedule records as jsonb rows, shared by every instance on the database; updates lock the row.</summary>
public sealed class PostgresScheduleStore(NpgsqlDataSource dataSource, PostgresSchema schema, TimeProvider time) : IScheduleStore
{
    public async Task CreateAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        StoreIds.Require(schedule.Id, "schedule id");
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("INSERT INTO officina_schedules (id, tenant, created_at, data) VALUES ($1, $2, $3, $4)");
        command.Parameters.AddWithValue(schedule.Id);
        command.Parameters.AddWithValue(schedule.Tenant);
        command.Parameters.AddWithValue(schedule.CreatedAt.UtcDateTime);
        command.Parameters.Add(new NpgsqlParameter { Value = Serialize(schedule), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScheduleRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!StoreIds.IsValid(id))
        {
            return null;
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT data::text FROM officina_schedules WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? Deserialize(json) : null;
    }

    public async Task<ScheduleRecord?> UpdateAsync(string id, Func<ScheduleRecord, ScheduleRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!StoreIds.IsValid(id))
        {
            return null;
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        ScheduleRecord current;
        await using (var select = new NpgsqlCommand("SELECT data::text FROM officina_schedules WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue(id);
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
            {
                return null;
            }

            current = Deserialize(json);
        }

        var updated = change(current) with { UpdatedAt = time.GetUtcNow() };
        await using (var write = new NpgsqlCommand("UPDATE officina_schedules SET data = $2 WHERE id = $1", connection, transaction))
        {
            write.Parameters.AddWithValue(id);
            write.Parameters.Add(new NpgsqlParameter { Value = Serialize(updated), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<(IReadOnlyList<ScheduleRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM officina_schedules WHERE tenant = $1");
        count.Parameters.AddWithValue(tenant);
        var total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await using var command = dataSource.CreateCommand(
            "SELECT data::text FROM officina_schedules WHERE tenant = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);
        var items = new List<ScheduleRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Deserialize(reader.GetString(0)));
        }

        return (items, total);
    }

    public async Task<IReadOnlyList<ScheduleRecord>> AllAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT data::text FROM officina_schedules");
        var items = new List<ScheduleRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Deserialize(reader.GetString(0)));
        }

        return items;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        StoreIds.Require(id, "schedule id");
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("DELETE FROM officina_schedules WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Serialize(ScheduleRecord schedule) => JsonSerializer.Serialize(schedule, ServiceJson.Options);

    private static ScheduleRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<ScheduleRecord>(json, ServiceJson.Options) ?? throw new InvalidOperationException("A schedule row holds JSON null.");
}
