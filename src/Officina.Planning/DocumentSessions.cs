using Officina.Excel;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.Word;

namespace Officina.Planning;

/// <summary>
/// Opens a document by its content (not its extension) with the host that handles it,
/// creates new ones, and knows every host's operations. The CLI, the service and the eval
/// harness all open documents here, each with the limits it configured (<see cref="PackageLimits"/>)
/// and the LibreOffice runner it configured (program and timeout), which a workbook's
/// verification and value-reading operations use.
/// </summary>
public static class DocumentSessions
{
    private static readonly Lazy<OperationCatalog> LazyCatalog = new(() => OperationCatalog.Create(typeof(WorkbookSession).Assembly, typeof(WordSession).Assembly, typeof(DeckSession).Assembly));

    public static OperationCatalog Catalog => LazyCatalog.Value;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="DocumentRejectedException"/> for anything that is not a supported, safe package.</summary>
    public static IDocumentSession Open(string path, PackageLimits? limits = null, LibreOfficeRunner? libreOffice = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DocumentRejectedException("not_found", $"There is no file at '{path}'.");
        }

        using var stream = File.OpenRead(path);
        return Open(stream, limits, libreOffice);
    }

    public static IDocumentSession Open(Stream stream, PackageLimits? limits = null, LibreOfficeRunner? libreOffice = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var info = Inspect(buffer, limits);
        return info.Host switch
        {
            DocumentHost.Excel => WithLibreOffice(WorkbookSession.Open(buffer, limits, info), libreOffice),
            DocumentHost.Word => WordSession.Open(buffer, limits, info),
            DocumentHost.PowerPoint => DeckSession.Open(buffer, limits, info),
            _ => throw Unsupported(info.Host),
        };
    }

    /// <summary>Checks a package with the guard and that a host here edits it; throws <see cref="DocumentRejectedException"/> otherwise.</summary>
    public static PackageInfo Inspect(Stream stream, PackageLimits? limits = null)
    {
        var info = PackageGuard.Inspect(stream, limits);
        return Supports(info.Host) ? info : throw Unsupported(info.Host);
    }

    /// <summary>A new, empty document for <paramref name="host"/>.</summary>
    public static IDocumentSession Create(DocumentHost host, LibreOfficeRunner? libreOffice = null) => host switch
    {
        DocumentHost.Excel => WithLibreOffice(WorkbookSession.Create(), libreOffice),
        DocumentHost.Word => WordSession.Create(),
        DocumentHost.PowerPoint => DeckSession.Create(),
        _ => throw Unsupported(host),
    };

    private static WorkbookSession WithLibreOffice(WorkbookSession book, LibreOfficeRunner? libreOffice)
    {
        if (libreOffice is not null)
        {
            book.LibreOffice = libreOffice;
        }

        return book;
    }

    public static bool Supports(DocumentHost host) => host is DocumentHost.Excel or DocumentHost.Word or DocumentHost.PowerPoint;

    private static DocumentRejectedException Unsupported(DocumentHost host) =>
        new("unsupported_host", $"Officina cannot edit {host.ToName()} documents.");
}
