using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Officina.Mcp.Documents;
using Officina.Mcp.Sessions;
using Officina.Operations;
using Officina.Planning;

namespace Officina.Mcp.Tools;

/// <summary>Changing the working copy: apply operations or a whole plan, undo the last apply.</summary>
[McpServerToolType]
public static class EditTools
{
    [McpServerTool(Name = "apply_operations", Title = "Apply operations", Destructive = false, OpenWorld = false)]
    [Description("Apply operations, in order, to the session's working copy; all or nothing: if any fails validation, nothing is changed and the errors name the argument path (e.g. $.operations[1].range), the rule and the bad value, so fix them and call again. Give either operations or a whole plan. Read operations return what they observed.")]
    public static Task<CallToolResult> ApplyOperations(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        [Description("Calls in order, each {\"op\": name, ...arguments} as describe_operations documents")] JsonElement? operations = null,
        [Description("Instead of operations: a whole plan {\"host\", \"operations\", \"track_changes\"?} as officina apply reads it")] JsonElement? plan = null,
        [Description("Word: record the changes as tracked revisions")] bool? trackChanges = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(() => copies.UseAsync(store.Owner, session, copy =>
        {
            var read = new PlanSerializer(DocumentSessions.Catalog).Read(PlanJson(copy.Host, operations, plan, trackChanges));
            if (!read.Succeeded)
            {
                return Task.FromResult(ToolResults.Errors(read.Errors, "Nothing was changed."));
            }

            var result = copy.Apply(read.Plan!, cancellationToken);
            if (!result.Succeeded)
            {
                return Task.FromResult(ToolResults.Errors(result.Errors, "Nothing was changed."));
            }

            return Task.FromResult(ToolResults.Json(new JsonObject
            {
                ["applied"] = read.Plan!.Operations.Count,
                ["changes"] = ToolResults.Array(result.Changes, c => ToolResults.Change(c)),
                ["observations"] = ToolResults.Array(result.Observations, o => new JsonObject { ["op"] = o.Op, ["target"] = o.Target, ["text"] = o.Text }),
                ["applied_plans"] = copy.History.Count,
            }));
        }, cancellationToken));

    [McpServerTool(Name = "undo", Title = "Undo the last apply", Destructive = true, OpenWorld = false)]
    [Description("Undo the last successful apply_operations call on the session's working copy (repeat to go further back).")]
    public static Task<CallToolResult> Undo(
        IDocumentStore store,
        WorkingCopies copies,
        [Description("Session id from open_document")] string session,
        CancellationToken cancellationToken = default) =>
        ToolResults.GuardAsync(() => copies.UseAsync(store.Owner, session, copy =>
        {
            var undone = copy.Undo() ?? throw new ToolRefusalException("$.session", "nothing_to_undo", $"Nothing has been applied to session '{copy.Id}' (or everything was undone already).");
            return Task.FromResult(ToolResults.Json(new JsonObject
            {
                ["undone"] = ToolResults.Array(undone.Result.Changes, c => ToolResults.Change(c)),
                ["applied_plans"] = copy.History.Count,
            }));
        }, cancellationToken));

    /// <summary>The plan JSON the serializer reads: the given plan, or the operations under the session's host.</summary>
    private static string PlanJson(DocumentHost host, JsonElement? operations, JsonElement? plan, bool? trackChanges)
    {
        var hasOperations = operations is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        var hasPlan = plan is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        if (hasOperations == hasPlan)
        {
            throw new ToolRefusalException("$.operations", "operations_or_plan", "Give either operations (an array of {\"op\": ..., ...}) or a whole plan, not both and not neither.");
        }

        if (hasPlan)
        {
            return plan!.Value.GetRawText();
        }

        if (operations!.Value.ValueKind != JsonValueKind.Array)
        {
            throw new ToolRefusalException("$.operations", "type", $"operations must be an array of {{\"op\": ..., ...}} objects. Given: a JSON {operations.Value.ValueKind.ToString().ToLowerInvariant()}.");
        }

        return new JsonObject
        {
            ["host"] = host.ToName(),
            ["track_changes"] = trackChanges ?? false,
            ["operations"] = JsonNode.Parse(operations.Value.GetRawText()),
        }.ToJsonString();
    }
}
