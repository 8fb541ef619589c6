using System.Net;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Officina.Service.Jobs;
using Officina.Service.Security;

namespace Officina.Service.Tests;

/// <summary>POST /schedules: a report batch on a cron schedule; each run (cron or /run) is a batch job with its own zip.</summary>
public sealed class ScheduleTests : IDisposable
{
    private const string AcmeKey = "acme-schedule-key";
    private const string GlobexKey = "globex-schedule-key";

    private readonly ServiceApp _app = new(Keys());

    public static MultipartFormDataContent Form(string? cron = "0 7 1 * *", string? timeZone = null, byte[]? template = null)
    {
        var form = ReportForms.Invoice();
        if (template is not null)
        {
            form = new MultipartFormDataContent
            {
                { new ByteArrayContent(template), "template", "notes.txt" },
                { new ByteArrayContent(ReportForms.Shipped("invoice/data.json")), "data", "data.json" },
            };
        }

        if (cron is not null)
        {
            form.Add(new StringContent(cron), "cron");
        }

        if (timeZone is not null)
        {
            form.Add(new StringContent(timeZone), "time_zone");
        }

        form.Add(new StringContent("Monthly invoices"), "schedule_name");
        return form;
    }

    [Fact]
    public async Task Create_ReturnsTheScheduleWithTheCronsNextRun_WhenTheInvoiceTemplateIsScheduled()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostAsync("/api/v1/schedules", Form(timeZone: "Europe/Berlin"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var schedule = await ServiceApp.JsonAsync(response);
        Assert.Equal("Monthly invoices", (string?)schedule["name"]);
        Assert.Equal("0 7 1 * *", (string?)schedule["cron"]);
        Assert.Equal("Europe/Berlin", (string?)schedule["time_zone"]);
        Assert.Empty(schedule["last_runs"]!.AsArray());
        var next = DateTimeOffset.Parse((string)schedule["next_run_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTime(next, berlin);
        Assert.True(next > before);
        Assert.Equal((1, 7, 0), (local.Day, local.Hour, local.Minute));
        Assert.True(next - before <= TimeSpan.FromDays(32));
        Assert.Equal(berlin.GetUtcOffset(next), next.Offset);
        using var read = await client.GetAsync($"/api/v1/schedules/{(string)schedule["id"]!}");
        Assert.Equal((string?)schedule["next_run_at"], (string?)(await ServiceApp.JsonAsync(read))["next_run_at"]);
        var page = await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/schedules"));
        Assert.Equal(1, (int)page["total"]!);
    }

    [Fact]
    public async Task Run_MakesABatchJobWithTheThreeInvoices_AndListsItAsTheLastRun()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        var id = await CreateAsync(client);

        using var run = await client.PostAsync($"/api/v1/schedules/{id}/run", null);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var jobId = (string)(await ServiceApp.JsonAsync(run))["id"]!;
        await AssertInvoicesAsync(client, jobId);
        var schedule = await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/schedules/{id}"));
        Assert.Equal([jobId], schedule["last_runs"]!.AsArray().Select(j => (string)j!));
    }

    [Fact]
    public async Task Trigger_MakesANewSucceedingBatchJob_WhenHangfireFiresTheRecurringJob()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        var id = await CreateAsync(client);

        _app.Get<IRecurringJobManager>().Trigger(ScheduleRegistry.RecurringId(id));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonArray runs;
        do
        {
            await Task.Delay(200);
            runs = (await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/schedules/{id}")))["last_runs"]!.AsArray();
        }
        while (runs.Count == 0 && DateTime.UtcNow < deadline);
        var jobId = (string)Assert.Single(runs)!;
        var jobs = await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/jobs"));
        Assert.Contains(jobId, jobs["items"]!.AsArray().Select(j => (string?)j!["id"]));
        await AssertInvoicesAsync(client, jobId);
    }

    [Theory]
    [InlineData("0 7 1 *", null, false, "$.cron")]
    [InlineData("61 7 1 * *", null, false, "$.cron")]
    [InlineData(null, null, false, "$.cron")]
    [InlineData("0 7 1 * *", "Mars/Olympus", false, "$.time_zone")]
    [InlineData("0 7 1 * *", "../../etc/passwd", false, "$.time_zone")]
    [InlineData("0 7 1 * *", null, true, "$.template")]
    public async Task Create_Returns400NamingTheFieldAndStoresNothing_WhenAnInputIsBad(string? cron, string? timeZone, bool textTemplate, string field)
    {
        using var client = _app.ClientWithKey(AcmeKey);

        using var response = await client.PostAsync("/api/v1/schedules", Form(cron, timeZone, textTemplate ? "just text"u8.ToArray() : null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Equal(field, (string?)problem["errors"]![0]!["path"]);
        if (cron is not null && field == "$.cron")
        {
            Assert.Contains(cron, (string?)problem["detail"], StringComparison.Ordinal);
        }

        Assert.Equal(0, (int)(await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/schedules")))["total"]!);
        var files = Path.Combine(_app.DataFolder, "files");
        Assert.False(Directory.Exists(files) && Directory.EnumerateDirectories(files, "s_*").Any());
        using var connection = _app.Get<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id.StartsWith("officina-schedule-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_Returns404_WhenAnotherTenantAsks()
    {
        using var acme = _app.ClientWithKey(AcmeKey);
        using var globex = _app.ClientWithKey(GlobexKey);
        var id = await CreateAsync(acme);

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/api/v1/schedules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.PostAsync($"/api/v1/schedules/{id}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.DeleteAsync($"/api/v1/schedules/{id}")).StatusCode);
        Assert.Equal(0, (int)(await ServiceApp.JsonAsync(await globex.GetAsync("/api/v1/schedules")))["total"]!);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/api/v1/schedules/{id}")).StatusCode);
        Assert.Empty((await ServiceApp.JsonAsync(await acme.GetAsync($"/api/v1/schedules/{id}")))["last_runs"]!.AsArray());
    }

    [Fact]
    public async Task Delete_RemovesTheScheduleItsInputsAndItsRecurringJob_ButKeepsItsJobs()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        var id = await CreateAsync(client);
        var jobId = (string)(await ServiceApp.JsonAsync(await client.PostAsync($"/api/v1/schedules/{id}/run", null)))["id"]!;
        await ServiceApp.WaitAsync(client, jobId);
        using (var connection = _app.Get<JobStorage>().GetConnection())
        {
            Assert.Contains(connection.GetRecurringJobs(), j => j.Id == ScheduleRegistry.RecurringId(id));
        }

        using var deleted = await client.DeleteAsync($"/api/v1/schedules/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/schedules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/schedules/{id}/run", null)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "files", id)));
        using (var connection = _app.Get<JobStorage>().GetConnection())
        {
            Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == ScheduleRegistry.RecurringId(id));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/jobs/{jobId}/result")).StatusCode);
    }

    [Fact]
    public async Task Create_ReturnsTheFirstSchedule_WhenTheIdempotencyKeyIsRepeated()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "monthly-1");

        var first = await ServiceApp.JsonAsync(await client.PostAsync("/api/v1/schedules", Form()));
        using var again = await client.PostAsync("/api/v1/schedules", Form());

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((string?)first["id"], (string?)(await ServiceApp.JsonAsync(again))["id"]);
        Assert.Equal(1, (int)(await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/schedules")))["total"]!);
    }

    [Fact]
    public async Task Run_StillWorks_WhenJobRetentionRemovedEveryJob()
    {
        using var app = new ServiceApp(new() { ["Officina:RetentionHours"] = "0" });
        using var client = app.CreateClient();
        var id = await CreateAsync(client);
        var firstJob = (string)(await ServiceApp.JsonAsync(await client.PostAsync($"/api/v1/schedules/{id}/run", null)))["id"]!;
        await ServiceApp.WaitAsync(client, firstJob);

        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/jobs/{firstJob}")).StatusCode);
        var secondJob = (string)(await ServiceApp.JsonAsync(await client.PostAsync($"/api/v1/schedules/{id}/run", null)))["id"]!;
        await AssertInvoicesAsync(client, secondJob);
    }

    [Fact]
    public async Task Schedule_HasItsRecurringJobAgain_WhenTheServiceRestartsOnLocalStorage()
    {
        using var client = _app.ClientWithKey(AcmeKey);
        var id = await CreateAsync(client);

        using var restarted = new ServiceApp(new(Keys()) { ["Officina:DataPath"] = _app.DataFolder });
        using var again = restarted.ClientWithKey(AcmeKey);

        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/v1/schedules/{id}")).StatusCode);
        using var connection = restarted.Get<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ScheduleRegistry.RecurringId(id));
        Assert.Equal("0 7 1 * *", recurring.Cron);
    }

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string?> Keys() => new()
    {
        ["Officina:ApiKeys:0:Tenant"] = "acme",
        ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash(AcmeKey),
        ["Officina:ApiKeys:1:Tenant"] = "globex",
        ["Officina:ApiKeys:1:Sha256"] = ApiKeys.Hash(GlobexKey),
    };

    internal static async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/schedules", Form());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await ServiceApp.JsonAsync(response))["id"]!;
    }

    internal static async Task AssertInvoicesAsync(HttpClient client, string jobId)
    {
        var job = await ServiceApp.WaitAsync(client, jobId);
        Assert.Equal("batch", (string?)job["kind"]);
        Assert.Equal("succeeded", (string?)job["status"]);
        var zip = await client.GetByteArrayAsync($"/api/v1/jobs/{jobId}/result");
        Assert.Equal(["INV-2026-0141.docx", "INV-2026-0142.docx", "INV-2026-0143.docx", "summary.json"], ReportForms.EntryNames(zip));
        Assert.Contains("Fabrikam GmbH", ReportForms.WordText(ReportForms.Entries(zip)["INV-2026-0142.docx"]), StringComparison.Ordinal);
    }
}
