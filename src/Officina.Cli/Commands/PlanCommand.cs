using System.CommandLine;
using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina plan FILE "instruction" -o PLAN.json [--effort E] [--json]</c>: let the model plan
/// against a working copy (so its reads and validations are real) and write only the plan;
/// the document is not written. <c>officina apply FILE PLAN.json -o OUT</c> applies it later.
/// </summary>
public static class PlanCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var file = new Argument<string>("FILE") { Description = "The document to plan against (never modified)" };
        var instruction = new Argument<string>("INSTRUCTION") { Description = "What to do, in plain language" };
        var outFile = new Option<string>("--output", "-o") { Description = "Where to write the plan JSON", Required = true };
        var effort = new Option<string?>("--effort") { Description = "Reasoning effort: none, low, medium, high, xhigh (default: chosen from the instruction)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("plan", "Plan with the model and write the plan for review (the document is not changed)") { file, instruction, outFile, effort, json };
        command.SetAction((parse, cancellationToken) => RunAsync(output(), parse.GetValue(file)!, parse.GetValue(instruction)!, parse.GetValue(outFile)!, parse.GetValue(effort), parse.GetValue(json), cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, string file, string instruction, string outPath, string? effort, bool json, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            var (session, result, exit) = await ModelRun.RunAsync(o, file, instruction, effort, json, cancellationToken).ConfigureAwait(false);
            if (session is null || result is null)
            {
                return exit;
            }

            session.Dispose();
            var text = new PlanSerializer(DocumentSessions.Catalog).Write(result.Plan);
            AtomicFile.Write(outPath, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.Write(text);
            });
            if (json)
            {
                o.WriteJson(new { ok = true, plan_file = Path.GetFullPath(outPath), operations = result.Plan.Operations.Count, verification = CliOutput.Report(result.Verification), usage = ModelRun.Usage(result.Usage) });
                return ExitCodes.Ok;
            }

            o.Out.WriteLine($"Planned {result.Plan.Operations.Count} operation(s) for {Path.GetFileName(file)} -> {outPath} (apply with: officina apply {file} {outPath} -o OUT)");
            ModelRun.WriteSummary(o, result);
            return ExitCodes.Ok;
        });
}
