using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Officina.Service.Security;

namespace Officina.Service.Tests;

/// <summary>Batch jobs followed over SSE, cancelled between records, and kept from other tenants.</summary>
public sealed class ReportEventsTests : IDisposable
{
    private const string AcmeKey = "acme-secret-key";
    private const string GlobexKey = "globex-secret-key";

    // A pause after each record, so that every record's progress is seen and a cancel lands between records.
    private readonly ServiceApp _app = new(new()
    {
        ["Officina:StepDelayMilliseconds"] = "1000",
        ["Officina:ApiKeys:0:Tenant"] = "acme",
        ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AcmeKey),
        ["Officina:ApiKeys:1:Tenant"] = "globex",
        ["Officina:ApiKeys:1:Sha256"] = ApiKeys.Hash(GlobexKey),
    });

    [Fact]
    public async Task Events_ShowEachRecordsProgressThenDone_WhenABatchRuns()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice());
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;

        using var events = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        var text = await events.Content.ReadAsStringAsync();

        var items = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => (Name: e.Split('\n')[0]["event: ".Length..], Data: JsonNode.Parse(e.Split("data: ", 2)[1])!))
            .ToList();
        var progress = items.Where(e => e.Name == "progress" && (string?)e.Data["stage"] == "generating").Select(e => e.Data).ToList();
        Assert.Contains(progress, p => (int)p["done"]! == 0 && (int)p["total"]! == 3);
        Assert.Contains(progress, p => (int)p["done"]! == 1 && (int)p["total"]! == 3 && (string?)p["message"] == "Record 1 of 3: INV-2026-0141.docx");
        Assert.Contains(progress, p => (int)p["done"]! == 2 && (int)p["total"]! == 3 && (string?)p["message"] == "Record 2 of 3: INV-2026-0142.docx");
        Assert.Equal(progress.Select(p => (int)p["done"]!).Order(), progress.Select(p => (int)p["done"]!));
        Assert.Contains(items, e => e.Name == "status" && (string?)e.Data["status"] == "generating");
        Assert.Equal("done", items[^1].Name);
        Assert.Equal("succeeded", (string?)items[^1].Data["status"]);

        // The last record's progress may be overtaken by the final status; the final progress counts it.
        Assert.Equal(3, (int)items[^1].Data["progress"]!["done"]!);
        Assert.Equal(3, (int)items[^1].Data["batch_summary"]!["succeeded"]!);
    }

    [Fact]
    public async Task Cancel_StopsBetweenRecordsAndStoresNoResult_WhenABatchIsRunning()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice());
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (int?)j["progress"]?["done"] >= 1);

        var job = await ServiceApp.CancelAsync(client, id);

        Assert.True((int)job["progress"]!["done"]! < 3, job.ToJsonString());
        Assert.False(File.Exists(Path.Combine(_app.DataFolder, "files", id, "result")));
    }

    [Fact]
    public async Task Tenant_NeverSeesAnotherTenantsBatchOrItsFiles()
    {
        using var acme = _app.ClientWithKey(AcmeKey);
        using var globex = _app.ClientWithKey(GlobexKey);
        using var created = await acme.PostAsync("/api/v1/reports", ReportForms.Invoice());
        var id = (string)(await ServiceApp.JsonAsync(created))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(acme, id))["status"]);

        foreach (var path in new[] { "", "/result", "/original", "/events" })
        {
            using var response = await globex.GetAsync($"/api/v1/jobs/{id}{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {response.StatusCode}");
        }

        using var cancel = await globex.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(0, (int)(await ServiceApp.JsonAsync(await globex.GetAsync("/api/v1/jobs")))["total"]!);
        using var own = await acme.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/zip"), own.Content.Headers.ContentType);
    }

    public void Dispose() => _app.Dispose();
}
