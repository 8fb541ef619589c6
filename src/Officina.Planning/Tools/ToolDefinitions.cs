using System.Text;
using System.Text.Json.Nodes;
using Officina.Operations;
using Officina.Planning.Model;

namespace Officina.Planning.Tools;

/// <summary>
/// The tools a request offers, in the JSON each API style expects: every operation as a
/// strict function tool (name = op, description = summary, parameters = the operation's
/// strict schema), grouped into deferred namespaces plus <c>tool_search</c> for OpenAI's
/// hosted tool search, or a manifest plus <c>load_tools</c> for other endpoints.
/// </summary>
public sealed class ToolDefinitions(IReadOnlyList<OperationDescriptor> operations)
{
    public const string LoadTools = "load_tools";

    public IReadOnlyList<OperationDescriptor> Operations { get; } = operations;

    public IReadOnlyList<ToolNamespace> Namespaces { get; } = ToolNamespaces.For(operations);

    public OperationDescriptor? Find(string name) => Operations.FirstOrDefault(o => o.Name == name);

    /// <summary>A Responses-style function tool: <c>{type, name, description, parameters, strict}</c>.</summary>
    public static JsonObject ResponsesFunction(OperationDescriptor operation, bool deferLoading = false)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var tool = new JsonObject
        {
            ["type"] = "function",
            ["name"] = operation.Name,
            ["description"] = operation.Summary,
        };
        if (deferLoading)
        {
            tool["defer_loading"] = true;
        }

        tool["parameters"] = Parameters(operation);
        tool["strict"] = true;
        return tool;
    }

    /// <summary>A Chat Completions function tool: <c>{type, function: {name, description, parameters, strict}}</c>.</summary>
    public static JsonObject ChatFunction(OperationDescriptor operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = operation.Name,
                ["description"] = operation.Summary,
                ["parameters"] = Parameters(operation),
                ["strict"] = true,
            },
        };
    }

    /// <summary>Hosted tool search: one namespace per group with every function deferred, then <c>{"type":"tool_search"}</c>.</summary>
    public JsonArray NativeSearchTools()
    {
        var tools = new JsonArray();
        foreach (var ns in Namespaces)
        {
            tools.Add(new JsonObject
            {
                ["type"] = "namespace",
                ["name"] = ns.Name,
                ["description"] = ns.Description,
                ["tools"] = new JsonArray([.. ns.Operations.Select(o => (JsonNode)ResponsesFunction(o, deferLoading: true))]),
            });
        }

        tools.Add(new JsonObject { ["type"] = "tool_search" });
        return tools;
    }

    /// <summary>The manifest path: <c>load_tools</c> plus the full definitions of <paramref name="loaded"/>.</summary>
    public JsonArray ManifestTools(ApiStyle style, IEnumerable<string> loaded)
    {
        var tools = new JsonArray { LoadToolsDefinition(style) };
        foreach (var operation in Operations.Where(o => loaded.Contains(o.Name)))
        {
            tools.Add(style == ApiStyle.Chat ? ChatFunction(operation) : ResponsesFunction(operation));
        }

        return tools;
    }

    /// <summary>Every operation's full definition, as a plain tool list (no search).</summary>
    public JsonArray AllTools(ApiStyle style) =>
        new([.. Operations.Select(o => (JsonNode)(style == ApiStyle.Chat ? ChatFunction(o) : ResponsesFunction(o)))]);

    /// <summary>Names and one-line summaries by namespace, for the instructions of the manifest path.</summary>
    public string Manifest()
    {
        var text = new StringBuilder();
        text.AppendLine($"Operations ({LoadTools} them first):");
        foreach (var ns in Namespaces)
        {
            text.AppendLine($"[{ns.Name}]");
            foreach (var operation in ns.Operations)
            {
                text.AppendLine($"- {operation.Name}: {operation.Summary}");
            }
        }

        return text.ToString();
    }

    public static JsonObject LoadToolsDefinition(ApiStyle style)
    {
        var parameters = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["names"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Operation names from the manifest",
                    ["items"] = new JsonObject { ["type"] = "string" },
                },
            },
            ["required"] = new JsonArray("names"),
            ["additionalProperties"] = false,
        };
        const string description = "Load operations from the manifest before calling them; load all you need at once.";
        return style == ApiStyle.Chat
            ? new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = LoadTools, ["description"] = description, ["parameters"] = parameters, ["strict"] = true },
            }
            : new JsonObject { ["type"] = "function", ["name"] = LoadTools, ["description"] = description, ["parameters"] = parameters, ["strict"] = true };
    }

    /// <summary>The operation schema without its top-level description (the tool's description already says it).</summary>
    private static JsonObject Parameters(OperationDescriptor operation)
    {
        var schema = operation.Schema.DeepClone().AsObject();
        schema.Remove("description");
        return schema;
    }
}
