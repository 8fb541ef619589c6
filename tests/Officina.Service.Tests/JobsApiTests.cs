using System.Net;
using System.Net.Http.Json;
using Officina.Excel;
using Officina.Planning.Tests;
using Officina.Service.Storage;

namespace Officina.Service.Tests;

/// <summary>Model jobs end to end against the scripted OpenAI-compatible server (never the real API).</summary>
public sealed class JobsApiTests : IDisposable
{
    private readonly ScriptedModelServer _model = new();
    private readonly ServiceApp _app;

    public JobsApiTests()
    {
        _app = new ServiceApp(new()
        {
            ["OPENAI_BASE_URL"] = _model.BaseUrl.ToString(),
            ["OFFICINA_MODEL"] = "qwen3:8b",
            ["OFFICINA_MAX_RETRIES"] = "0",
        });
    }

    [Fact]
    public async Task Preview_AppliesOnlyApprovedOperations_WhenASubsetIsApproved()
    {
        ScriptTwoWrites();
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1 and B1", "preview"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var waiting = await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");
        Assert.Equal("awaiting_approval", (string?)waiting["status"]);
        Assert.True((long)waiting["usage"]!["input_tokens"]! > 0);

        var plan = await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/jobs/{id}/plan"));
        Assert.Equal(["set_values", "set_values"], plan["operations"]!.AsArray().Select(o => (string)o!["op"]!));

