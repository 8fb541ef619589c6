using System.Text.Json.Nodes;
using Officina.Operations;
using Officina.Planning.Model;

namespace Officina.Planning.Tools;

/// <summary>
/// Tool-definition tokens (o200k) of a request that ends up using <see cref="Loaded"/>
/// operations: with the whole catalog sent in full, with hosted tool search (the model sees
/// namespace names and descriptions, then the loaded functions), and with our manifest plus
/// <c>load_tools</c> (the manifest text, the load_tools definition, then the loaded functions).
/// </summary>
public sealed record ToolSearchSavings(int CatalogSize, IReadOnlyList<string> Loaded, int FullCatalogTokens, int NativeSearchTokens, int ManifestTokens)
{
    public double NativeSaved => 1 - ((double)NativeSearchTokens / FullCatalogTokens);

    public double ManifestSaved => 1 - ((double)ManifestTokens / FullCatalogTokens);

    /// <summary>The operations a typical task loads (write values, write formulas, format, add a sheet), filled up from the catalog.</summary>
    public static IReadOnlyList<string> TypicalTask(IReadOnlyList<OperationDescriptor> operations, int count = 4)
    {
        ArgumentNullException.ThrowIfNull(operations);
        string[] preferred = ["set_values", "set_formulas", "format_range", "add_sheet", "read_range"];
        return [.. preferred.Where(p => operations.Any(o => o.Name == p))
            .Concat(operations.Select(o => o.Name).Where(n => !preferred.Contains(n)))
            .Take(count)];
    }

    public static ToolSearchSavings Measure(IReadOnlyList<OperationDescriptor> operations, IReadOnlyList<string> loaded)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(loaded);
        var tools = new ToolDefinitions(operations);
        var loadedOps = operations.Where(o => loaded.Contains(o.Name)).ToList();

        var full = Tokens(new JsonArray([.. operations.Select(o => (JsonNode)ToolDefinitions.ResponsesFunction(o))]));
        var loadedTokens = Tokens(new JsonArray([.. loadedOps.Select(o => (JsonNode)ToolDefinitions.ResponsesFunction(o))]));

        // What the model sees up front with hosted search: each namespace's name and description, and the search tool.
        var stubs = new JsonArray([.. tools.Namespaces.Select(ns => (JsonNode)new JsonObject { ["type"] = "namespace", ["name"] = ns.Name, ["description"] = ns.Description })]);
        stubs.Add(new JsonObject { ["type"] = "tool_search" });
        var native = Tokens(stubs) + loadedTokens;

        var manifest = TokenCounter.Count(tools.Manifest()) + Tokens(ToolDefinitions.LoadToolsDefinition(ApiStyle.Responses)) + loadedTokens;
        return new ToolSearchSavings(operations.Count, loaded, full, native, manifest);
    }

    public override string ToString() =>
        $"{CatalogSize} operations, task loads {Loaded.Count} ({string.Join(", ", Loaded)}): whole catalog {FullCatalogTokens} tokens; "
        + $"tool_search {NativeSearchTokens} ({NativeSaved:P0} saved); manifest + load_tools {ManifestTokens} ({ManifestSaved:P0} saved)";

    private static int Tokens(JsonNode node) => TokenCounter.Count(node.ToJsonString());
}
