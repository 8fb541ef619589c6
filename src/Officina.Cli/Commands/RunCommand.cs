using System.CommandLine;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina run FILE "instruction" -o OUT [--effort E] [--json]</c>: plan with the model,
/// apply to a working copy, verify, repair, write OUT, and print the changes and usage.
/// Exit 0 ok, 2 no model configured or bad input (nothing written), 3 written but
/// verification still finds errors, 1 the run failed (nothing written).
/// </summary>
public static class RunCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var file = new Argument<string>("FILE") { Description = "The document to change (never modified itself)" };
        var instruction = new Argument<string>("INSTRUCTION") { Description = "What to do, in plain language" };
        var outFile = new Option<string>("--output", "-o") { Description = "Where to write the result", Required = true };
        var effort = new Option<string?>("--effort") { Description = "Reasoning effort: none, low, medium, high, xhigh (default: chosen from the instruction)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("run", "Plan with the model, apply, verify and repair; write the result") { file, instruction, outFile, effort, json };
        command.SetAction((parse, cancellationToken) => RunAsync(output(), parse.GetValue(file)!, parse.GetValue(instruction)!, parse.GetValue(outFile)!, parse.GetValue(effort), parse.GetValue(json), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, string file, string instruction, string outPath, string? effort, bool json, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            if (Path.GetFullPath(file) == Path.GetFullPath(outPath))
            {
                o.Error.WriteLine($"error: The output must be a different file from the input; the input is never overwritten. Given: '{outPath}'.");
                return ExitCodes.Invalid;
            }

            var (session, result, exit) = await ModelRun.RunAsync(o, file, instruction, effort, json, cancellationToken).ConfigureAwait(false);
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
                    plan = Officina.Operations.PlanSerializer.ToJson(result.Plan),
                    verification = CliOutput.Report(result.Verification),
                    usage = ModelRun.Usage(result.Usage),
                });
                return exit;
            }

            o.Out.WriteLine($"Applied {result.Changes.Count} change(s) to {Path.GetFileName(file)} -> {outPath}");
            ModelRun.WriteSummary(o, result);
            o.WriteReport(result.Verification);
            return exit;
        });
}
