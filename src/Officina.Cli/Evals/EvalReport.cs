using System.Globalization;

namespace Officina.Cli.Evals;

/// <summary>The score table: one row per task (result, checks, tokens, cost, time) and a total line.</summary>
public static class EvalReport
{
    public static void Write(TextWriter output, IReadOnlyList<EvalOutcome> outcomes, string model)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outcomes);
        var idWidth = Math.Max(4, outcomes.Select(o => o.Id.Length).DefaultIfEmpty(4).Max());
        output.WriteLine($"Eval with {model}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"task".PadRight(idWidth)}  {"host",-10}  {"result",-8}  {"checks",6}  {"tokens",9}  {"cost $",8}  {"time s",7}"));
        foreach (var o in outcomes)
        {
            var checks = o.Status == "skipped" ? "-" : $"{o.ChecksPassed}/{o.Checks.Count}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o.Id.PadRight(idWidth)}  {o.Host,-10}  {o.Status,-8}  {checks,6}  {o.Usage.TotalTokens,9}  {o.Usage.EstimatedCostUsd ?? 0,8:0.0000}  {o.Time.TotalSeconds,7:0.0}"));
            if (o.Status != "passed" && o.Detail is not null)
            {
                output.WriteLine($"{"".PadRight(idWidth)}  {(o.Status == "skipped" ? "skipped: " : "")}{o.Detail.Split('\n')[0]}");
            }
        }

        var ran = outcomes.Count(o => o.Status != "skipped");
        var passed = outcomes.Count(o => o.Status == "passed");
        var skipped = outcomes.Count - ran;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"score: {passed}/{ran} passed ({skipped} skipped: host not available); tokens {outcomes.Sum(o => o.Usage.TotalTokens)}, cost ${outcomes.Sum(o => o.Usage.EstimatedCostUsd ?? 0):0.0000}, time {outcomes.Sum(o => o.Time.TotalSeconds):0.0} s"));
    }

    public static object Json(IReadOnlyList<EvalOutcome> outcomes, string model) => new
    {
        model,
        passed = outcomes.Count(o => o.Status == "passed"),
        ran = outcomes.Count(o => o.Status != "skipped"),
        skipped = outcomes.Count(o => o.Status == "skipped"),
        tasks = outcomes.Select(o => new
        {
            id = o.Id,
            host = o.Host,
            status = o.Status,
            detail = o.Detail,
            checks_passed = o.ChecksPassed,
            checks = o.Checks,
            tokens = o.Usage.TotalTokens,
            usage = Commands.ModelRun.Usage(o.Usage),
            seconds = Math.Round(o.Time.TotalSeconds, 2),
        }),
    };
}
