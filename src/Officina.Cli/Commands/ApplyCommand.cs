using Officina.OpenXml.Packaging;
using Officina.Planning;
using System.CommandLine;
using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina apply FILE PLAN.json -o OUT [--json]</c> or <c>officina apply --new NEW.xlsx PLAN.json</c>:
/// validate the plan, apply it to a working copy (of FILE, or of a document made from nothing
/// the way <c>run --new</c> makes it), verify, and write OUT (with <c>--new</c>: NEW, unless -o
/// says otherwise). Exit 0 ok, 2 invalid plan or input (nothing written), 3 applied but
/// verification found errors (OUT written), 1 anything else.
/// </summary>
public static class ApplyCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var positional = new Argument<string[]>("FILE PLAN")
        {
            Description = "The document to change (never modified itself) and the plan JSON file; with --new, only the plan",
            Arity = new ArgumentArity(1, 2),
        };
        var newFile = new Option<string?>("--new") { Description = "Make a new document at this path (.xlsx, .docx or .pptx, matching the plan's host) and apply the plan to it; an existing file is never replaced" };
        var outFile = new Option<string?>("--output", "-o") { Description = "Where to write the result (with --new: defaults to the new document's path)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var template = new Option<string?>("--template") { Description = "With --new NAME.pptx: build the deck on this template (.potx/.pptx: its masters, layouts and theme) or built-in design (corporate, dark, consulting)" };
        var command = new Command("apply", "Apply a plan to a document (or a new one), verify it and write the result") { positional, newFile, outFile, json, template };
        command.SetAction((parse, cancellationToken) =>
        {
            var o = output();
            var arguments = parse.GetValue(positional) ?? [];
            var newPath = parse.GetValue(newFile);
            EngineBudgets budgets;
            try
            {
                budgets = EngineBudgets.From(parse);
            }
            catch (UsageException ex)
            {
                return Usage(o, ex.Message);
            }

            if (parse.GetValue(template) is not null && newPath is null)
            {
                return Usage(o, "--template builds a new deck: use it with --new NAME.pptx.");
            }

            if (newPath is not null)
            {
                return arguments.Length == 1
                    ? RunAsync(o, newPath, isNew: true, arguments[0], parse.GetValue(outFile) ?? newPath, parse.GetValue(json), cancellationToken, budgets, parse.GetValue(template))
                    : Usage(o, $"With --new, give only the plan (the new document is '{newPath}'). Given {arguments.Length} arguments.");
            }

            if (arguments.Length != 2)
            {
                return Usage(o, "Give FILE and PLAN, or --new PATH and PLAN to apply the plan to a new document.");
            }

            return parse.GetValue(outFile) is { } outPath
                ? RunAsync(o, arguments[0], isNew: false, arguments[1], outPath, parse.GetValue(json), cancellationToken, budgets)
                : Usage(o, "Say where to write the result with -o OUT (the input is never overwritten).");
        });
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, string file, string planPath, string outPath, bool json, CancellationToken cancellationToken) =>
        RunAsync(o, file, isNew: false, planPath, outPath, json, cancellationToken);

    /// <param name="file">The input document, or the path of the new document when <paramref name="isNew"/>.</param>
    /// <param name="budgets">The decompressed-bytes and LibreOffice budgets; the defaults when null.</param>
    internal static Task<int> RunAsync(CliOutput o, string file, bool isNew, string planPath, string outPath, bool json, CancellationToken cancellationToken, EngineBudgets? budgets = null, string? template = null) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            if (!isNew && Path.GetFullPath(file) == Path.GetFullPath(outPath))
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
            using var session = isNew ? NewDocument.Create(file, budgets?.LibreOffice, template, budgets?.Limits) : DocumentSessions.Open(file, budgets?.Limits, budgets?.LibreOffice);
            if (isNew && session.Host != plan.Host)
            {
                return Invalid(o, json, [new("$.host", "host",
                    $"The plan is for {plan.Host.ToName()}, but --new '{file}' makes a {session.Host.ToName()} document; name the new file for the plan's host (.xlsx for excel, .docx for word, .pptx for powerpoint).")]);
            }

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
                o.Out.WriteLine(isNew
                    ? $"Made {outPath} with {applied.Changes.Count} change(s)"
                    : $"Applied {applied.Changes.Count} change(s) to {Path.GetFileName(file)} -> {outPath}");
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

    private static Task<int> Usage(CliOutput o, string message)
    {
        o.Error.WriteLine($"error: {message}");
        return Task.FromResult(ExitCodes.Invalid);
    }

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
