using System.Net;
using Officina.Testing;

namespace Officina.Service.Tests;

/// <summary>Hostile uploads are refused with a 400 and a code before a job is queued, and the service goes on serving others.</summary>
public sealed class HostileUploadTests : IDisposable
{
    // Many uploads and status polls in a row: past the default request budget per minute.
    private readonly ServiceApp _app = new(new() { ["Officina:RateLimitPerMinute"] = "1000000" });

    public static TheoryData<string> Endpoints() => new() { "/api/v1/plans/apply", "/api/v1/verify", "/api/v1/render" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Upload_Returns400BeforeQueueing_WhenXmlNests100000Deep(string endpoint)
    {
        using var client = _app.CreateClient();
        using var form = ServiceApp.PlanForm(ServiceApp.Plan, HostilePackages.Nested(100_000), "deep.xlsx");

        using var response = await client.PostAsync(endpoint, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("xml_too_deep", text, StringComparison.Ordinal);
        Assert.Contains("more than 512 deep", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var jobs = await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/jobs"));
        Assert.Equal(0, (int)jobs["total"]!);
    }

    [Fact]
    public async Task Service_RunsAnInnocentJob_AfterAHostileUpload()
    {
        using var client = _app.CreateClient();
        using (var hostile = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan, HostilePackages.Nested(100_000), "deep.xlsx")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        }

        using var innocent = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));

        Assert.Equal(HttpStatusCode.Accepted, innocent.StatusCode);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(innocent))["id"]!);
        Assert.Equal("succeeded", (string?)job["status"]);
    }

    [Theory]
    [InlineData("docx", "python-docx-report.docx", "http")]
    [InlineData("xlsx", "Complex01.xlsx", "file")]
    [InlineData("pptx", "libreoffice-features.pptx", "file")]
    public async Task Render_NeitherFetchesNorShows_WhenAPictureLinksOutside(string kind, string asset, string target)
    {
        using var trap = new LinkedPictureTrap();
        using var client = _app.CreateClient();
        var linked = HostilePackages.LinkPictures(DocumentFiles.Asset(kind, asset), target == "http" ? trap.HttpUrl : trap.FileUrl);

        using var response = await client.PostAsync("/api/v1/render", RenderJobTests.Form(linked, "linked." + kind));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);
        Assert.Equal("succeeded", (string?)job["status"]);
        var pdf = await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(0, trap.Connections);
        Assert.Equal(0, LinkedPictureTrap.BaitPixels(pdf));
    }

    [Fact]
    public async Task PlansApply_RefusesOrFinishesEveryFuzzedVariant_WithACode()
    {
        using var client = _app.CreateClient();
        var problems = new List<string>();
        foreach (var (name, package) in FuzzedPackages.Variants(ServiceApp.Asset("basicspread.xlsx"), "xlsx", 60, seed: 20261204))
        {
            using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan, package, name + ".xlsx"));
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains("   at ", StringComparison.Ordinal))
            {
                problems.Add($"{name}: a stack trace in the answer");
            }

            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                continue;
            }

            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                problems.Add($"{name}: HTTP {(int)response.StatusCode}: {text}");
                continue;
            }

            var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);
            var status = (string?)job["status"];
            var code = (string?)job["error"]?["code"];
            if (status != "succeeded" && (status != "failed" || code is null or "internal"))
            {
                problems.Add($"{name}: {status} {code}: {job["error"]?["message"]}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public void Dispose() => _app.Dispose();
}