        using var approve = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = new[] { 1 } });
        Assert.Equal(HttpStatusCode.Accepted, approve.StatusCode);
        var done = await ServiceApp.WaitAsync(client, id);
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Single(done["changes"]!.AsArray());
        using var book = WorkbookSession.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/jobs/{id}/result")));
        Assert.Equal("Second", PlansApiTests.Cell(book, "Sheet1!B1"));
        Assert.NotEqual("Total", PlansApiTests.Cell(book, "Sheet1!A1"));
    }

    [Fact]
    public async Task Job_GivesTheModelTheUploadedSourcesAsText_WhenSourcesAreSent()
    {
        ScriptTwoWrites();
        using var client = _app.CreateClient();
        using var form = ServiceApp.JobForm("Label A1 and B1 from the regions", "preview");
        form.Add(new ByteArrayContent("region,revenue\nNorthwind Traders,1234567\nSouth,80\n"u8.ToArray()), "sources", "regions.csv");

        using var response = await client.PostAsync("/api/v1/jobs", form);
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var waiting = await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");

        Assert.Equal("awaiting_approval", (string?)waiting["status"]);
        var first = _model.Requests[0].Body.ToJsonString();
        Assert.Contains("regions.csv", first, StringComparison.Ordinal);
        Assert.Contains("Northwind Traders", first, StringComparison.Ordinal);
        Assert.Contains("1234567", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_FailsWithSourceRejected_WhenASourceCannotBeRead()
    {
        using var client = _app.CreateClient();
        using var form = ServiceApp.JobForm("Use the report", "preview");
        form.Add(new ByteArrayContent("%PDF-1.7 not really a pdf"u8.ToArray()), "sources", "report.pdf");

        using var response = await client.PostAsync("/api/v1/jobs", form);
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var job = await ServiceApp.WaitAsync(client, id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("source_rejected", (string?)job["error"]!["code"]);
        Assert.Contains("report.pdf", (string?)job["error"]!["message"], StringComparison.Ordinal);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task Approve_ReturnsTheJob_WhenRepeatedWithTheSameIdempotencyKey()
    {
        ScriptTwoWrites();
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1 and B1", "preview"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");

        async Task<HttpResponseMessage> Approve(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/jobs/{id}/approve") { Content = JsonContent.Create(new { operations = new[] { 0 } }) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        using var first = await Approve("approve-1");
        using var repeated = await Approve("approve-1");
        using var other = await Approve("approve-2");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(client, id))["status"]);
    }

    [Fact]
    public async Task Approve_Returns400_WhenAnIndexIsOutOfRange()
    {
        ScriptTwoWrites();
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1 and B1", "preview"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");

        using var approve = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = new[] { 0, 5 } });

        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        var problem = await ServiceApp.JsonAsync(approve);
        Assert.Equal("$.operations[1]", (string?)problem["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task Apply_PlansAppliesAndVerifies_InOneJob()
    {
        ScriptTwoWrites();
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1 and B1"));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(2, job["changes"]!.AsArray().Count);
        using var book = WorkbookSession.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result")));
        Assert.Equal("Total", PlansApiTests.Cell(book, "Sheet1!A1"));
    }

    [Fact]
    public async Task Job_IsRetried_WhenTheModelAnswers500()
    {
        _model.Enqueue(new ScriptedReply(500, """{"error":{"message":"overloaded"}}"""));
        ScriptTwoWrites();
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1 and B1"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var job = await ServiceApp.WaitAsync(client, id);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(2, (await _app.Get<IJobStore>().GetAsync(id, default))!.Runs);
    }

    [Fact]
    public async Task Job_FailsWithoutRetry_WhenTheModelRefusesTheKey()
    {
        _model.Enqueue(new ScriptedReply(401, """{"error":{"message":"Incorrect API key provided"}}"""));
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var job = await ServiceApp.WaitAsync(client, id);
        await Task.Delay(3000);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("model_request", (string?)job["error"]!["code"]);
        Assert.Equal(1, (await _app.Get<IJobStore>().GetAsync(id, default))!.Runs);
    }

    [Fact]
    public async Task Cancel_CancelsAJobAwaitingApproval_AndApproveThenConflicts()
    {
        ScriptTwoWrites();
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Label A1 and B1", "preview"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");

        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        using var approve = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = (int[]?)null });

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled", (string?)(await ServiceApp.JsonAsync(cancel))["status"]);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
    }

    [Fact]
    public async Task Approve_Returns400AndTheJobStaysApprovable_WhenAKeptOperationNeedsAnUntickedOne()
    {
        ScriptSheetAndWrites();
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Add a Forecast sheet", "preview"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var waiting = await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");
        Assert.Equal("awaiting_approval", (string?)waiting["status"]);
        Assert.Empty(waiting["changes"]!.AsArray());
        Assert.Equal(3, waiting["preview"]!["changes"]!.AsArray().Count);

        var plan = await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/jobs/{id}/plan"));
        Assert.Equal([[], [0], []], plan["operations"]!.AsArray().Select(o => o!["depends_on"]!.AsArray().Select(d => (int)d!).ToArray()));

        using var refused = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = new[] { 1, 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ServiceApp.JsonAsync(refused);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("operation_dependency", (string?)error["rule"]);
        Assert.Equal("$.operations[0]", (string?)error["path"]);
        Assert.Equal("operation 1 (set_values on 'Forecast'!A1) needs operation 0 (add_sheet 'Forecast'), which is not approved.", (string?)error["message"]);
        Assert.Contains((string)error["message"]!, (string?)problem["detail"], StringComparison.Ordinal);
        var still = await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/jobs/{id}"));
        Assert.Equal("awaiting_approval", (string?)still["status"]);

        using var approved = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = new[] { 0, 1 } });
        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        var done = await ServiceApp.WaitAsync(client, id);
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal(["add_sheet", "set_values"], done["changes"]!.AsArray().Select(c => (string)c!["op"]!));
        using var book = WorkbookSession.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/jobs/{id}/result")));
        Assert.Equal("Year", PlansApiTests.Cell(book, "Forecast!A1"));
        Assert.NotEqual("Total", PlansApiTests.Cell(book, "Sheet1!A1"));
    }

    [Fact]
    public async Task Approve_ShowsNoChangesAndTheJobStaysApprovable_WhenTheApprovedOperationsFailToApply()
    {
        _model
            .Enqueue(Turns.Chat(Turns.Call("load_tools", new { names = new[] { "add_sheet", "delete_sheet" } })))
            .Enqueue(Turns.Chat(Turns.Call("add_sheet", new { name = "Forecast" })))
            .Enqueue(Turns.Chat(Turns.Call("delete_sheet", new { name = "Sheet1" })))
            .Enqueue(Turns.Chat(Turns.Call("delete_sheet", new { name = "Sheet2" })))
            .Enqueue(Turns.Chat(Turns.Call("delete_sheet", new { name = "Sheet3" })))
            .Enqueue(Turns.ChatText("Replaced the sheets with Forecast."));
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Replace the sheets with a Forecast sheet", "preview"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is "awaiting_approval" or "failed");

        // Without the new sheet the last delete would leave no sheet: only applying finds that out, as the plan does not say how many sheets there are.
        using var approve = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = new[] { 1, 2, 3 } });
        Assert.Equal(HttpStatusCode.Accepted, approve.StatusCode);
        var refused = await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] is not ("applying" or "verifying"));

        Assert.Equal("awaiting_approval", (string?)refused["status"]);
        Assert.Equal("approval_refused", (string?)refused["error"]!["code"]);
        Assert.Equal("$.operations[3].name", (string?)refused["error"]!["errors"]![0]!["path"]);
        Assert.Empty(refused["changes"]!.AsArray());
        Assert.Null(refused["verification"]);
        Assert.Null(refused["approved"]);
        Assert.Equal(4, refused["preview"]!["changes"]!.AsArray().Count);
        using var noResult = await client.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(HttpStatusCode.Conflict, noResult.StatusCode);

        using var again = await client.PostAsJsonAsync($"/api/v1/jobs/{id}/approve", new { operations = new[] { 0, 1, 2, 3 } });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var done = await ServiceApp.WaitAsync(client, id);
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Null(done["error"]);
        Assert.Equal(4, done["changes"]!.AsArray().Count);
    }

    public void Dispose()
    {
        _app.Dispose();
        _model.Dispose();
    }

    private void ScriptTwoWrites() => _model
        .Enqueue(Turns.Chat(Turns.Call("load_tools", new { names = new[] { "set_values" } })))
        .Enqueue(Turns.Chat(Turns.Call("set_values", new { range = "Sheet1!A1", values = new[] { new[] { "Total" } } })))
        .Enqueue(Turns.Chat(Turns.Call("set_values", new { range = "Sheet1!B1", values = new[] { new[] { "Second" } } })))
        .Enqueue(Turns.ChatText("Labelled A1 and B1."));

    private void ScriptSheetAndWrites() => _model
        .Enqueue(Turns.Chat(Turns.Call("load_tools", new { names = new[] { "add_sheet", "set_values" } })))
        .Enqueue(Turns.Chat(Turns.Call("add_sheet", new { name = "Forecast" })))
        .Enqueue(Turns.Chat(Turns.Call("set_values", new { range = "'Forecast'!A1", values = new[] { new[] { "Year" } } })))
        .Enqueue(Turns.Chat(Turns.Call("set_values", new { range = "Sheet1!A1", values = new[] { new[] { "Total" } } })))
        .Enqueue(Turns.ChatText("Added Forecast."));
}
