using Officina.Excel;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.Reports.Data;
using Officina.Reports.Output;
using Officina.Reports.Templates;
using Officina.Word;

namespace Officina.Reports;

/// <summary>
/// Generates one document per record: for each, a working copy of the template, a generated
/// plan that fills its placeholders through the hosts' operations, then the record's rendered
/// plan template (if any), each run by <see cref="PlanRunner"/>; then verification, then an
/// atomic write. A record that fails (missing field, invalid plan, failing operation) is not
/// written and the batch goes on; a failing plan changes nothing, as everywhere else.
/// Cancellation stops between and within records and leaves no partial file.
/// </summary>
public static class ReportBatch
{
    private static readonly Lazy<OperationCatalog> LazyCatalog = new(() =>
        OperationCatalog.Create(typeof(WorkbookSession).Assembly, typeof(WordSession).Assembly, typeof(DeckSession).Assembly));

    /// <summary>Every host's operations, for reading plan templates.</summary>
    public static OperationCatalog Catalog => LazyCatalog.Value;

    /// <summary>Runs the batch. Throws <see cref="ReportInputException"/> up front when the plan template's host differs from the template's, and <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async Task<ReportSummary> RunAsync(
        ReportTemplate template,
        IReadOnlyList<ReportRecord> records,
        PlanTemplate? plan,
        ReportOutput output,
        ReportOptions? options = null,
        IProgress<ReportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new ReportOptions();
        if (plan is not null && plan.Host != template.Host)
        {
            throw new ReportInputException("plan_host", $"The plan template is for {plan.Host.ToName()} but the template is a {template.Host.ToName()} document.");
        }

        if (records.Count > options.MaxRecords)
        {
            throw new ReportInputException("data_limit", $"The batch has {records.Count:N0} records; at most {options.MaxRecords:N0} are allowed.");
        }

        var names = new OutputNames(options.NamePattern, template.Info.Extension, records.Count);
        var serializer = new PlanSerializer(Catalog);
        var protectedFiles = new HashSet<string>(options.ProtectedFiles.Select(Path.GetFullPath), StringComparer.Ordinal);
        if (template.SourcePath is { } source)
        {
            protectedFiles.Add(source);
        }

