using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Officina.Mcp.Tests;

/// <summary><c>officina mcp</c> driven by the official MCP client over stdio, as an agent drives it.</summary>
public sealed class StdioServerTests(StdioServer server) : IClassFixture<StdioServer>
{
    public static readonly string[] ToolNames =
        ["open_document", "inspect_document", "close_document", "search_operations", "describe_operations", "apply_operations", "undo", "verify_document", "render_page", "save_document"];

    [Fact]
    public async Task ListTools_ReturnsTheSmallFixedSet()
    {
        var tools = await server.Client.ListToolsAsync();

        Assert.Equal(ToolNames.Order(), tools.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Workbook_OpensChangesVerifiesRendersAndSaves()
    {
        var input = server.Copy("xlsx", "basicspread.xlsx");
        var before = await File.ReadAllBytesAsync(input);
        var opened = await server.Client.OkAsync("open_document", new { path = input });
        var session = (string)opened["session"]!;
        Assert.Equal("excel", (string?)opened["host"]);
        Assert.Contains("Sheet1", (string?)opened["digest"], StringComparison.Ordinal);

        var errors = await server.Client.ErrorAsync("apply_operations", new
        {
            session,
            operations = new object[]
            {
                new { op = "set_values", range = "Sheet1!D1", values = new[] { new object[] { "ok" } } },
                new { op = "set_values", range = "Sheet1!A1:XYZ", values = new[] { new object[] { "Total" } } },
            },
        });
        Assert.StartsWith("$.operations[1]", (string?)errors[0]!["path"], StringComparison.Ordinal);
        var unchanged = await server.Client.OkAsync("inspect_document", new { session });
        Assert.Equal(0, (int)unchanged["applied_plans"]!);
        Assert.Empty(unchanged["changes"]!.AsArray());

        var applied = await server.Client.OkAsync("apply_operations", new
        {
            session,
            operations = new object[] { new { op = "set_values", range = "Sheet1!A1", values = new[] { new object[] { "Written over MCP" } } } },
        });
        Assert.Equal("set_values", (string?)applied["changes"]![0]!["op"]);

        var verified = await server.Client.OkAsync("verify_document", new { session });
        Assert.False((bool)verified["has_errors"]!, verified.ToJsonString());

        var rendered = await server.Client.CallAsync("render_page", new { session, page = 1, dpi = 48 });
        Assert.False(rendered.IsError == true, McpCalls.Text(rendered));
        var image = Assert.Single(rendered.Content.OfType<ImageContentBlock>());
        Assert.Equal("image/png", image.MimeType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.DecodedData.ToArray().Take(4));

        var refused = await server.Client.ErrorAsync("save_document", new { session, path = input });
        Assert.Equal("input", (string?)refused[0]!["rule"]);
        var output = Path.Combine(server.Root, "out", "budget.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var saved = await server.Client.OkAsync("save_document", new { session, path = output });
        Assert.Equal(output, (string?)saved["saved"]);
        Assert.Equal(before, await File.ReadAllBytesAsync(input));

        var reopened = (string)(await server.Client.OkAsync("open_document", new { path = output }))["session"]!;
        var read = await server.Client.OkAsync("apply_operations", new { session = reopened, operations = new object[] { new { op = "read_range", range = "Sheet1!A1" } } });
        Assert.Contains("Written over MCP", (string?)read["observations"]![0]!["text"], StringComparison.Ordinal);
        await server.Client.OkAsync("close_document", new { session = reopened });
        await server.Client.OkAsync("close_document", new { session });
    }

    [Fact]
    public async Task Undo_RevertsTheLastApply()
    {
        var session = (string)(await server.Client.OkAsync("open_document", new { path = server.Copy("xlsx", "basicspread.xlsx", "undo.xlsx") }))["session"]!;
        await server.Client.OkAsync("apply_operations", new { session, operations = new object[] { new { op = "add_sheet", name = "Kept" } } });
        await server.Client.OkAsync("apply_operations", new { session, operations = new object[] { new { op = "add_sheet", name = "Undone" } } });

        var undone = await server.Client.OkAsync("undo", new { session });

        Assert.Equal(1, (int)undone["applied_plans"]!);
        var digest = (string)(await server.Client.OkAsync("inspect_document", new { session }))["digest"]!;
        Assert.Contains("Kept", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Undone", digest, StringComparison.Ordinal);
        await server.Client.OkAsync("close_document", new { session });
    }

    [Fact]
    public async Task Document_OpensChangesAndSaves()
    {
        var session = (string)(await server.Client.OkAsync("open_document", new { path = server.Copy("docx", "python-docx-report.docx") }))["session"]!;
        await server.Client.OkAsync("apply_operations", new
        {
            session,
            operations = new object?[] { new { op = "insert_paragraph", anchor = "start", text = "Inserted over MCP", position = (string?)null, style = (string?)null } },
        });
        var output = Path.Combine(server.Root, "report-mcp.docx");

        await server.Client.OkAsync("save_document", new { session, path = output });

        var reopened = await server.Client.OkAsync("open_document", new { path = output });
        Assert.Contains("Inserted over MCP", (string?)reopened["digest"], StringComparison.Ordinal);
        await server.Client.OkAsync("close_document", new { session = (string)reopened["session"]! });
        await server.Client.OkAsync("close_document", new { session });
    }

    [Fact]
    public async Task Deck_OpensChangesAndSavesAWholePlan()
    {
        var session = (string)(await server.Client.OkAsync("open_document", new { path = server.Copy("pptx", "libreoffice-features.pptx") }))["session"]!;
        var plan = JsonNode.Parse("""
            {"host":"powerpoint","operations":[{"op":"add_slide","layout":null,"title":"Slide made over MCP","bullets":[{"text":"One","level":null}],"notes":null,"position":1}]}
            """);
        await server.Client.OkAsync("apply_operations", new { session, plan });

        var saved = await server.Client.OkAsync("save_document", new { session });

        var output = (string)saved["saved"]!;
        Assert.Equal(Path.Combine(server.Root, "libreoffice-features-officina.pptx"), output);
        var reopened = await server.Client.OkAsync("open_document", new { path = output });
        Assert.Contains("Slide made over MCP", (string?)reopened["digest"], StringComparison.Ordinal);
        await server.Client.OkAsync("close_document", new { session = (string)reopened["session"]! });
        await server.Client.OkAsync("close_document", new { session });
    }

    [Fact]
    public async Task Paths_OutsideTheRoots_AreRefused()
    {
        var secret = Path.Combine(server.Outside, "secret.xlsx");
        File.Copy(McpCalls.Asset("xlsx", "basicspread.xlsx"), secret);
        var link = Path.Combine(server.Root, "link.xlsx");
        File.CreateSymbolicLink(link, secret);
        var folderLink = Path.Combine(server.Root, "elsewhere");
        Directory.CreateSymbolicLink(folderLink, server.Outside);

        foreach (var path in new[] { secret, link, Path.Combine(folderLink, "secret.xlsx"), Path.Combine(server.Root, "..", Path.GetFileName(server.Outside), "secret.xlsx"), "../" + Path.GetFileName(server.Outside) + "/secret.xlsx" })
        {
            var errors = await server.Client.ErrorAsync("open_document", new { path });
            Assert.Equal("outside_roots", (string?)errors[0]!["rule"]);
        }

        var session = (string)(await server.Client.OkAsync("open_document", new { path = server.Copy("xlsx", "basicspread.xlsx", "inside.xlsx") }))["session"]!;
        var saveErrors = await server.Client.ErrorAsync("save_document", new { session, path = Path.Combine(folderLink, "written.xlsx") });
        Assert.Equal("outside_roots", (string?)saveErrors[0]!["rule"]);
        Assert.False(File.Exists(Path.Combine(server.Outside, "written.xlsx")));
        await server.Client.OkAsync("close_document", new { session });
    }

    [Fact]
    public async Task SearchAndDescribe_FindOperationsAndTheirSchemas()
    {
        var found = await server.Client.OkAsync("search_operations", new { query = "formula", host = "excel" });
        Assert.Equal("set_formulas", (string?)found["operations"]![0]!["name"]);

        var described = await server.Client.OkAsync("describe_operations", new { names = new[] { "set_formulas" }, host = "excel" });
        Assert.Equal("object", (string?)described["operations"]![0]!["schema"]!["type"]);

        var unknown = await server.Client.ErrorAsync("describe_operations", new { names = new[] { "set_formula" }, host = "excel" });
        Assert.Contains("set_formulas", (string?)unknown[0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_OfferEachHostsCraftGuide()
    {
        var prompts = await server.Client.ListPromptsAsync();
        Assert.Equal(["excel_craft", "powerpoint_craft", "word_craft"], prompts.Select(p => p.Name).Order());

        var excel = await server.Client.GetPromptAsync("excel_craft");

        Assert.Contains("No hard-coded numbers", ((TextContentBlock)excel.Messages[0].Content).Text, StringComparison.Ordinal);
    }
}
