using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Schedule records as JSON files under <c>DATA/schedules</c>, cached in memory, for one process.</summary>
public sealed class LocalScheduleStore(string dataPath, TimeProvider time) : IScheduleStore, IDisposable
{
    private readonly LocalRecords<ScheduleRecord> _schedules = new(Path.Combine(dataPath, "schedules"), "schedule id");

    public void Dispose() => _schedules.Dispose();

    public Task CreateAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return _schedules.CreateAsync(schedule, cancellationToken);
    }

    public Task<ScheduleRecord?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_schedules.Get(id));

    public Task<ScheduleRecord?> UpdateAsync(string id, Func<ScheduleRecord, ScheduleRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _schedules.UpdateAsync(id, s => change(s) with { UpdatedAt = time.GetUtcNow() }, cancellationToken);
    }

    public Task<(IReadOnlyList<ScheduleRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult(_schedules.List(tenant, skip, take));

    public Task<IReadOnlyList<ScheduleRecord>> AllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScheduleRecord>>([.. _schedules.Values]);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => _schedules.DeleteAsync(id, cancellationToken);
}
