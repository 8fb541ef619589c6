using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using Officina.Planning;
using Officina.Service.Storage;
using Officina.Sources;

namespace Officina.Service.Jobs;

/// <summary>
/// Opens a job's document (its stored original, or a new one for the host) with the host that
/// handles it, and registers the job's sources by name. The same rule as the CLI's
/// DocumentSessions: files are recognised by content. Every document (and Office source) is
/// checked against the configured <see cref="PackageLimits"/>, and a workbook's verification runs
/// the configured <see cref="LibreOfficeRunner"/>.
/// </summary>
public sealed class JobDocuments(IFileStore files, PackageLimits limits, LibreOfficeRunner libreOffice)
{
    public static OperationCatalog Catalog => DocumentSessions.Catalog;

    public PackageLimits Limits => limits;

    /// <summary>The LibreOffice every run of a job uses, with the configured program and timeout.</summary>
    public LibreOfficeRunner LibreOffice => libreOffice;

    /// <summary>Checks an upload and returns its host; throws <see cref="DocumentRejectedException"/> with the reason.</summary>
    public PackageInfo Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return DocumentSessions.Inspect(stream, limits);
    }

    public async Task<IDocumentSession> OpenAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        IDocumentSession session;
        if (job.HasOriginal)
        {
            var bytes = await files.ReadAsync(job.Id, "original", cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The original file of job '{job.Id}' is missing from the file store (expired or deleted).");
            session = DocumentSessions.Open(new MemoryStream(bytes, writable: false), limits, libreOffice);
        }
        else
        {
            session = DocumentHosts.TryParse(job.Host, out var host) && DocumentSessions.Supports(host)
                ? DocumentSessions.Create(host, libreOffice)
                : throw new DocumentRejectedException("unsupported_host", $"New {job.Host} documents are not supported yet.");
        }

        for (var i = 0; i < job.Sources.Count; i++)
        {
            var content = await files.ReadAsync(job.Id, $"source_{i}", cancellationToken).ConfigureAwait(false);
            if (content is not null)
            {
                (session as IDataSources)?.AddSource(job.Sources[i], () => new MemoryStream(content, writable: false));
            }
        }

        return session;
    }

    /// <summary>The job's uploaded sources as text the model reads and cites (PDF, CSV, JSON, Office files).</summary>
    public async Task<IReadOnlyList<SourceDocument>> SourcesAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var sources = new List<SourceDocument>();
        for (var i = 0; i < job.Sources.Count; i++)
        {
            if (await files.ReadAsync(job.Id, $"source_{i}", cancellationToken).ConfigureAwait(false) is { } content)
            {
                sources.Add(SourceReader.Read(job.Sources[i], content, limits: limits));
            }
        }

        return sources;
    }
}
