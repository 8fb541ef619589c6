using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Officina.Operations;
using Officina.Planning;
using Xunit.Abstractions;

namespace Officina.Mcp.Tests;

/// <summary>
/// What the tool list costs a client up front: the server's fixed tools against every operation
/// exposed as its own MCP tool (name, summary, strict schema), both as tools/list sends them,
/// counted with the o200k tokenizer (<see cref="TokenCounter"/>) and as characters / 4. The
/// README records the numbers this prints.
/// </summary>
public sealed class ToolDefinitionTokensTests(StdioServer server, ITestOutputHelper output) : IClassFixture<StdioServer>
{
    [Fact]
    public async Task FixedTools_CostAFractionOfOneToolPerOperation()
    {
        var listed = await server.Client.ListToolsAsync();
        var ours = JsonSerializer.Serialize(listed.Select(t => t.ProtocolTool), McpJsonUtilities.DefaultOptions);
        var perOperation = JsonSerializer.Serialize(
            DocumentSessions.Catalog.Operations.Select(o => new Tool
            {
                Name = $"{o.Host.ToName()}_{o.Name}",
                Description = o.Summary,
                InputSchema = JsonSerializer.SerializeToElement(o.Schema),
            }),
            McpJsonUtilities.DefaultOptions);

        var (oursTokens, perOperationTokens) = (TokenCounter.Count(ours), TokenCounter.Count(perOperation));
        output.WriteLine($"fixed tools: {listed.Count} tools, {oursTokens} o200k tokens, {ours.Length / 4} chars/4");
        output.WriteLine($"one tool per operation: {DocumentSessions.Catalog.Operations.Count} tools, {perOperationTokens} o200k tokens, {perOperation.Length / 4} chars/4");
        output.WriteLine($"saved: {1 - ((double)oursTokens / perOperationTokens):P0}");

        Assert.True(oursTokens * 5 < perOperationTokens, $"{oursTokens} tokens for the fixed tools against {perOperationTokens} for one tool per operation");
    }
}
