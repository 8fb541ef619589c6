using Npgsql;
using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Schedule records as jsonb rows, shared by every instance on the database; updates lock the row.</summary>
public sealed class PostgresScheduleStore(NpgsqlDataSource dataSource, PostgresSchema schema, TimeProvider time) : IScheduleStore
{
    private readonly PostgresRecords<ScheduleRecord> _schedules = new(dataSource, schema, "officina_schedules");

    public Task CreateAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        StoreIds.Require(schedule.Id, "schedule id");
        return _schedules.CreateAsync(schedule, cancellationToken);
    }

    public Task<ScheduleRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        StoreIds.IsValid(id) ? _schedules.GetAsync(id, cancellationToken) : Task.FromResult<ScheduleRecord?>(null);

    public Task<ScheduleRecord?> UpdateAsync(string id, Func<ScheduleRecord, ScheduleRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return StoreIds.IsValid(id)
            ? _schedules.UpdateAsync(id, s => change(s) with { UpdatedAt = time.GetUtcNow() }, cancellationToken)
            : Task.FromResult<ScheduleRecord?>(null);
    }

    public Task<(IReadOnlyList<ScheduleRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken) =>
        _schedules.ListAsync(tenant, skip, take, cancellationToken);

    public Task<IReadOnlyList<ScheduleRecord>> AllAsync(CancellationToken cancellationToken) => _schedules.AllAsync(cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _schedules.DeleteAsync(StoreIds.Require(id, "schedule id"), cancellationToken);
}
