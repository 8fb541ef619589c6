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
    private readonly LocalRecords<JobRecord> _jobs;
    private readonly ConcurrentDictionary<(string, string), (IdempotencyClaim Claim, DateTimeOffset At)> _claims = new();
    private readonly SemaphoreSlim _claimsLock = new(1, 1);
    private readonly TimeProvider _time;
    private readonly string _claimsFile;

    public LocalJobStore(string dataPath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        _time = time;
        _jobs = new(Path.Combine(dataPath, "jobs"), "job id", job => JobStatus.IsTerminal(job.Status) || job.Status == JobStatus.AwaitingApproval ? job : job with
        {
            Status = JobStatus.Failed,
            Error = new("interrupted", "The service stopped before this job finished (local storage keeps no queue across restarts); submit it again."),
        });
        _claimsFile = Path.Combine(dataPath, "idempotency.json");
        LoadClaims();
    }

    public Task CreateAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _jobs.CreateAsync(job, cancellationToken);
    }

    public Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_jobs.Get(id));

    public Task<JobRecord?> UpdateAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _jobs.UpdateAsync(id, j => change(j) with { UpdatedAt = _time.GetUtcNow() }, cancellationToken);
    }

    public Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult(_jobs.List(tenant, skip, take));

    public Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _jobs.Values.Where(j => j.CreatedAt < before).Select(j => j.Id)]);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => _jobs.DeleteAsync(id, cancellationToken);

    public async Task<IdempotencyClaim?> ClaimAsync(string tenant, string keyHash, string requestHash, string jobId, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var mine = (new IdempotencyClaim(requestHash, jobId), now);
        await _claimsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var had = _claims.TryGetValue((tenant, keyHash), out var previous);
            var stored = _claims.AddOrUpdate((tenant, keyHash), mine, (_, old) => now - old.At > window ? mine : old);
            if (stored != mine)
            {
                return stored.Claim;
            }

            foreach (var expired in _claims.Where(c => now - c.Value.At > window).Select(c => c.Key).ToList())
            {
                _claims.TryRemove(expired, out _);
            }

            try
            {
                SaveClaims();
            }
            catch
            {
                // A claim that could not be saved (disk full) is no claim: a retry with the key must not hear "still being processed".
                if (had)
                {
                    _claims[(tenant, keyHash)] = previous;
                }
                else
                {
                    _claims.TryRemove((tenant, keyHash), out _);
                }

                throw;
            }

            return null;
        }
        finally
        {
            _claimsLock.Release();
        }
    }

    public async Task ReleaseClaimAsync(string tenant, string keyHash, string jobId, CancellationToken cancellationToken)
    {
        await _claimsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_claims.TryGetValue((tenant, keyHash), out var claim) && claim.Claim.JobId == jobId)
            {
                _claims.TryRemove((tenant, keyHash), out _);
                SaveClaims();
            }
        }
        finally
        {
            _claimsLock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_jobs.Folder))
        {
            throw new DirectoryNotFoundException($"The data folder '{_jobs.Folder}' is missing.");
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _jobs.Dispose();
        _claimsLock.Dispose();
    }

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
        try
        {
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(claims, ServiceJson.Options));
            File.Move(temp, _claimsFile, overwrite: true);
        }
        catch
        {
            StorageFaults.DeleteQuietly(temp);
            throw;
        }
    }

    private sealed record SavedClaim(string Tenant, string KeyHash, string RequestHash, string JobId, DateTimeOffset At);
}