        // Records run up to Parallelism at a time, each into memory; they are written, and
        // reported, in record order, so names, zip order and progress do not depend on timing.
        var results = new List<ReportRecordResult>(records.Count);
        var running = new Queue<(ReportRecord Record, Task<RecordOutcome> Outcome)>();
        try
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = NameOf(record, names, options, output, protectedFiles, out var refused);
                running.Enqueue((record, refused is not null
                    ? Task.FromResult(new RecordOutcome(refused, null))
                    : Task.Run(() => RunRecordAsync(template, record, name!, plan, options, serializer, cancellationToken), cancellationToken)));
                if (running.Count >= Math.Max(1, options.Parallelism))
                {
                    await WriteOldestAsync().ConfigureAwait(false);
                }
            }

            while (running.Count > 0)
            {
                await WriteOldestAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            // On cancellation or an unexpected failure, let the records still running end before returning.
            await Task.WhenAll(running.Select(r => r.Outcome)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var written = results.Any(r => r.Status != ReportRecordStatus.Failed);
        var summary = new ReportSummary(written ? output.Location : null, results);

        async Task WriteOldestAsync()
        {
            var (record, task) = running.Peek();
            var outcome = await task.ConfigureAwait(false);
            running.Dequeue();
            cancellationToken.ThrowIfCancellationRequested();
            if (outcome.Document is { } document)
            {
                output.Write(outcome.Result.Output!, stream => stream.Write(document));
            }

            results.Add(outcome.Result);
            progress?.Report(new ReportProgress(record.Number, records.Count, outcome.Result.Output, outcome.Result.Status));
        }
        if (written)
        {
            if (options.SummaryEntry is { Length: > 0 } entry)
            {
                output.Write(entry, stream => ReportSummaryJson.Write(summary, stream));
            }

            output.Complete();
        }

        return summary;
    }

    /// <summary>The record's output name (names are handed out in record order, duplicates numbered); null with the failure when it has none or would overwrite an input.</summary>
    private static string? NameOf(ReportRecord record, OutputNames names, ReportOptions options, ReportOutput output, HashSet<string> protectedFiles, out ReportRecordResult? refused)
    {
        refused = null;
        string name;
        try
        {
            name = names.Next(record, options.MissingFields);
        }
        catch (ReportFieldException ex)
        {
            refused = Failed(record, null, new OperationError("name", "field_missing", ex.Message));
            return null;
        }

        if (output.PathOf(name) is { } path && protectedFiles.Contains(path))
        {
            refused = Failed(record, name, new OperationError("name", "protected_file", $"The output '{path}' is an input of this batch (template or data) and is never overwritten; choose another output folder or name pattern."));
            return null;
        }

        return name;
    }

    private static async Task<RecordOutcome> RunRecordAsync(
        ReportTemplate template, ReportRecord record, string name, PlanTemplate? plan, ReportOptions options, PlanSerializer serializer, CancellationToken cancellationToken)
    {
        IReadOnlyList<FillStep> steps;
        Plan? rendered = null;
        try
        {
            steps = TemplateFill.Steps(template, record, options.MissingFields);
            if (plan is not null)
            {
                var read = plan.Render(record, options.MissingFields, serializer);
                if (!read.Succeeded)
                {
                    return Failed(record, name, [.. read.Errors.Select(e => e with { Path = "plan:" + e.Path })]);
                }

                rendered = read.Plan;
            }
        }
        catch (ReportFieldException ex)
        {
            return Failed(record, name, new OperationError("template:" + ex.Placeholder, "field", ex.Message));
        }

        using var session = template.OpenSession(options.LibreOffice);
        try
        {
            return await FillAndVerifyAsync(session, template.Host, record, name, steps, rendered, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentRejectedException ex)
        {
            // A budget of the engines ran out for this record (LibreOffice's timeout while recalculating): the record fails, the batch goes on.
            return Failed(record, name, new OperationError("document", ex.Reason, ex.Message));
        }
    }

    private static async Task<RecordOutcome> FillAndVerifyAsync(
        IDocumentSession session, DocumentHost host, ReportRecord record, string name, IReadOnlyList<FillStep> steps, Plan? rendered, CancellationToken cancellationToken)
    {
        var trackChanges = rendered?.TrackChanges ?? false;
        var fill = PlanRunner.Apply(session, new Plan(host, $"Fill record {record.Number}", trackChanges, [.. steps.Select(s => s.Operation)]), null, cancellationToken);
        if (!fill.Succeeded)
        {
            return Failed(record, name, [.. fill.Errors.Select(e => e with { Path = FillPath(e.Path, steps) })]);
        }

        var changes = fill.Changes.Count;
        if (rendered is not null)
        {
            var applied = PlanRunner.Apply(session, rendered, null, cancellationToken);
            if (!applied.Succeeded)
            {
                return Failed(record, name, [.. applied.Errors.Select(e => e with { Path = "plan:" + e.Path })]);
            }

            changes += applied.Changes.Count;
        }

        var report = await session.VerifyAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        using var document = new MemoryStream();
        session.Save(document);
        return new RecordOutcome(
            new ReportRecordResult(record.Number, name, report.HasErrors ? ReportRecordStatus.VerificationErrors : ReportRecordStatus.Succeeded, changes, report.Findings, []),
            document.ToArray());
    }

    /// <summary><c>$.operations[3].range</c> of the generated fill plan becomes <c>template:'Sheet1'!B2 {{total}}</c>.</summary>
    private static string FillPath(string path, IReadOnlyList<FillStep> steps)
    {
        const string prefix = "$.operations[";
        if (path.StartsWith(prefix, StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is var close and > 0
            && int.TryParse(path[prefix.Length..close], out var index) && index < steps.Count)
        {
            return "template:" + steps[index].Target;
        }

        return "template:" + path;
    }

    private static ReportRecordResult Failed(ReportRecord record, string? name, params OperationError[] errors) =>
        new(record.Number, name, ReportRecordStatus.Failed, 0, [], errors);

    /// <summary>A record's result and, when it succeeded, its document, waiting to be written in record order.</summary>
    private sealed record RecordOutcome(ReportRecordResult Result, byte[]? Document)
    {
        public static implicit operator RecordOutcome(ReportRecordResult failed) => new(failed, null);
    }
}
