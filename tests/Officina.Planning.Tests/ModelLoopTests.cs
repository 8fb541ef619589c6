using System.Text.Json.Nodes;
using Officina.Excel;
using Officina.Operations;
using Officina.Planning.Model;
using static Officina.Planning.Tests.Turns;

namespace Officina.Planning.Tests;

public sealed class ModelLoopTests
{
    [Fact]
    public async Task RunAsync_ProducesCorrectWorkbook_WhenModelUsesToolsOverSeveralTurns()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("list_sheets", new { })))
            .Enqueue(Responses(Call("set_values", new { range = "Sheet1!A1:B3", values = new object[][] { ["Year", "Revenue"], [2026, 1000], [2027, null!] } })))
            .Enqueue(Responses(Call("set_formulas", new { range = "Sheet1!B3", formula = "=B2*1.1", formulas = (object?)null })))
            .Enqueue(ResponsesText("Added a two-year revenue table."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Add a revenue table for 2026 and 2027");

        Assert.Equal(["set_values", "set_formulas"], result.Plan.Operations.Select(o => o.Op));
        Assert.Equal(4, result.Steps);
        Assert.Equal("Added a two-year revenue table.", result.Message);
        using var reopened = Harness.Reopen(session);
        Assert.Equal("Revenue", reopened.Value("Sheet1!B1").ToString());
        Assert.Equal(1000, reopened.Value("Sheet1!B2").Number);
        Assert.Equal("=B2*1.1", reopened.Formula("Sheet1!B3"));

        // The read was answered with an observation the model saw in its next request.
        var second = server.Requests[1];
        Assert.Equal("/v1/responses", second.Path);
        Assert.Contains("Sheet1", Harness.InputText(second), StringComparison.Ordinal);
        Assert.Equal(4, result.Usage.Requests);
        Assert.Equal(4000, result.Usage.InputTokens);
        Assert.Equal(2000, result.Usage.CachedInputTokens);
        Assert.Equal(200, result.Usage.ReasoningTokens);
        Assert.True(result.Usage.EstimatedCostUsd > 0);
    }

    [Fact]
    public async Task RunAsync_ReportsProgress_AfterEachRequestAndToolCall()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("read_range", new { range = "Sheet1!A1:B2" })))
            .Enqueue(Responses(Call("set_values", new { range = "Sheet1!A1", values = new object[][] { ["Total"] } })))
            .Enqueue(ResponsesText("Done."));
        using var session = WorkbookSession.Create();
        var reports = new List<PlanProgress>();
        var loop = Harness.Loop(server);
        loop.Progress = new SynchronousProgress(reports.Add);

        await loop.RunAsync(session, "Label the total");

        Assert.Equal(
            ["step 1: asking the model", "step 1: read_range Sheet1!A1:B2", "step 2: asking the model", "step 2: set_values Sheet1!A1", "step 3: asking the model"],
            reports.Select(r => r.Current));
        Assert.Equal([0, 0, 0, 1, 1], reports.Select(r => r.Done));
    }

    private sealed class SynchronousProgress(Action<PlanProgress> report) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => report(value);
    }

    [Fact]
    public async Task RunAsync_AppliesParallelCallsInOrder_WhenOneTurnHasSeveral()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(
                Call("add_sheet", new { name = "Inputs", position = (int?)null }),
                Call("set_values", new { range = "Inputs!A1:B1", values = new object[][] { ["Growth", 0.08] } }),
                Call("set_formulas", new { range = "Sheet1!A1", formula = "=Inputs!B1*100", formulas = (object?)null })))
            .Enqueue(ResponsesText("Done."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Add an Inputs sheet with the growth rate");

        Assert.Equal(["add_sheet", "set_values", "set_formulas"], result.Plan.Operations.Select(o => o.Op));
        using var reopened = Harness.Reopen(session);
        Assert.Equal(0.08, reopened.Value("Inputs!B1").Number);
        Assert.Equal("=Inputs!B1*100", reopened.Formula("Sheet1!A1"));
        var outputs = server.Requests[1].Body["input"]!.AsArray().Where(i => (string?)i!["type"] == "function_call_output").ToList();
        Assert.Equal(3, outputs.Count);
    }

    [Fact]
    public async Task RunAsync_SendsDeferredNamespacesAndToolSearch_WhenModelSupportsNativeSearch()
    {
        using var server = new ScriptedModelServer();
        var search = new JsonObject { ["type"] = "tool_search_call", ["id"] = "ts_1", ["execution"] = "server", ["status"] = "completed", ["arguments"] = new JsonObject { ["paths"] = new JsonArray("excel_cells") } };
        var searchOutput = new JsonObject
        {
            ["type"] = "tool_search_output", ["id"] = "tso_1", ["execution"] = "server", ["status"] = "completed",
            ["tools"] = new JsonArray(new JsonObject { ["type"] = "namespace", ["name"] = "excel_cells", ["description"] = "cells", ["tools"] = new JsonArray(new JsonObject { ["type"] = "function", ["name"] = "set_values" }) }),
        };
        server.Enqueue(ResponsesWith(search, searchOutput, FunctionCall("set_values", new { range = "Sheet1!A1", values = new object[][] { [42] } }, "excel_cells")))
            .Enqueue(ResponsesText("Wrote 42."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Put 42 in A1");

        var tools = server.Requests[0].Body["tools"]!.AsArray();
        Assert.Contains(tools, t => (string?)t!["type"] == "tool_search");
        var namespaces = tools.Where(t => (string?)t!["type"] == "namespace").ToList();
        Assert.NotEmpty(namespaces);
        Assert.All(namespaces, ns =>
        {
            var functions = ns!["tools"]!.AsArray();
            Assert.InRange(functions.Count, 1, 9);
            Assert.All(functions, f => Assert.True((bool)f!["defer_loading"]! && (bool)f["strict"]!));
        });
        Assert.Contains("set_values", result.LoadedTools);
        Assert.Equal(42, Harness.Reopen(session).Value("Sheet1!A1").Number);

        // The search items are echoed back so the model keeps what it loaded.
        var input = Harness.InputText(server.Requests[1]);
        Assert.Contains("tool_search_output", input, StringComparison.Ordinal);
        Assert.Equal("medium", (string?)server.Requests[0].Body["reasoning"]!["effort"]);
    }

    [Fact]
    public async Task RunAsync_LoadsToolsThroughManifest_WhenEndpointSpeaksChatCompletions()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Chat(Call("load_tools", new { names = new[] { "set_values", "no_such_op" } })))
            .Enqueue(Chat(Call("set_values", new { range = "Sheet1!A1:A2", values = new object[][] { [1], [2] } })))
            .Enqueue(ChatText("Done."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server, ApiStyle.Chat).RunAsync(session, "Write 1 and 2 down column A");

        Assert.All(server.Requests, r => Assert.Equal("/v1/chat/completions", r.Path));
        var first = server.Requests[0].Body;
        Assert.Equal(["load_tools"], first["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]));
        Assert.Contains("- set_values:", (string?)first["messages"]![0]!["content"], StringComparison.Ordinal);
        var second = server.Requests[1].Body;
        Assert.Equal(["load_tools", "set_values"], second["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]));
        Assert.Contains("no_such_op", second["messages"]!.AsArray().Last()!["content"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Harness.Reopen(session).Value("Sheet1!A2").Number);
        Assert.Single(result.Plan.Operations);
    }

    [Fact]
    public async Task RunAsync_ReturnsErrorsToModel_WhenArgumentsAreMalformedOrInvalid()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("set_values", "{\"range\": \"Sheet1!A1\", \"values\": [[1]")))
            .Enqueue(Responses(Call("set_values", new { range = "Nowhere!A1", values = new object[][] { [1] } })))
            .Enqueue(Responses(Call("set_valeus", new { range = "Sheet1!A1", values = new object[][] { [1] } })))
            .Enqueue(Responses(Call("set_values", new { range = "Sheet1!A1", values = new object[][] { [7] } })))
            .Enqueue(ResponsesText("Fixed."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Put 7 in A1");

        Assert.Contains("not valid JSON", Harness.InputText(server.Requests[1]), StringComparison.Ordinal);
        Assert.Contains("Nowhere", Harness.InputText(server.Requests[2]), StringComparison.Ordinal);
        Assert.Contains("did you mean", Harness.InputText(server.Requests[3]), StringComparison.OrdinalIgnoreCase);
        Assert.Single(result.Plan.Operations);
        Assert.Equal(7, Harness.Reopen(session).Value("Sheet1!A1").Number);
    }

    [Fact]
    public async Task RunAsync_FeedsFindingsBackForRepair_WhenVerificationReportsErrors()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("set_formulas", new { range = "Sheet1!A1", formula = "=1/0", formulas = (object?)null })))
            .Enqueue(ResponsesText("Done."))
            .Enqueue(Responses(Call("set_formulas", new { range = "Sheet1!A1", formula = "=IFERROR(1/0,0)", formulas = (object?)null })))
            .Enqueue(ResponsesText("Repaired."));
        using var session = WorkbookSession.Create();
        var loop = new ModelLoop(Harness.Settings(server), ExcelOperations.Catalog) { AdditionalChecks = DivisionByZeroCheck };

        var result = await loop.RunAsync(session, "Put a ratio in A1");

        Assert.Equal(1, result.RepairRounds);
        Assert.False(result.Verification.HasErrors);
        Assert.Contains("#DIV/0!", Harness.InputText(server.Requests[2]), StringComparison.Ordinal);
        Assert.Equal("=IFERROR(1/0,0)", Harness.Reopen(session).Formula("Sheet1!A1"));
        Assert.Equal(2, result.Plan.Operations.Count);
    }

    /// <summary>Stands in for recalculation until the verify helper lands: flags a bare =1/0.</summary>
    private static Task<VerificationReport> DivisionByZeroCheck(IDocumentSession session, CancellationToken cancellationToken)
    {
        var formula = ((WorkbookSession)session).Formula("Sheet1!A1");
        IReadOnlyList<Finding> findings = formula == "=1/0" ? [new Finding(FindingSeverity.Error, "#DIV/0!", "Sheet1!A1", "The formula =1/0 evaluates to #DIV/0!.")] : [];
        return Task.FromResult(new VerificationReport(findings, ["test: division by zero"]));
    }
}
