using Officina.Excel;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint;

namespace Officina.Cli;

/// <summary>Opens a document by its content (not its extension) with the host that handles it, and knows every host's operations.</summary>
public static class DocumentSessions
{
    private static readonly Lazy<OperationCatalog> LazyCatalog = new(() => OperationCatalog.Create(typeof(WorkbookSession).Assembly, typeof(DeckSession).Assembly));

    public static OperationCatalog Catalog => LazyCatalog.Value;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="DocumentRejectedException"/> for anything that is not a supported, safe package.</summary>
    public static IDocumentSession Open(string path, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DocumentRejectedException("not_found", $"There is no file at '{path}'.");
        }

        using var stream = File.OpenRead(path);
        return Open(stream, limits);
    }

    public static IDocumentSession Open(Stream stream, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var info = PackageGuard.Inspect(buffer, limits);
        return info.Host switch
        {
            DocumentHost.Excel => WorkbookSession.Open(buffer, limits),
            DocumentHost.PowerPoint => DeckSession.Open(buffer, limits),
            _ => throw new DocumentRejectedException("unsupported_host",
                $"The file is a {info.Host.ToName()} document; this build of Officina edits Excel workbooks and PowerPoint decks so far."),
        };
    }
}
