using Officina.Operations;
using Officina.Planning;
using Officina.Planning.Model;

namespace Officina.Cli.Commands;

/// <summary>What <c>run</c> and <c>plan</c> share: reading the model settings and effort, running the loop, reporting usage and failures.</summary>
internal static class ModelRun
{
    /// <summary>Runs the loop on a working copy of <paramref name="file"/>; returns the session and result, or an exit code when it could not.</summary>
    public static async Task<(IDocumentSession? Session, PlanningResult? Result, int Exit)> RunAsync(
        CliOutput o, string file, string instruction, string? effortText, bool json, CancellationToken cancellationToken)
    {
        ReasoningEffort? effort = null;
        if (effortText is not null)
        {
            if (!ReasoningEfforts.TryParse(effortText, out var parsed))
            {
                o.Error.WriteLine($"error: --effort must be one of none, low, medium, high, xhigh. Given: '{effortText}'.");
                return (null, null, ExitCodes.Invalid);
            }

            effort = parsed;
        }

        ModelSettings settings;
        try
        {
            settings = ModelSettings.FromEnvironment();
        }
        catch (ModelNotConfiguredException ex)
        {
            if (json)
            {
                o.WriteJson(new { ok = false, reason = "model_not_configured", message = ex.Message });
            }

            o.Error.WriteLine($"error: {ex.Message}");
            return (null, null, ExitCodes.Invalid);
        }

        var session = DocumentSessions.Open(file);
        try
        {
            var loop = new ModelLoop(settings, DocumentSessions.Catalog);
            var result = await o.WithStatusAsync($"Planning with {settings.Model}", _ => loop.RunAsync(session, instruction, effort, cancellationToken)).ConfigureAwait(false);
            return (session, result, ExitCodes.Ok);
        }
        catch (PlanningException ex)
        {
            session.Dispose();
            if (json)
            {
                o.WriteJson(new { ok = false, reason = ex.Reason, message = ex.Message, usage = Usage(ex.Usage) });
            }

            o.Error.WriteLine($"error: {ex.Message} [{ex.Reason}]");
            o.Error.WriteLine($"usage: {ex.Usage}");
            return (null, null, ExitCodes.Failure);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public static object Usage(ModelUsage usage) => new
    {
        requests = usage.Requests,
        input_tokens = usage.InputTokens,
        cached_input_tokens = usage.CachedInputTokens,
        output_tokens = usage.OutputTokens,
        reasoning_tokens = usage.ReasoningTokens,
        estimated_cost_usd = usage.EstimatedCostUsd,
    };

    public static void WriteSummary(CliOutput o, PlanningResult result)
    {
        foreach (var change in result.Changes)
        {
            o.Out.WriteLine($"  {change.Op}: {change.Summary}");
        }

        if (!string.IsNullOrWhiteSpace(result.Message))
        {
            o.Out.WriteLine($"Model: {result.Message}");
        }

        o.Out.WriteLine($"Effort {result.Effort.ToName()}, {result.Steps} step(s), {result.RepairRounds} repair round(s); {result.Usage}");
    }
}
