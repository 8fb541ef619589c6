using System.Collections.Concurrent;
using System.Text.Json;
using Officina.Service.Configuration;
using Officina.Service.Jobs;

namespace Officina.Service.Storage;

/// <summary>
/// Job records as JSON files under <c>DATA/jobs</c>, cached in memory, for one process
/// (Hangfire.InMemory). Jobs that were still running when the process stopped are marked
/// failed on start, since in-memory Hangfire lost them. Idempotency keys are kept in
/// <c>DATA/idempotency.json</c>, so a client retrying after a restart still gets its first job.
/// </summary>
public sealed class LocalJobStore : IJobStore, IDisposable
{
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, JobRecord> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), (IdempotencyClaim Claim, DateTimeOffset At)> _claims = new();
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly TimeProvider _time;
    private readonly string _claimsFile;

    public LocalJobStore(string dataPath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        _time = time;
        _folder = Path.Combine(dataPath, "jobs");
        _claimsFile = Path.Combine(dataPath, "idempotency.json");
        Directory.CreateDirectory(_folder);
        LoadClaims();
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            try
            {
                var job = JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(file), ServiceJson.Options);
                if (job is null || !StoreIds.IsValid(job.Id))
                {
                    continue;
                }

                if (!JobStatus.IsTerminal(job.Status) && job.Status != JobStatus.AwaitingApproval)
                {
                    job = job with
                    {
                        Status = JobStatus.Failed,
                        Error = new("interrupted", "The service stopped before this job finished (local storage keeps no queue across restarts); submit it again."),
                    };
                    Write(job);
                }

                _jobs[job.Id] = job;
            }
            catch (JsonException)
            {
                // A half-written record from a crash: the job is gone, like its queue entry.
            }
        }
    }

    public async Task CreateAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        StoreIds.Require(job.Id, "job id");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_jobs.TryAdd(job.Id, job))
            {
                throw new InvalidOperationException($"A job with the id '{job.Id}' exists already.");
            }

            Write(job);
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(StoreIds.IsValid(id) && _jobs.TryGetValue(id, out var job) ? job : null);

    public async Task<JobRecord?> UpdateAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!StoreIds.IsValid(id) || !_jobs.TryGetValue(id, out var job))
            {
                return null;
            }

            var updated = change(job) with { UpdatedAt = _time.GetUtcNow() };
            Write(updated);
            _jobs[id] = updated;
            return updated;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken)
    {
        var mine = _jobs.Values.Where(j => j.Tenant == tenant).OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult<(IReadOnlyList<JobRecord>, int)>(([.. mine.Skip(skip).Take(take)], mine.Count));
    }

    public Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _jobs.Values.Where(j => j.CreatedAt < before).Select(j => j.Id)]);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        StoreIds.Require(id, "job id");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _jobs.TryRemove(id, out _);
            File.Delete(PathOf(id));
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IdempotencyClaim?> ClaimAsync(string tenant, string keyHash, string requestHash, string jobId, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var mine = (new IdempotencyClaim(requestHash, jobId), now);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = _claims.AddOrUpdate((tenant, keyHash), mine, (_, old) => now - old.At > window ? mine : old);
            if (stored != mine)
            {
                return stored.Claim;
            }

            foreach (var expired in _claims.Where(c => now - c.Value.At > window).Select(c => c.Key).ToList())
            {
                _claims.TryRemove(expired, out _);
            }

            SaveClaims();
            return null;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            throw new DirectoryNotFoundException($"The data folder '{_folder}' is missing.");
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _lock.Dispose();

    private void LoadClaims()
    {
        try
        {
            var saved = File.Exists(_claimsFile) ? JsonSerializer.Deserialize<List<SavedClaim>>(File.ReadAllBytes(_claimsFile), ServiceJson.Options) : null;
            foreach (var claim in saved ?? [])
            {
                _claims[(claim.Tenant, claim.KeyHash)] = (new IdempotencyClaim(claim.RequestHash, claim.JobId), claim.At);
            }
        }
        catch (JsonException)
        {
            // A damaged file loses the keys, not the jobs: a retry then creates a new job, as before keys were kept.
        }
    }

    private void SaveClaims()
    {
        var claims = _claims.Select(c => new SavedClaim(c.Key.Item1, c.Key.Item2, c.Value.Claim.RequestHash, c.Value.Claim.JobId, c.Value.At)).ToList();
        var temp = _claimsFile + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(claims, ServiceJson.Options));
        File.Move(temp, _claimsFile, overwrite: true);
    }

    private sealed record SavedClaim(string Tenant, string KeyHash, string RequestHash, string JobId, DateTimeOffset At);

    private string PathOf(string id) => Path.Combine(_folder, StoreIds.Require(id, "job id") + ".json");

    private void Write(JobRecord job)
    {
        var path = PathOf(job.Id);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(job, ServiceJson.Options));
        File.Move(temp, path, overwrite: true);
    }
}
