using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;
using Officina.Reports.Templates;

namespace Officina.Reports;

/// <summary>How a batch runs: output names, missing fields, limits.</summary>
public sealed record ReportOptions
{
    public const int DefaultMaxRecords = 10_000;
    public const long DefaultMaxDataBytes = 100L * 1024 * 1024;

    /// <summary>Output file names, e.g. <c>{{customer}}-{{month}}</c>; null for <c>report-{{#}}</c> (report-0001.docx, …).</summary>
    public string? NamePattern { get; init; }

    /// <summary>What a placeholder naming a field the record lacks does; by default the record fails.</summary>
    public MissingFieldPolicy MissingFields { get; init; } = MissingFieldPolicy.Fail;

    /// <summary>At most this many records in one batch (the data is refused beyond it).</summary>
    public int MaxRecords { get; init; } = DefaultMaxRecords;

    /// <summary>Limits the package guard applies to the template.</summary>
    public PackageLimits? Limits { get; init; }

    /// <summary>The LibreOffice each record's verification (a workbook's recalculation) runs, with its timeout; null for one found on PATH with the default timeout.</summary>
    public LibreOfficeRunner? LibreOffice { get; init; }

    /// <summary>
    /// When set (e.g. <c>summary.json</c>), the batch also writes its summary as JSON
    /// (<see cref="ReportSummaryJson"/>) under this name into the output, after the documents, when
    /// at least one document was written. Document names always end with the template's
    /// extension, so a <c>.json</c> name never collides with one.
    /// </summary>
    public string? SummaryEntry { get; init; }

    /// <summary>
    /// Records generated at once (each on its own working copy); outputs are still written and
    /// reported in record order. 1 by default; the CLI uses one per core. At most this many
    /// finished documents wait in memory for their turn.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Files a batch must never overwrite (the template is always one), e.g. the data file.</summary>
    public IReadOnlyList<string> ProtectedFiles { get; init; } = [];
}
