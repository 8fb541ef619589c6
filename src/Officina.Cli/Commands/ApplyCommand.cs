using Officina.OpenXml.Packaging;
using Officina.Planning;
using System.CommandLine;
using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina apply FILE PLAN.json -o OUT [--json]</c>: validate the plan, apply it to a
/// working copy, verify, and write OUT. Exit 0 ok, 2 invalid plan or input (nothing written),
/// 3 applied but verification found errors (OUT written), 1 anything else.
/// </summary>
public static class ApplyCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var file = new Argument<string>("FILE") { Description = "The document to change (never modified itself)" };
        var planFile = new Argument<string>("PLAN") { Description = "Plan JSON file" };
        var outFile = new Option<string>("--output", "-o") { Description = "Where to write the result", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("apply", "Apply a plan to a document, verify it and write the result") { file, planFile, outFile, json };
        command.SetAction((parse, cancellationToken) => RunAsync(output(), parse.GetValue(file)!, parse.GetValue(planFile)!, parse.GetValue(outFile)!, parse.GetValue(json), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, string file, string planPath, string outPath, bool json, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            if (Path.GetFullPath(file) == Path.GetFullPath(outPath))
            {
                return Invalid(o, json, [new("$", "output", $"The output must be a different file from the input; the input is never overwritten. Given: '{outPath}'.")]);
            }

            if (!File.Exists(planPath))
            {
                return Invalid(o, json, [new("$", "plan_file", $"There is no plan file at '{planPath}'.")]);
            }

            var read = new PlanSerializer(DocumentSessions.Catalog).Read(await File.ReadAllTextAsync(planPath, cancellationToken).ConfigureAwait(false));
            if (!read.Succeeded)
            {
                return Invalid(o, json, read.Errors);
            }

            var plan = read.Plan!;
            using var session = DocumentSessions.Open(file);
            var applied = await o.WithStatusAsync($"Applying {plan.Operations.Count} operation(s)", status =>
            {
                var progress = new Progress<PlanProgress>(p => status(p.Current is null ? "Applied" : $"{p.Done + 1}/{p.Total}: {p.Current}"));
                return Task.FromResult(PlanRunner.Apply(session, plan, progress, cancellationToken));
            }).ConfigureAwait(false);
            if (!applied.Succeeded)
            {
                return Invalid(o, json, applied.Errors);
            }

            var report = await o.WithStatusAsync("Verifying (recalculation, validation)", _ => session.VerifyAsync(cancellationToken)).ConfigureAwait(false);
            AtomicFile.Write(outPath, session.Save);
            var exit = report.HasErrors ? ExitCodes.VerificationErrors : ExitCodes.Ok;
            if (json)
            {
                o.WriteJson(new
                {
                    ok = exit == ExitCodes.Ok,
                    output = Path.GetFullPath(outPath),
                    changes = applied.Changes,
                    observations = applied.Observations.Select(x => new { x.Op, x.Target, x.Text }),
                    verification = CliOutput.Report(report),
                });
            }
            else
            {
                o.Out.WriteLine($"Applied {applied.Changes.Count} change(s) to {Path.GetFileName(file)} -> {outPath}");
                foreach (var change in applied.Changes)
                {
                    o.Out.WriteLine($"  {change.Op}: {change.Summary}");
                }

                foreach (var observation in applied.Observations)
                {
                    o.Out.WriteLine($"  {observation.Op} {observation.Target}:");
                    o.Out.WriteLine("    " + observation.Text.TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal));
                }

                o.WriteReport(report);
            }

            return exit;
        });

    private static int Invalid(CliOutput o, bool json, IReadOnlyList<OperationError> errors)
    {
        if (json)
        {
            o.WriteJson(new { ok = false, errors });
        }

        o.WriteErrors(errors);
        o.Error.WriteLine("Nothing was written.");
        return ExitCodes.Invalid;
    }
}
