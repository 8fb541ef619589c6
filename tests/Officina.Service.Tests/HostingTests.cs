using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Officina.Service.Configuration;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Tests;

/// <summary>What a new user and another system find: the UI, the OpenAPI document, the catalog, retention.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly ServiceApp _app = new();

    [Fact]
    public async Task Root_ServesTheWebUi_UnderAStrictContentSecurityPolicy()
    {
        using var client = _app.CreateClient();

        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetStringAsync("/app.js");

        Assert.Contains("<title>Officina</title>", html, StringComparison.Ordinal);
        Assert.Contains("/approve", script, StringComparison.Ordinal);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: blob:", policy, StringComparison.Ordinal); // a rendered PNG page is shown from a blob URL
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addin_IsServedWithoutARestart_WhenItIsBuiltWhileTheServiceRuns()
    {
        var dist = Path.Combine(_app.DataFolder, "addin-dist");
        using var app = new ServiceApp(new() { ["Officina:AddinPath"] = dist });
        using var client = app.CreateClient();

        using (var before = await client.GetAsync("/addin/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            Assert.Contains("npm run build", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        await File.WriteAllTextAsync(Path.Combine(dist, "index.html"), "<!doctype html><title>Officina pane</title>");
        await File.WriteAllBytesAsync(Path.Combine(dist, "assets", "icon-80.png"), [0x89, 0x50, 0x4E, 0x47]);

        using var page = await client.GetAsync("/addin/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Officina pane", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("appsforoffice.microsoft.com", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/addin/assets/icon-80.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/addin/missing.js")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndScalarServesIt()
    {
        using var client = _app.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        using var scalar = await client.GetAsync("/scalar/v1");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/jobs", paths);
        Assert.Contains("/api/v1/jobs/{id}/approve", paths);
        Assert.Contains("/api/v1/plans/apply", paths);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task Catalog_ListsExcelOperationsWithSchemas()
    {
        using var client = _app.CreateClient();

        var catalog = JsonNode.Parse(await client.GetStringAsync("/api/v1/catalog?host=excel"))!.AsArray();
        using var bad = await client.GetAsync("/api/v1/catalog?host=visio");

        var setValues = catalog.Single(o => (string?)o!["name"] == "set_values")!;
        Assert.Equal("write", (string?)setValues["kind"]);
        Assert.False((bool)setValues["schema"]!["additionalProperties"]!);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Retention_DeletesJobsAndFilesOlderThanTheRetentionTime()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id);
        var files = _app.Get<IFileStore>();
        Assert.NotNull(await files.ReadAsync(id, "result", default));

        var later = new ShiftedTime(TimeSpan.FromHours(24 * 7 + 1));
        var retention = new RetentionJob(_app.Get<IJobStore>(), files, _app.Get<IOptions<OfficinaOptions>>(), later, NullLogger<RetentionJob>.Instance);
        var removed = await retention.RunAsync(default);

        Assert.Equal(1, removed);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/jobs/{id}")).StatusCode);
        Assert.Null(await files.ReadAsync(id, "original", default));
        Assert.Null(await files.ReadAsync(id, "result", default));
    }

    [Fact]
    public void Retention_IsARecurringJob()
    {
        using var connection = _app.Get<Hangfire.JobStorage>().GetConnection();

        var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);

        Assert.Contains(recurring, r => r.Id == RetentionJob.RecurringId);
    }

    public void Dispose() => _app.Dispose();

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
