namespace Officina.Service.Storage;

/// <summary>Files under <c>DATA/files/JOB_ID/SLOT</c>, written to a temporary file and moved into place.</summary>
public sealed class LocalFileStore(string dataPath) : IFileStore
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(dataPath, "files")).FullName;

    public async Task WriteAsync(string jobId, string slot, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, StoreIds.Require(jobId, "job id"))).FullName;
        var path = Path.Combine(folder, StoreIds.Require(slot, "file slot"));
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, content, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // A full disk or a cancelled write leaves no half-written temporary file behind.
            StorageFaults.DeleteQuietly(temp);
            throw;
        }
    }

    public async Task<byte[]?> ReadAsync(string jobId, string slot, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_root, StoreIds.Require(jobId, "job id"), StoreIds.Require(slot, "file slot"));
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task DeleteAllAsync(string jobId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_root, StoreIds.Require(jobId, "job id"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
