using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Officina.Service.Tests;

/// <summary>Jobs without a model: missing configuration, validation, listing, events, cancelling a running job.</summary>
public sealed class JobLifecycleTests : IDisposable
{
    private readonly ServiceApp _app = new(new() { ["Officina:StepDelayMilliseconds"] = "150" });

    [Fact]
    public async Task ModelJob_FailsSayingWhatToSet_WhenNoModelIsConfigured()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/jobs", ServiceApp.JobForm("Make the header bold"));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("model_not_configured", (string?)job["error"]!["code"]);
        Assert.Contains("OPENAI_API_KEY", (string?)job["error"]!["message"], StringComparison.Ordinal);
        Assert.Contains("OPENAI_BASE_URL", (string?)job["error"]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "apply", "excel", "$.instruction")]
    [InlineData("Do it", "later", "excel", "$.mode")]
    [InlineData("Do it", "apply", null, "$.host")]
    [InlineData("Do it", "apply", "visio", "$.host")]
    public async Task Create_Returns400NamingTheField_WhenAFieldIsWrong(string? instruction, string mode, string? host, string path)
    {
        using var client = _app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent(mode), "mode" } };
        if (instruction is not null)
        {
            form.Add(new StringContent(instruction), "instruction");
        }

        if (host is not null)
        {
            form.Add(new StringContent(host), "host");
        }

        using var response = await client.PostAsync("/api/v1/jobs", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(path, (string?)(await ServiceApp.JsonAsync(response))["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task List_ReturnsNewestFirstInPages()
    {
        using var client = _app.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
            ids.Add((string)(await ServiceApp.JsonAsync(response))["id"]!);
        }

        var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/jobs?page=1&page_size=2");
        var second = await client.GetFromJsonAsync<JsonObject>("/api/v1/jobs?page=2&page_size=2");

        Assert.Equal(3, (int)page!["total"]!);
        Assert.Equal([ids[2], ids[1]], page["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal([ids[0]], second!["items"]!.AsArray().Select(j => (string)j!["id"]!));
    }

    [Fact]
    public async Task Events_StreamProgressAndEndWithDone()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;

        using var events = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        var text = await events.Content.ReadAsStringAsync();

        var names = text.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        Assert.Contains("progress", names);
        Assert.Contains("status", names);
        Assert.Equal("done", names[^1]);
        Assert.Contains("\"status\":\"succeeded\"", text.Split("event: done")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_StopsARunningJob_AndNoResultIsServed()
    {
        using var client = _app.CreateClient();
        var operations = string.Join(",", Enumerable.Range(1, 40).Select(i => $$"""{"op":"set_values","range":"Sheet1!A{{i}}","values":[[{{i}}]]}"""));
        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm($$"""{"host":"excel","operations":[{{operations}}]}"""));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (int?)j["progress"]?["done"] > 1);

        await ServiceApp.CancelAsync(client, id);
    }

    [Fact]
    public async Task Get_Returns404_ForAnUnknownOrMalformedId()
    {
        using var client = _app.CreateClient();

        using var unknown = await client.GetAsync("/api/v1/jobs/j_000000000000000000000000");
        using var malformed = await client.GetAsync("/api/v1/jobs/..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Contains("j_000000000000000000000000", (string?)(await ServiceApp.JsonAsync(unknown))["detail"], StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
