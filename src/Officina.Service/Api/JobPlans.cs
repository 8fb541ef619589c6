using System.Text.Json.Nodes;
using Officina.Operations;
using Officina.Service.Jobs;

namespace Officina.Service.Api;

/// <summary>
/// A job's stored plan as the API shows and checks it: each operation with the indexes of the
/// earlier operations it depends on (<c>depends_on</c>), and the check that an approved subset
/// keeps every operation its operations need.
/// </summary>
public static class JobPlans
{
    /// <summary>Which operations of the job's plan depend on which, or null when the stored plan does not read.</summary>
    public static PlanDependencies? Dependencies(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Plan is null || new PlanSerializer(JobDocuments.Catalog).Read(job.Plan) is not { Succeeded: true, Plan: { } plan })
        {
            return null;
        }

        // Jobs previewed before previews were kept apart held the preview's changes as their own while awaiting approval.
        var preview = job.Preview?.Changes ?? (job.Status == JobStatus.AwaitingApproval ? job.Changes : null);
        return PlanDependencies.Of(plan, preview);
    }

    /// <summary>The plan JSON with <c>depends_on</c> (indexes, ascending) on every operation.</summary>
    public static string WithDependsOn(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var json = JsonNode.Parse(job.Plan ?? "{}");
        if (Dependencies(job) is not { } dependencies || json?["operations"] is not JsonArray operations || operations.Count != dependencies.DependsOn.Count)
        {
            return job.Plan ?? "{}";
        }

        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is JsonObject operation)
            {
                operation[PlanSerializer.DependsOnProperty] = new JsonArray([.. dependencies.DependsOn[i].Select(d => JsonValue.Create(d))]);
            }
        }

        return json.ToJsonString();
    }

    /// <summary>
    /// Null when <paramref name="approved"/> keeps every operation its operations depend on; else a
    /// 400 naming each kept operation and the left-out one it needs. The job is not touched.
    /// </summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? CheckApproval(JobRecord job, IReadOnlyList<int> approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        if (Dependencies(job)?.Unmet(approved) is not { Count: > 0 } unmet)
        {
            return null;
        }

        // The messages appear verbatim, so a client showing the detail can leave out the errors it already holds.
        var detail = $"The selection leaves out operations that approved ones need; nothing was applied and the job still awaits approval: "
            + string.Join(" ", unmet.Select(e => e.Message))
            + " Approve those operations too, or leave out the ones that need them.";
        return Problems.BadRequest(detail, unmet, "operation_dependency");
    }
}
