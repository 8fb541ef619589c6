using Officina.OpenXml.Packaging;
using Officina.Planning;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Officina.Cli.Commands;
using Officina.Excel;
using Officina.Operations;
using Officina.Planning.Model;

namespace Officina.Cli.Evals;

/// <summary>How one task went: <c>passed</c>, <c>failed</c> (a check failed), <c>error</c> (the run did not finish) or <c>skipped</c> (host not available).</summary>
public sealed record EvalOutcome(string Id, string Host, string Status, IReadOnlyList<CheckResult> Checks, ModelUsage Usage, TimeSpan Time, string? Detail)
{
    public int ChecksPassed => Checks.Count(c => c.Passed);
}

/// <summary>
/// Runs eval tasks one after another against one model: prepares each task's document in a
/// scratch folder, runs the same loop as <c>officina run</c> (sources included), saves the
/// output and checks it. Tasks for hosts this build cannot open are skipped, never counted as passed.
/// </summary>
public sealed class EvalRunner(ModelSettings settings)
{
    public async Task<IReadOnlyList<EvalOutcome>> RunAsync(IEnumerable<EvalTask> tasks, Action<EvalOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var outcomes = new List<EvalOutcome>();
        foreach (var task in tasks)
        {
            var outcome = await RunOneAsync(task, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return outcomes;
    }

    public static bool HostAvailable(DocumentHost host) => DocumentSessions.Catalog.ForHost(host).Any();

    private async Task<EvalOutcome> RunOneAsync(EvalTask task, CancellationToken cancellationToken)
    {
        if (!HostAvailable(task.HostKind))
        {
            return new EvalOutcome(task.Id, task.Host, "skipped", [], ModelUsage.Zero, TimeSpan.Zero, "host not available");
        }

        var folder = Path.Combine(Path.GetTempPath(), "officina-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        try
        {
            var input = Prepare(task, folder);
            var request = new ModelRequest(input, task.New is not null, task.Instruction, task.Effort, [.. task.Sources.Select(s => Path.Combine(task.Folder, s))], false) { Quiet = true };
            using var log = new StringWriter(CultureInfo.InvariantCulture);
            var quiet = new CliOutput(log, log);
            var (session, result, _) = await ModelRun.RunAsync(quiet, request, settings, cancellationToken).ConfigureAwait(false);
            if (session is null || result is null)
            {
                return new EvalOutcome(task.Id, task.Host, "error", [], ModelUsage.Zero, clock.Elapsed, log.ToString().Trim());
            }

            var output = Path.Combine(folder, "output" + Path.GetExtension(task.New ?? task.Input ?? ".xlsx"));
            using (session)
            {
                AtomicFile.Write(output, session.Save);
            }

            var checks = EvalChecks.Run(task, output, result.Verification);
            var status = checks.All(c => c.Passed) ? "passed" : "failed";
            return new EvalOutcome(task.Id, task.Host, status, checks, result.Usage, clock.Elapsed, checks.FirstOrDefault(c => !c.Passed)?.Detail);
        }
        catch (Exception ex) when (ex is DocumentRejectedException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new EvalOutcome(task.Id, task.Host, "error", [], ModelUsage.Zero, clock.Elapsed, ex.Message);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The document the task starts from: a copy of its input, a workbook built from its setup operations, or a path for a new document.</summary>
    private static string Prepare(EvalTask task, string folder)
    {
        if (task.New is not null)
        {
            return Path.Combine(folder, Path.GetFileName(task.New));
        }

        if (task.Input is not null)
        {
            var copy = Path.Combine(folder, "input" + Path.GetExtension(task.Input));
            File.Copy(Path.Combine(task.Folder, task.Input), copy);
            return copy;
        }

        using var book = WorkbookSession.Create();
        var serializer = new PlanSerializer(DocumentSessions.Catalog);
        foreach (var node in task.Setup!)
        {
            var args = node as JsonObject ?? throw new InvalidDataException($"Task '{task.Id}': every setup entry is an operation object.");
            var name = (string?)args["op"] ?? throw new InvalidDataException($"Task '{task.Id}': a setup operation has no 'op'.");
            var copy = (JsonObject)args.DeepClone();
            copy.Remove("op");
            var (operation, errors) = serializer.ReadOperation(DocumentHost.Excel, name, copy);
            var outcome = operation is null ? null : book.Execute(operation);
            if (operation is null || !outcome!.Succeeded)
            {
                var messages = operation is null ? errors : outcome!.Errors;
                throw new InvalidDataException($"Task '{task.Id}': setup operation '{name}' failed: {string.Join("; ", messages.Select(e => $"{e.Path}: {e.Message}"))}");
            }
        }

        var path = Path.Combine(folder, "input.xlsx");
        book.SaveAs(path);
        return path;
    }
}
