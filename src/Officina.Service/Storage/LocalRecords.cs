using System.Collections.Concurrent;
using System.Text.Json;
using Officina.Service.Configuration;

namespace Officina.Service.Storage;

/// <summary>
/// Records as JSON files in one folder (<c>ID.json</c>, written through a temporary file and a
/// rename), cached in memory, for one process. Serves the local job and schedule stores.
/// </summary>
internal sealed class LocalRecords<T> : IDisposable
    where T : class, IStoredRecord
{
    private readonly ConcurrentDictionary<string, T> _records = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _what;

    /// <param name="folder">Created when missing; every <c>*.json</c> in it is read.</param>
    /// <param name="what">What an id names, for errors (<c>job id</c>).</param>
    /// <param name="onLoad">Applied to each record read at start; a record it changes is written back.</param>
    public LocalRecords(string folder, string what, Func<T, T>? onLoad = null)
    {
        Folder = Directory.CreateDirectory(folder).FullName;
        _what = what;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<T>(File.ReadAllText(file), ServiceJson.Options) is not { } record || !StoreIds.IsValid(record.Id))
                {
                    continue;
                }

                if (onLoad?.Invoke(record) is { } changed && !ReferenceEquals(changed, record))
                {
                    Write(changed);
                    record = changed;
                }

                _records[record.Id] = record;
            }
            catch (JsonException)
            {
                // A half-written record from a crash: that record is gone.
            }
        }
    }

    public string Folder { get; }

    public IReadOnlyCollection<T> Values => [.. _records.Values];

    public async Task CreateAsync(T record, CancellationToken cancellationToken)
    {
        StoreIds.Require(record.Id, _what);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_records.ContainsKey(record.Id))
            {
                throw new InvalidOperationException($"A record with the {_what} '{record.Id}' exists already.");
            }

            // Written first: a record that could not be stored (disk full) is not served from memory either.
            Write(record);
            _records[record.Id] = record;
        }
        finally
        {
            _lock.Release();
        }
    }

    public T? Get(string id) => StoreIds.IsValid(id) && _records.TryGetValue(id, out var record) ? record : null;

    public async Task<T?> UpdateAsync(string id, Func<T, T> change, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!StoreIds.IsValid(id) || !_records.TryGetValue(id, out var record))
            {
                return null;
            }

            var updated = change(record);
            Write(updated);
            _records[id] = updated;
            return updated;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>A tenant's records, newest first, and how many it has.</summary>
    public (IReadOnlyList<T> Items, int Total) List(string tenant, int skip, int take)
    {
        var mine = _records.Values.Where(r => r.Tenant == tenant).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).ToList();
        return ([.. mine.Skip(skip).Take(take)], mine.Count);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        StoreIds.Require(id, _what);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _records.TryRemove(id, out _);
            File.Delete(PathOf(id));
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private string PathOf(string id) => Path.Combine(Folder, StoreIds.Require(id, _what) + ".json");

    private void Write(T record)
    {
        var path = PathOf(record.Id);
        var temp = path + ".tmp";
        try
        {
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(record, ServiceJson.Options));
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // The record in memory stays as it was (callers update it only after this returns) and no temporary file stays behind.
            StorageFaults.DeleteQuietly(temp);
            throw;
        }
    }
}
