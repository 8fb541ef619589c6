using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Officina.Mcp.Tests;

/// <summary>Calls a tool the way an agent does and reads its JSON answer; shared by the stdio and HTTP tests.</summary>
public static class McpCalls
{
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object arguments)
    {
        ArgumentNullException.ThrowIfNull(client);
        var dictionary = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(arguments))!.AsObject()
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        return await client.CallToolAsync(tool, dictionary);
    }

    /// <summary>Calls <paramref name="tool"/> and returns its JSON, failing the test when it is a tool error.</summary>
    public static async Task<JsonObject> OkAsync(this McpClient client, string tool, object arguments)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}");
        return Json(result);
    }

    /// <summary>Calls <paramref name="tool"/> expecting a tool error; returns its errors.</summary>
    public static async Task<JsonArray> ErrorAsync(this McpClient client, string tool, object arguments)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} should have failed: {Text(result)}");
        return Json(result)["errors"]!.AsArray();
    }

    public static string Text(CallToolResult result) =>
        string.Join("\n", (result ?? throw new ArgumentNullException(nameof(result))).Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static JsonObject Json(CallToolResult result) => JsonNode.Parse(Text(result))!.AsObject();

    public static string Asset(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "Assets", folder, name);
}
