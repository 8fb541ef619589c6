using Officina.Excel;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>
/// Opens a job's document (its stored original, or a new one for the host) with the host that
/// handles it, and registers the job's sources by name. The same rule as the CLI's
/// DocumentSessions: files are recognised by content.
/// </summary>
public sealed class JobDocuments(IFileStore files, PackageLimits limits)
{
    private static readonly Lazy<OperationCatalog> LazyCatalog = new(() => OperationCatalog.Create(typeof(WorkbookSession).Assembly));

    public static OperationCatalog Catalog => LazyCatalog.Value;

    public PackageLimits Limits => limits;

    /// <summary>Checks an upload and returns its host; throws <see cref="DocumentRejectedException"/> with the reason.</summary>
    public PackageInfo Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        var info = PackageGuard.Inspect(stream, limits);
        return info.Host == DocumentHost.Excel
            ? info
            : throw new DocumentRejectedException("unsupported_host", $"The file is a {info.Host.ToName()} document; this build of Officina edits Excel workbooks only so far.");
    }

    public async Task<IDocumentSession> OpenAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        WorkbookSession session;
        if (job.HasOriginal)
        {
            var bytes = await files.ReadAsync(job.Id, "original", cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The original file of job '{job.Id}' is missing from the file store (expired or deleted).");
            session = WorkbookSession.Open(new MemoryStream(bytes, writable: false), limits);
        }
        else
        {
            session = job.Host == "excel"
                ? WorkbookSession.Create()
                : throw new DocumentRejectedException("unsupported_host", $"New {job.Host} documents are not supported yet; this build creates Excel workbooks only.");
        }

        for (var i = 0; i < job.Sources.Count; i++)
        {
            var content = await files.ReadAsync(job.Id, $"source_{i}", cancellationToken).ConfigureAwait(false);
            if (content is not null)
            {
                session.AddSource(job.Sources[i], () => new MemoryStream(content, writable: false));
            }
        }

        return session;
    }
}
