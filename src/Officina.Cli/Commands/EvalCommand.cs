using System.CommandLine;
using Officina.Cli.Evals;
using Officina.Planning.Model;

namespace Officina.Cli.Commands;

/// <summary>
/// <c>officina eval SUITE [--model M] [--task ID]... [--json]</c>: runs a suite of tasks (a
/// folder of task JSON files, see <c>tests/Evals</c>) against the configured model and prints a
/// score table with tokens, cost and time per task. Exit 0 when every task that ran passed,
/// 1 when any failed or errored, 2 when the suite or the model configuration is invalid.
/// </summary>
public static class EvalCommand
{
    public static Command Create(Func<CliOutput> output)
    {
        var suite = new Argument<string>("SUITE") { Description = "A folder of eval task JSON files (or one task file)" };
        var model = new Option<string?>("--model") { Description = "Model to evaluate instead of OFFICINA_MODEL" };
        var only = new Option<string[]>("--task") { Description = "Run only this task id; repeat for several" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var command = new Command("eval", "Run an eval suite against the configured model and print a score table") { suite, model, only, json };
        command.SetAction((parse, cancellationToken) => RunAsync(output(), parse.GetValue(suite)!, parse.GetValue(model), parse.GetValue(only) ?? [], parse.GetValue(json), null, cancellationToken));
        return command;
    }

    /// <summary>Runs the suite; <paramref name="settings"/> replaces the environment's model settings (tests point it at a scripted server).</summary>
    public static Task<int> RunAsync(CliOutput o, string suitePath, string? model, IReadOnlyList<string> only, bool json, ModelSettings? settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(o, async () =>
        {
            IReadOnlyList<EvalTask> tasks;
            try
            {
                tasks = EvalTask.LoadSuite(suitePath);
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
            {
                o.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Invalid;
            }

            if (only.Count > 0)
            {
                var unknown = only.Where(id => tasks.All(t => t.Id != id)).ToList();
                if (unknown.Count > 0)
                {
                    o.Error.WriteLine($"error: The suite has no task {string.Join(", ", unknown.Select(u => $"'{u}'"))}.");
                    return ExitCodes.Invalid;
                }

                tasks = [.. tasks.Where(t => only.Contains(t.Id))];
            }

            try
            {
                settings ??= ModelSettings.FromEnvironment();
            }
            catch (ModelNotConfiguredException ex)
            {
                o.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Invalid;
            }

            if (model is not null)
            {
                settings = settings with { Model = model };
            }

            var runner = new EvalRunner(settings);
            var outcomes = await runner.RunAsync(tasks, outcome =>
            {
                if (!json)
                {
                    o.Error.WriteLine($"{outcome.Id}: {outcome.Status}");
                }
            }, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                o.WriteJson(EvalReport.Json(outcomes, settings.Model));
            }
            else
            {
                EvalReport.Write(o.Out, outcomes, settings.Model);
            }

            return outcomes.All(x => x.Status is "passed" or "skipped") ? ExitCodes.Ok : ExitCodes.Failure;
        });
}
