using System.Net;
using UglyToad.PdfPig;

namespace Officina.Service.Tests.Postgres;

/// <summary>Verify and render jobs on PostgreSQL storage: submitted to one instance, run and served by any.</summary>
public sealed class PostgresVerifyRenderTests : IDisposable
{
    private readonly PostgresDatabase _database = new();

    [Fact]
    public async Task VerifyAndRender_RunAndAreServedByAnyInstance_OnPostgresStorage()
    {
        var settings = new Dictionary<string, string?> { ["Officina:Storage"] = "postgres", ["Officina:ConnectionString"] = _database.ConnectionString };
        using var first = new ServiceApp(settings);
        using var second = new ServiceApp(settings);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        using var verify = await one.PostAsync("/api/v1/verify", VerifyJobTests.Form(DocumentFiles.Asset("xlsx", "div-by-zero.xlsx"), "div-by-zero.xlsx"));
        Assert.Equal(HttpStatusCode.Accepted, verify.StatusCode);
        var verifyId = (string)(await ServiceApp.JsonAsync(verify))["id"]!;
        var verified = await ServiceApp.WaitAsync(two, verifyId);
        Assert.Equal("succeeded", (string?)verified["status"]);
        Assert.Equal("Budget!B3", (string?)verified["verification"]!["findings"]![0]!["location"]);

        using var render = await two.PostAsync($"/api/v1/jobs/{verifyId}/render", null);
        Assert.Equal(HttpStatusCode.Accepted, render.StatusCode);
        var renderId = (string)(await ServiceApp.JsonAsync(render))["id"]!;
        var rendered = await ServiceApp.WaitAsync(one, renderId);

        Assert.Equal("succeeded", (string?)rendered["status"]);
        Assert.Equal("render", (string?)rendered["kind"]);
        Assert.Equal(verifyId, (string?)rendered["render_of"]);
        using var result = await one.GetAsync($"/api/v1/jobs/{renderId}/result");
        Assert.Equal("div-by-zero-verified.pdf", result.Content.Headers.ContentDisposition!.FileName);
        using var pdf = PdfDocument.Open(await result.Content.ReadAsByteArrayAsync());
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.Contains("#DIV/0!", words);
        Assert.Contains("2400", words);
        Assert.Equal(2, _database.Scalar("SELECT count(*) FROM officina_files WHERE slot = 'result' AND job_id IN ($1, $2)", verifyId, renderId));
    }

    public void Dispose() => _database.Dispose();
}
