using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Officina.Service.Configuration;

/// <summary>
/// Files of a folder that may not exist yet: the add-in's <c>addin/dist</c>, which the service's
/// build (or <c>npm run build</c>) can make while the service runs. Until the folder holds
/// <c>index.html</c> every file reads as missing; from then on the folder is served as it is
/// on disk, so a rebuild (which empties and refills it) needs no restart.
/// </summary>
public sealed class AppearingFolderProvider(string folder) : IFileProvider, IDisposable
{
    private readonly object _gate = new();
    private PhysicalFileProvider? _files;

    /// <summary>The folder served.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Whether the folder holds a built page (<c>index.html</c>) now.</summary>
    public bool IsReady => File.Exists(Path.Combine(Folder, "index.html"));

    public IFileInfo GetFileInfo(string subpath) => Files()?.GetFileInfo(subpath) ?? new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => Files()?.GetDirectoryContents(subpath) ?? NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose()
    {
        lock (_gate)
        {
            _files?.Dispose();
            _files = null;
        }
    }

    private PhysicalFileProvider? Files()
    {
        if (!IsReady)
        {
            return null;
        }

        lock (_gate)
        {
            return _files ??= new PhysicalFileProvider(Folder);
        }
    }
}
