using Officina.OpenXml.Packaging;
using System.CommandLine;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina run FILE "instruction" -o OUT [--source S]... [--effort E] [--json]</c> or
/// <c>officina run --new NEW.xlsx "instruction" [--source S]...</c>: plan with the model,
/// apply to a working copy (or a new document), verify, repair, write OUT (or NEW), and print
/// the changes, citations and usage. Exit 0 ok, 2 no model configured or bad input (nothing
/// written), 3 written but verification still finds errors, 1 the run failed (nothing written).
/// </summary>
public static class RunCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var arguments = new ModelArguments();
        var outFile = new Option<string?>("--output", "-o") { Description = "Where to write the result (with --new: defaults to the new document's path)" };
        var command = new Command("run", "Plan with the model, apply, verify and repair; write the result") { outFile };
        arguments.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var o = output();
            var (request, error) = arguments.Read(parse);
            if (request is null)
            {
                o.Error.WriteLine($"error: {error}");
                return Task.FromResult(ExitCodes.Invalid);
            }

            return RunAsync(o, request, parse.GetValue(outFile), cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, string file, string instruction, string outPath, string? effort, bool json, CancellationToken cancellationToken) =>
        RunAsync(o, new ModelRequest(file, false, instruction, effort, [], json), outPath, cancellationToken);

    internal static Task<int> RunAsync(CliOutput o, ModelRequest request, string? outOption, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            var json = request.Json;
            var file = request.File;
            var outPath = outOption ?? (request.IsNew ? request.File : null);
            if (outPath is null)
            {
                o.Error.WriteLine("error: Say where to write the result with -o OUT (the input is never overwritten).");
                return ExitCodes.Invalid;
            }

            if (!request.IsNew && Path.GetFullPath(file) == Path.GetFullPath(outPath))
            {
                o.Error.WriteLine($"error: The output must be a different file from the input; the input is never overwritten. Given: '{outPath}'.");
                return ExitCodes.Invalid;
            }

            var (session, result, exit) = await ModelRun.RunAsync(o, request, null, cancellationToken).ConfigureAwait(false);
            if (session is null || result is null)
            {
                return exit;
            }

            using (session)
            {
                AtomicFile.Write(outPath, session.Save);
            }

            exit = result.Verification.HasErrors ? ExitCodes.VerificationErrors : ExitCodes.Ok;
            if (json)
            {
                o.WriteJson(new
                {
                    ok = exit == ExitCodes.Ok,
                    output = Path.GetFullPath(outPath),
                    effort = Officina.Planning.Model.ReasoningEfforts.ToName(result.Effort),
                    steps = result.Steps,
                    repair_rounds = result.RepairRounds,
                    message = result.Message,
                    changes = result.Changes,
                    citations = result.Citations,
                    plan = Officina.Operations.PlanSerializer.ToJson(result.Plan),
                    verification = CliOutput.Report(result.Verification),
                    usage = ModelRun.Usage(result.Usage),
                });
                return exit;
            }

            o.Out.WriteLine(request.IsNew
                ? $"Made {outPath} with {result.Changes.Count} change(s)"
                : $"Applied {result.Changes.Count} change(s) to {Path.GetFileName(file)} -> {outPath}");
            ModelRun.WriteSummary(o, result);
            o.WriteReport(result.Verification);
            return exit;
        });
}
