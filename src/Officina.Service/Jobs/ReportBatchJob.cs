using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Officina.Operations;
using Officina.Reports;
using Officina.Reports.Data;
using Officina.Reports.Output;
using Officina.Reports.Templates;
using Officina.Service.Configuration;
using Officina.Service.Storage;

namespace Officina.Service.Jobs;

/// <summary>
/// Runs a batch job's work: reads the stored template, data and plan template (so any node can
/// run it), generates one document per record with <see cref="ReportBatch"/> into the library's
/// zip output (streamed to a temporary file, <c>summary.json</c> added after the documents, renamed
/// into place only when the batch completes), and stores that zip as the job's result in one
/// write. A cancelled or crashed run stores nothing; a re-run builds a new zip and replaces the slot,
/// so there is never a partial or second result. Status writes are the caller's (<see cref="JobRunner"/>).
/// </summary>
public sealed class ReportBatchJob(IFileStore files, JobDocuments documents, IOptions<OfficinaOptions> options)
{
    /// <summary>Generates the documents; returns the summary (the result is stored when at least one document was written).</summary>
    public async Task<ReportSummary> RunAsync(JobRecord job, IProgress<PlanProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var request = job.Batch ?? throw new InvalidOperationException($"Batch job '{job.Id}' has no batch settings.");
        var settings = options.Value;
        var template = ReportTemplate.Load(new MemoryStream(await InputAsync(job.Id, "original", cancellationToken).ConfigureAwait(false), writable: false), documents.Limits);
        var data = await InputAsync(job.Id, BatchRequest.DataSlot, cancellationToken).ConfigureAwait(false);
        var records = ReportData.Read(new MemoryStream(data, writable: false), request.Data, settings.MaxReportRecords, settings.MaxReportDataBytes);
        var plan = request.PlanTemplate
            ? PlanTemplate.Parse(Encoding.UTF8.GetString(await InputAsync(job.Id, BatchRequest.PlanTemplateSlot, cancellationToken).ConfigureAwait(false)))
            : null;
        var reportOptions = new ReportOptions
        {
            NamePattern = request.Name,
            MissingFields = request.MissingFields,
            MaxRecords = settings.MaxReportRecords,
            Limits = documents.Limits,
            LibreOffice = documents.LibreOffice,
            SummaryEntry = BatchRequest.SummaryEntry,
        };

        var work = Directory.CreateTempSubdirectory("officina-batch-");
        try
        {
            var zip = Path.Combine(work.FullName, "reports.zip");
            ReportSummary summary;
            using (var output = ReportOutput.Zip(zip))
            {
                summary = await ReportBatch.RunAsync(template, records, plan, output, reportOptions, new RecordProgress(progress), cancellationToken).ConfigureAwait(false);
            }

            if (summary.Written > 0)
            {
                await files.WriteAsync(job.Id, "result", await File.ReadAllBytesAsync(zip, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }

            return summary;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner gets what could not be deleted now.
            }
        }
    }

    /// <summary>How the result is downloaded: <c>TEMPLATE-reports.zip</c>.</summary>
    public static JobFile ResultFile(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var stem = Path.GetFileNameWithoutExtension(job.FileName ?? "template");
        return new JobFile($"{(stem.Length > 0 ? stem : "template")}-reports.zip", "application/zip");
    }

    /// <summary>The line progress shows after a record: <c>Record 12 of 300: acme-2026-11.docx</c>, with <c>failed</c> or <c>verification errors</c> when so.</summary>
    public static string Describe(ReportProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var line = string.Create(CultureInfo.InvariantCulture, $"Record {progress.Record} of {progress.Total}: {progress.Name ?? "(no name)"}");
        return progress.Status switch
        {
            ReportRecordStatus.Failed => line + " failed",
            ReportRecordStatus.VerificationErrors => line + " (verification errors)",
            _ => line,
        };
    }

    private async Task<byte[]> InputAsync(string jobId, string slot, CancellationToken cancellationToken) =>
        await files.ReadAsync(jobId, slot, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"The {slot} input of job '{jobId}' is missing from the file store (expired or deleted).");

    /// <summary>Passes each finished record on as plan progress (done = records finished), which the job's watcher writes to the store.</summary>
    private sealed class RecordProgress(IProgress<PlanProgress> progress) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => progress.Report(new PlanProgress(value.Record, value.Total, Describe(value)));
    }
}
