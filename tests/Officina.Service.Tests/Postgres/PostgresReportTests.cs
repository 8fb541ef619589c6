using System.Net;

namespace Officina.Service.Tests.Postgres;

/// <summary>Batch jobs on PostgreSQL storage: the template and data are stored inputs, so any instance runs the batch and serves its zip.</summary>
public sealed class PostgresReportTests : IDisposable
{
    private readonly PostgresDatabase _database = new();

    [Fact]
    public async Task Report_RunsAndIsServedByAnyInstance_OnPostgresStorage()
    {
        var settings = new Dictionary<string, string?> { ["Officina:Storage"] = "postgres", ["Officina:ConnectionString"] = _database.ConnectionString };
        using var api = new ServiceApp(new(settings) { ["Officina:Worker"] = "false" });
        using var worker = new ServiceApp(settings);
        using var one = api.CreateClient();
        using var two = worker.CreateClient();

        using var response = await one.PostAsync("/api/v1/reports", ReportForms.Invoice());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var job = await ServiceApp.WaitAsync(one, id);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(3, (int)job["batch_summary"]!["succeeded"]!);
        var zip = await one.GetByteArrayAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(["INV-2026-0141.docx", "INV-2026-0142.docx", "INV-2026-0143.docx", "summary.json"], ReportForms.EntryNames(zip));
        Assert.Contains("Fabrikam GmbH", ReportForms.WordText(ReportForms.Entries(zip)["INV-2026-0142.docx"]), StringComparison.Ordinal);
        Assert.Equal(zip, await two.GetByteArrayAsync($"/api/v1/jobs/{id}/result"));
        Assert.Equal(4, _database.Scalar("SELECT count(*) FROM officina_files WHERE job_id = $1 AND slot IN ('original', 'data', 'plan_template', 'result')", id));
    }

    public void Dispose() => _database.Dispose();
}
