using System.Diagnostics;
using Officina.Excel;
using Officina.Planning.Model;
using static Officina.Planning.Tests.Turns;

namespace Officina.Planning.Tests;

public sealed class ModelFaultTests
{
    private static readonly object WriteA1 = new { range = "Sheet1!A1", values = new object[][] { [1] } };

    [Fact]
    public async Task RunAsync_WaitsForRetryAfter_WhenServerAnswers429()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(new ScriptedReply(429, """{"error":{"message":"Rate limit reached"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" }))
            .Enqueue(ResponsesText("Nothing to do."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Look at the workbook");

        Assert.Equal(2, server.Requests.Count);
        var waited = server.Requests[1].At - server.Requests[0].At;
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"The retry came after {waited.TotalMilliseconds:0} ms; Retry-After asked for 1 s.");
        Assert.Equal("Nothing to do.", result.Message);
    }

    [Fact]
    public async Task RunAsync_Retries_WhenServerAnswers500()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(new ScriptedReply(500, """{"error":{"message":"boom"}}"""))
            .Enqueue(new ScriptedReply(503, """{"error":{"message":"overloaded"}}"""))
            .Enqueue(Responses(Call("set_values", WriteA1)))
            .Enqueue(ResponsesText("Done."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Put 1 in A1");

        Assert.Equal(4, server.Requests.Count);
        Assert.Single(result.Plan.Operations);
    }

    [Fact]
    public async Task RunAsync_FailsClearly_WhenServerKeepsFailing()
    {
        using var server = new ScriptedModelServer();
        for (var i = 0; i < 3; i++)
        {
            server.Enqueue(new ScriptedReply(500, """{"error":{"message":"still broken"}}"""));
        }

        using var session = WorkbookSession.Create();

        var error = await Assert.ThrowsAsync<PlanningException>(() => Harness.Loop(server).RunAsync(session, "Put 1 in A1"));

        Assert.Equal("model_request", error.Reason);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("still broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_RetriesAfterTimeout_WhenServerIsSlowOnce()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(new ScriptedReply(200, ResponsesText("late").ToJsonString(), Delay: TimeSpan.FromSeconds(3)))
            .Enqueue(ResponsesText("On time."));
        using var session = WorkbookSession.Create();
        var loop = new ModelLoop(Harness.Settings(server) with { NetworkTimeout = TimeSpan.FromSeconds(1) }, ExcelOperations.Catalog);

        var result = await loop.RunAsync(session, "Look at the workbook");

        Assert.Equal("On time.", result.Message);
    }

    [Fact]
    public async Task RunAsync_AsksForSmallerSteps_WhenOutputIsTruncated()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(ResponsesIncomplete())
            .Enqueue(Responses(Call("set_values", WriteA1)))
            .Enqueue(ResponsesText("Done."));
        using var session = WorkbookSession.Create();

        var result = await Harness.Loop(server).RunAsync(session, "Put 1 in A1");

        Assert.Single(result.Plan.Operations);
        var retry = Harness.InputText(server.Requests[1]);
        Assert.Contains("cut off", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022val", retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Fails_WhenOutputIsTruncatedRepeatedly()
    {
        using var server = new ScriptedModelServer();
        for (var i = 0; i < 3; i++)
        {
            server.Enqueue(ResponsesIncomplete());
        }

        using var session = WorkbookSession.Create();

        var error = await Assert.ThrowsAsync<PlanningException>(() => Harness.Loop(server).RunAsync(session, "Put 1 in A1"));

        Assert.Equal("truncated", error.Reason);
        Assert.Empty(session.Changes);
    }

    [Fact]
    public async Task RunAsync_FailsWithRefusalText_WhenModelRefuses()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(ResponsesRefusal("I can't help with that."));
        using var session = WorkbookSession.Create();

        var error = await Assert.ThrowsAsync<PlanningException>(() => Harness.Loop(server).RunAsync(session, "Do something bad"));

        Assert.Equal("refusal", error.Reason);
        Assert.Contains("I can't help with that.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StopsAtStepLimit_WhenModelNeverStopsCallingTools()
    {
        using var server = new ScriptedModelServer();
        for (var i = 0; i < 10; i++)
        {
            server.Enqueue(Responses(Call("list_sheets", new { })));
        }

        using var session = WorkbookSession.Create();
        var loop = Harness.Loop(server, limits: new LoopLimits { MaxSteps = 5 });

        var error = await Assert.ThrowsAsync<PlanningException>(() => loop.RunAsync(session, "Look around"));

        Assert.Equal("step_limit", error.Reason);
        Assert.Equal(5, server.Requests.Count);
        Assert.Equal(5, error.Usage.Requests);
        Assert.Contains("nothing was saved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Fails_WhenModelKeepsSendingInvalidCalls()
    {
        using var server = new ScriptedModelServer();
        for (var i = 0; i < 10; i++)
        {
            server.Enqueue(Responses(Call("set_values", "not json")));
        }

        using var session = WorkbookSession.Create();
        var loop = Harness.Loop(server, limits: new LoopLimits { MaxConsecutiveFailures = 2 });

        var error = await Assert.ThrowsAsync<PlanningException>(() => loop.RunAsync(session, "Put 1 in A1"));

        Assert.Equal("invalid_tool_calls", error.Reason);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_StopsAtTokenLimit_WhenUsageExceedsIt()
    {
        using var server = new ScriptedModelServer();
        server.Enqueue(Responses(Call("list_sheets", new { })));
        using var session = WorkbookSession.Create();
        var loop = Harness.Loop(server, limits: new LoopLimits { MaxTokens = 500 });

        var error = await Assert.ThrowsAsync<PlanningException>(() => loop.RunAsync(session, "Look around"));

        Assert.Equal("token_limit", error.Reason);
    }
}
