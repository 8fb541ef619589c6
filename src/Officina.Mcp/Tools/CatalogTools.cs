using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Officina.Operations;
using Officina.Planning;

namespace Officina.Mcp.Tools;

/// <summary>
/// The operation catalog on demand, in the spirit of tool search: the agent finds operations by
/// keyword (names and one-line summaries), then loads the schemas of the few it will call.
/// </summary>
[McpServerToolType]
public static class CatalogTools
{
    public const int MaxResults = 40;

    [McpServerTool(Name = "search_operations", Title = "Search the operation catalog", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Find operations by keywords in their names and summaries (e.g. 'formula', 'chart', 'heading style'). Returns names, hosts, kinds (read/write) and one-line summaries; then describe_operations for the schemas.")]
    public static CallToolResult SearchOperations(
        [Description("Keywords; empty lists every operation of the host")] string? query = null,
        [Description("excel, word or powerpoint; default all")] string? host = null)
    {
        DocumentHost? filter;
        try
        {
            filter = Host(host);
        }
        catch (ToolRefusalException ex)
        {
            return ToolResults.Errors(ex.Errors);
        }

        var words = Words(query ?? "");
        var found = DocumentSessions.Catalog.Operations
            .Where(o => filter is null || o.Host == filter)
            .Select((o, index) => (Operation: o, Index: index, Score: Score(o, words)))
            .Where(x => words.Length == 0 || x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Select(x => x.Operation)
            .ToList();
        return ToolResults.Json(new JsonObject
        {
            ["found"] = found.Count,
            ["operations"] = ToolResults.Array(found.Take(MaxResults), o => new JsonObject { ["name"] = o.Name, ["host"] = o.Host.ToName(), ["kind"] = o.Kind, ["summary"] = o.Summary }),
            ["note"] = found.Count > MaxResults ? $"Showing the best {MaxResults}; narrow the query or the host." : null,
        });
    }

    [McpServerTool(Name = "describe_operations", Title = "Describe operations", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The JSON schemas of operations' arguments, to write calls for apply_operations: each call is an object {\"op\": name, ...arguments}.")]
    public static CallToolResult DescribeOperations(
        [Description("Operation names from search_operations")] string[] names,
        [Description("excel, word or powerpoint; needed only when a name exists for several hosts")] string? host = null)
    {
        try
        {
            var filter = Host(host);
            var described = new JsonArray();
            var errors = new List<OperationError>();
            for (var i = 0; i < (names ?? []).Length; i++)
            {
                var matches = DocumentSessions.Catalog.Operations.Where(o => o.Name == names![i] && (filter is null || o.Host == filter)).ToList();
                if (matches.Count == 0)
                {
                    var suggestions = DocumentSessions.Catalog.Operations.Select(o => o.Host).Distinct()
                        .Where(h => filter is null || h == filter)
                        .SelectMany(h => DocumentSessions.Catalog.Suggest(h, names![i])).Distinct().Take(5).ToList();
                    errors.Add(new($"$.names[{i}]", "unknown_operation",
                        $"There is no operation '{names![i]}'{(filter is null ? "" : $" for {filter.Value.ToName()}")}.{(suggestions.Count > 0 ? $" Did you mean: {string.Join(", ", suggestions)}?" : " Use search_operations.")}"));
                }

                foreach (var o in matches)
                {
                    described.Add(new JsonObject { ["name"] = o.Name, ["host"] = o.Host.ToName(), ["kind"] = o.Kind, ["summary"] = o.Summary, ["schema"] = o.Schema.DeepClone() });
                }
            }

            if (names is not { Length: > 0 })
            {
                errors.Add(new("$.names", "required", "Name at least one operation (from search_operations)."));
            }

            return errors.Count > 0 ? ToolResults.Errors(errors) : ToolResults.Json(new JsonObject { ["operations"] = described });
        }
        catch (ToolRefusalException ex)
        {
            return ToolResults.Errors(ex.Errors);
        }
    }

    private static DocumentHost? Host(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : DocumentHosts.TryParse(name, out var host) ? host
        : throw new ToolRefusalException("$.host", "host", $"The host must be excel, word or powerpoint. Given: '{name}'.");

    /// <summary>Two points for each keyword in the name, one for each in the summary: <c>formula</c> ranks set_formulas above operations that mention formulas.</summary>
    private static int Score(OperationDescriptor operation, string[] words)
    {
        var summary = operation.Summary.ToLowerInvariant();
        return words.Sum(w => (operation.Name.Contains(w, StringComparison.Ordinal) ? 2 : 0) + (summary.Contains(w, StringComparison.Ordinal) ? 1 : 0));
    }

    private static string[] Words(string query) =>
        [.. query.ToLowerInvariant().Split([' ', ',', ';', '.', '/', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}
