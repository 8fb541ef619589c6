using System.Collections.Concurrent;
using System.Text.Json;
using Officina.Service.Configuration;
using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>Schedule records as JSON files under <c>DATA/schedules</c>, cached in memory, for one process.</summary>
public sealed class LocalScheduleStore : IScheduleStore, IDisposable
{
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, ScheduleRecord> _schedules = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TimeProvider _time;

    public LocalScheduleStore(string dataPath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        _time = time;
        _folder = Directory.CreateDirectory(Path.Combine(dataPath, "schedules")).FullName;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<ScheduleRecord>(File.ReadAllText(file), ServiceJson.Options) is { } schedule && StoreIds.IsValid(schedule.Id))
                {
                    _schedules[schedule.Id] = schedule;
                }
            }
            catch (JsonException)
            {
                // A half-written record from a crash: the schedule is gone.
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    public async Task CreateAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        StoreIds.Require(schedule.Id, "schedule id");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schedules.TryAdd(schedule.Id, schedule))
            {
                throw new InvalidOperationException($"A schedule with the id '{schedule.Id}' exists already.");
            }

            Write(schedule);
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<ScheduleRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(StoreIds.IsValid(id) && _schedules.TryGetValue(id, out var schedule) ? schedule : null);

    public async Task<ScheduleRecord?> UpdateAsync(string id, Func<ScheduleRecord, ScheduleRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!StoreIds.IsValid(id) || !_schedules.TryGetValue(id, out var schedule))
            {
                return null;
            }

            var updated = change(schedule) with { UpdatedAt = _time.GetUtcNow() };
            Write(updated);
            _schedules[id] = updated;
            return updated;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<(IReadOnlyList<ScheduleRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken)
    {
        var mine = _schedules.Values.Where(s => s.Tenant == tenant).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult<(IReadOnlyList<ScheduleRecord>, int)>(([.. mine.Skip(skip).Take(take)], mine.Count));
    }

    public Task<IReadOnlyList<ScheduleRecord>> AllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScheduleRecord>>([.. _schedules.Values]);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        StoreIds.Require(id, "schedule id");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _schedules.TryRemove(id, out _);
            File.Delete(PathOf(id));
        }
        finally
        {
            _lock.Release();
        }
    }

    private string PathOf(string id) => Path.Combine(_folder, StoreIds.Require(id, "schedule id") + ".json");

    private void Write(ScheduleRecord schedule)
    {
        var path = PathOf(schedule.Id);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(schedule, ServiceJson.Options));
        File.Move(temp, path, overwrite: true);
    }
}
