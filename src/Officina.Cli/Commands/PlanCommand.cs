using Officina.OpenXml.Packaging;
using Officina.Planning;
using System.CommandLine;
using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina plan FILE "instruction" -o PLAN.json [--source S]... [--effort E] [--json]</c>
/// (or <c>--new NEW.xlsx "instruction" -o PLAN.json</c>): let the model plan against a working
/// copy (so its reads and validations are real) and write only the plan; the document is not
/// written. <c>officina apply FILE PLAN.json -o OUT</c> (or <c>officina apply --new NEW.xlsx PLAN.json</c>)
/// applies it later.
/// </summary>
public static class PlanCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var arguments = new ModelArguments();
        var outFile = new Option<string>("--output", "-o") { Description = "Where to write the plan JSON", Required = true };
        var command = new Command("plan", "Plan with the model and write the plan for review (the document is not changed)") { outFile };
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

            return RunAsync(o, request, parse.GetValue(outFile)!, cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(CliOutput o, string file, string instruction, string outPath, string? effort, bool json, CancellationToken cancellationToken) =>
        RunAsync(o, new ModelRequest(file, false, instruction, effort, [], json), outPath, cancellationToken);

    internal static Task<int> RunAsync(CliOutput o, ModelRequest request, string outPath, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            var json = request.Json;
            var file = request.File;
            var (session, result, exit) = await ModelRun.RunAsync(o, request, null, cancellationToken).ConfigureAwait(false);
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

            var next = request.IsNew ? $"officina apply --new {Quoted(file)} {Quoted(outPath)}" : $"officina apply {Quoted(file)} {Quoted(outPath)} -o OUT";
            o.Out.WriteLine($"Planned {result.Plan.Operations.Count} operation(s) for {Path.GetFileName(file)} -> {outPath} (apply with: {next})");
            ModelRun.WriteSummary(o, result);
            return ExitCodes.Ok;
        });

    /// <summary>A path as it is typed in the next command: in double quotes when it holds a space or a quote.</summary>
    private static string Quoted(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? $"\"{path.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : path;
}
