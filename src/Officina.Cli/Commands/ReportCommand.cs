using System.CommandLine;
using Officina.Operations;
using Officina.Reports;
using Officina.Reports.Data;
using Officina.Reports.Output;
using Officina.Reports.Templates;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina report TEMPLATE --data FILE [--plan PLAN.json] [--out DIR|FILE.zip] [--name PATTERN] [--missing fail|empty|keep] [--json]</c>:
/// one verified document per data record. Progress goes to stderr, the summary to stdout.
/// Exit 0 every record written cleanly, 3 some written with verification errors, 2 invalid
/// input (nothing written) or some records failed (the others are written), 1 anything else.
/// </summary>
public static class ReportCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var template = new Argument<string>("TEMPLATE") { Description = "An .xlsx, .docx or .pptx with {{field}} placeholders (never modified)" };
        var data = new Option<string>("--data", "-d") { Description = "CSV (header row) or JSON (array of objects) data: one document per record", Required = true };
        var plan = new Option<string?>("--plan", "-p") { Description = "Plan template: a plan JSON whose strings may hold {{field}}; \"{{field}}\" alone becomes the typed value" };
        var outPath = new Option<string?>("--out", "-o") { Description = "Output folder, or a .zip file; default TEMPLATE-reports/ in the current folder" };
        var name = new Option<string?>("--name") { Description = "Output name pattern, e.g. \"{{customer}}-{{month}}\"; default report-{{#}} (report-0001.docx, …)" };
        var missing = new Option<MissingFieldPolicy>("--missing") { Description = "A placeholder whose field a record lacks: fail (the record, default), empty, keep", DefaultValueFactory = _ => MissingFieldPolicy.Fail };
        var maxRecords = new Option<int>("--max-records") { Description = "Refuse data with more records than this", DefaultValueFactory = _ => ReportOptions.DefaultMaxRecords };
        var parallel = new Option<int>("--parallel") { Description = "Records generated at once (outputs keep record order)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var command = new Command("report", "Generate one verified document per data record from a template (batch reports)")
        {
            template, data, plan, outPath, name, missing, maxRecords, parallel, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var o = output();
            EngineBudgets budgets;
            try
            {
                budgets = EngineBudgets.From(parse);
            }
            catch (UsageException ex)
            {
                o.Error.WriteLine($"error: {ex.Message}");
                return Task.FromResult(ExitCodes.Invalid);
            }

            return RunAsync(o, new ReportArguments(
                parse.GetValue(template)!, parse.GetValue(data)!, parse.GetValue(plan), parse.GetValue(outPath), parse.GetValue(name),
                parse.GetValue(missing), parse.GetValue(maxRecords), parse.GetValue(json)) { Parallel = parse.GetValue(parallel), Budgets = budgets }, cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, ReportArguments args, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            ArgumentNullException.ThrowIfNull(args);
            try
            {
                var template = ReportTemplate.Load(args.Template, args.Budgets?.Limits);
                var records = ReportData.Read(args.Data, args.MaxRecords);
                var planTemplate = args.Plan is null ? null : PlanTemplate.Load(args.Plan);
                var target = args.Out ?? Path.GetFileNameWithoutExtension(args.Template) + "-reports";
                using var output = target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ReportOutput.Zip(target) : ReportOutput.Folder(target);
                var options = new ReportOptions
                {
                    NamePattern = args.Name,
                    MissingFields = args.Missing,
                    MaxRecords = args.MaxRecords,
                    Parallelism = Math.Clamp(args.Parallel, 1, 64),
                    Limits = args.Budgets?.Limits,
                    LibreOffice = args.Budgets?.LibreOffice,
                    ProtectedFiles = [args.Data, .. args.Plan is null ? Array.Empty<string>() : [args.Plan]],
                };
                var progress = new SynchronousProgress(p => o.Error.WriteLine(
                    $"[{p.Record}/{p.Total}] {p.Name ?? "(no name)"}: {p.Status switch { ReportRecordStatus.Succeeded => "ok", ReportRecordStatus.VerificationErrors => "written, verification errors", _ => "failed" }}"));
                var summary = await ReportBatch.RunAsync(template, records, planTemplate, output, options, progress, cancellationToken).ConfigureAwait(false);
                Print(o, summary, args.Json);
                return summary.Failed > 0 ? ExitCodes.Invalid : summary.WithVerificationErrors > 0 ? ExitCodes.VerificationErrors : ExitCodes.Ok;
            }
            catch (ReportInputException ex)
            {
                var error = new OperationError("$", ex.Rule, ex.Message);
                if (args.Json)
                {
                    o.WriteJson(new { ok = false, errors = new[] { error } });
                }

                o.WriteErrors([error]);
                o.Error.WriteLine("Nothing was written.");
                return ExitCodes.Invalid;
            }
        });

    private static void Print(CliOutput o, ReportSummary summary, bool json)
    {
        if (json)
        {
            o.WriteJson(ReportSummaryJson.Of(summary));
            return;
        }

        o.Out.WriteLine($"Wrote {summary.Written} of {summary.Records.Count} document(s){(summary.Output is null ? "" : " to " + summary.Output)}"
            + (summary.WithVerificationErrors > 0 ? $"; {summary.WithVerificationErrors} with verification errors" : "")
            + (summary.Failed > 0 ? $"; {summary.Failed} record(s) failed and were not written" : ""));
        foreach (var record in summary.Records.Where(r => r.Status != ReportRecordStatus.Succeeded || r.Findings.Count > 0))
        {
            o.Out.WriteLine($"  record {record.Record} ({record.Output ?? "no name"}): {record.Status switch { ReportRecordStatus.Failed => "failed", ReportRecordStatus.VerificationErrors => "verification errors", _ => "ok" }}");
            foreach (var error in record.Errors)
            {
                o.Out.WriteLine($"    error: {error.Path}: {error.Message} [{error.Rule}]");
            }

            foreach (var finding in record.Findings)
            {
                o.Out.WriteLine($"    {finding.Severity.ToString().ToLowerInvariant()}: {finding.Location}: {finding.Message}");
            }
        }
    }

    /// <summary>Reports on the calling thread, so progress lines come out in order before the summary.</summary>
    private sealed class SynchronousProgress(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}

/// <summary>The arguments of <c>officina report</c>.</summary>
public sealed record ReportArguments(string Template, string Data, string? Plan, string? Out, string? Name, MissingFieldPolicy Missing, int MaxRecords, bool Json)
{
    /// <summary>Records generated at once; 1 unless given.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The decompressed-bytes and LibreOffice budgets; the defaults when null.</summary>
    internal EngineBudgets? Budgets { get; init; }
}
