using System.Text.Json;
using System.Text.Json.Nodes;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Workers;

/// <summary>
/// The job store as a worker process sees it: its one job, read and changed through the
/// supervisor, which owns the real store. A change is sent with the record it was made from and
/// applied only if the record is still that one (another request, a cancel say, may have changed
/// it meanwhile); otherwise the change is made again from the newer record, as the real stores'
/// own <see cref="IJobStore.UpdateAsync"/> does under its lock.
/// </summary>
internal sealed class WorkerJobStore(WorkerChannel channel, string owner) : IJobStore
{
    public async Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(id, cancellationToken).ConfigureAwait(false)).Record;

    public async Task<JobRecord?> UpdateAsync(string id, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (current, text) = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        while (current is not null)
        {
            var changed = change(current);
            var reply = await channel.CallAsync(new JsonObject
            {
                ["t"] = WorkerProtocol.Replace,
                ["expected"] = text,
                ["record"] = JsonSerializer.Serialize(changed, ServiceJson.Options),
            }, cancellationToken).ConfigureAwait(false);
            (current, text) = Parse(reply);
            if (reply["replaced"]?.GetValue<bool>() == true)
            {
                return current;
            }
        }

        return null;
    }

    public Task CreateAsync(JobRecord job, CancellationToken cancellationToken) => throw OnlyItsJob();

    public Task<(IReadOnlyList<JobRecord> Items, int Total)> ListAsync(string tenant, int skip, int take, CancellationToken cancellationToken) => throw OnlyItsJob();

    public Task<IReadOnlyList<string>> CreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) => throw OnlyItsJob();

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => throw OnlyItsJob();

    public Task<IdempotencyClaim?> ClaimAsync(string tenant, string keyHash, string requestHash, string jobId, TimeSpan window, CancellationToken cancellationToken) => throw OnlyItsJob();

    public Task ReleaseClaimAsync(string tenant, string keyHash, string jobId, CancellationToken cancellationToken) => throw OnlyItsJob();

    public Task PingAsync(CancellationToken cancellationToken) => throw OnlyItsJob();

    private static NotSupportedException OnlyItsJob() => new("A worker process reads and changes only the job it runs.");

    private static (JobRecord? Record, string? Text) Parse(JsonObject reply) =>
        reply["record"]?.GetValue<string>() is { } text ? (JsonSerializer.Deserialize<JobRecord>(text, ServiceJson.Options), text) : (null, null);

    private async Task<(JobRecord? Record, string? Text)> ReadAsync(string id, CancellationToken cancellationToken)
    {
        Mine(id);
        return Parse(await channel.CallAsync(new JsonObject { ["t"] = WorkerProtocol.Get }, cancellationToken).ConfigureAwait(false));
    }

    private void Mine(string id)
    {
        if (!string.Equals(id, owner, StringComparison.Ordinal))
        {
            throw OnlyItsJob();
        }
    }
}

/// <summary>
/// The file store as a worker process sees it: its job's slots, passed through files in the
/// folder the supervisor made for this worker (never through the pipe, so large results cost one
/// copy on disk and no encoding).
/// </summary>
internal sealed class WorkerFileStore(WorkerChannel channel, string owner, string folder) : IFileStore
{
    public async Task<byte[]?> ReadAsync(string jobId, string slot, CancellationToken cancellationToken)
    {
        Mine(jobId);
        var reply = await channel.CallAsync(new JsonObject { ["t"] = WorkerProtocol.Read, ["slot"] = slot }, cancellationToken).ConfigureAwait(false);
        if (reply["path"]?.GetValue<string>() is not { } path)
        {
            return null;
        }

        var content = await File.ReadAllBytesAsync(InFolder(path), cancellationToken).ConfigureAwait(false);
        File.Delete(path);
        return content;
    }

    public async Task WriteAsync(string jobId, string slot, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Mine(jobId);
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.out");
        try
        {
            await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
            await channel.CallAsync(new JsonObject { ["t"] = WorkerProtocol.Write, ["slot"] = slot, ["path"] = path }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            StorageFaults.DeleteQuietly(path);
        }
    }

    public Task DeleteAllAsync(string jobId, CancellationToken cancellationToken) => throw new NotSupportedException("A worker process does not delete its job's files.");

    private void Mine(string id)
    {
        if (!string.Equals(id, owner, StringComparison.Ordinal))
        {
            throw new NotSupportedException("A worker process reads and writes only the files of the job it runs.");
        }
    }

    private string InFolder(string path) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFullPath(folder), StringComparison.Ordinal) ? path
        : throw new InvalidOperationException("The supervisor named a file outside the worker's folder.");
}
