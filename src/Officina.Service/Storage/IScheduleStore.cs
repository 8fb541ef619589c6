using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Schedule records (their inputs are in the <see cref="IFileStore"/> under the schedule id). Updates are read-modify-write under the store's lock.</summary>
public interface IScheduleStore
{
    Task CreateAsync(ScheduleRecord schedule, CancellationToken cancellationToken);

    Task<ScheduleRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the current record and stores it; null when there is no such schedule.</summary>
    Task<ScheduleRecord?> UpdateAsync(string id, Func<ScheduleRecord, ScheduleRecord> change, CancellationToken cancellationToken);

    /// <summary>A tenant's schedules, newest first.</summary>
    Task<(IReadOnlyList<ScheduleRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Every tenant's schedules (to register their recurring jobs on start).</summary>
    Task<IReadOnlyList<ScheduleRecord>> AllAsync(CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);
}
