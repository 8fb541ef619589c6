using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Officina.Service.Security;
using UglyToad.PdfPig;

namespace Officina.Service.Tests;

/// <summary>POST /render: LibreOffice renders to PDF, pdftoppm to PNG pages; what a user downloads and opens.</summary>
public sealed class RenderJobTests : IDisposable
{
    private readonly ServiceApp _app = new();

    [Fact]
    public async Task Render_ReturnsAPdfWithAPagePerSlide_WhenFormatIsPdf()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.Asset("pptx", "libreoffice-features.pptx"), "features.pptx"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await ServiceApp.JsonAsync(response);
        Assert.Equal("render", (string?)created["kind"]);
        Assert.Equal("pdf", (string?)created["render"]!["format"]);
        Assert.Equal(96, (int)created["render"]!["dpi"]!);
        var job = await ServiceApp.WaitAsync(client, (string)created["id"]!);
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal("Rendered 5 of 5 page(s) as PDF", (string?)job["progress"]!["message"]);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal("application/pdf", result.Content.Headers.ContentType!.MediaType);
        Assert.Equal("features.pdf", result.Content.Headers.ContentDisposition!.FileName);
        using var pdf = PdfDocument.Open(await result.Content.ReadAsByteArrayAsync());
        Assert.Equal(5, pdf.NumberOfPages);
    }

    [Fact]
    public async Task Render_ReturnsThePdfOfADocumentWithItsText_WhenTheFileIsWord()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.Asset("docx", "python-docx-report.docx"), "report.docx"));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        using var pdf = PdfDocument.Open(await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result"));
        Assert.True(pdf.NumberOfPages >= 2, $"the report has a page break; the PDF has {pdf.NumberOfPages} page(s)");
        Assert.Equal($"Rendered {pdf.NumberOfPages} of {pdf.NumberOfPages} page(s) as PDF", (string?)job["progress"]!["message"]);
        Assert.Contains("Quarterly", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ReturnsAZipOfTheChosenPagesAtTheDpi_WhenFormatIsPngWithPages()
    {
        using var client = _app.CreateClient();
        using var form = Form(DocumentFiles.ThreeSlideDeck(), "deck.pptx", format: "png", pages: "2-3", dpi: "48");

        using var response = await client.PostAsync("/api/v1/render", form);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal("Rendered 2 of 3 page(s) as PNG", (string?)job["progress"]!["message"]);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal("application/zip", result.Content.Headers.ContentType!.MediaType);
        Assert.Equal("deck-pages.zip", result.Content.Headers.ContentDisposition!.FileName);
        using var zip = new ZipArchive(new MemoryStream(await result.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["page-02.png", "page-03.png"], zip.Entries.Select(e => e.FullName));
        var pngs = zip.Entries.Select(Read).ToList();
        foreach (var png in pngs)
        {
            // 13.333 × 7.5 in at 48 dpi (LibreOffice writes the width as 960.009 pt, and pdftoppm rounds up).
            var (width, height) = DocumentFiles.PngSize(png);
            Assert.InRange(width, 640, 641);
            Assert.Equal(360, height);
        }

        Assert.NotEqual(pngs[0], pngs[1]);
    }

    [Fact]
    public async Task Render_ReturnsOnePng_WhenOnePageIsAsked()
    {
        using var client = _app.CreateClient();
        using var form = Form(DocumentFiles.ThreeSlideDeck(), "deck.pptx", format: "png", pages: "2");

        using var response = await client.PostAsync("/api/v1/render", form);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal("image/png", result.Content.Headers.ContentType!.MediaType);
        Assert.Equal("deck-page-2.png", result.Content.Headers.ContentDisposition!.FileName);
        var png = await result.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("OFFICINA_RENDER_OUT") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "deck-page-2.png"), png);
        }

        var (width, height) = DocumentFiles.PngSize(png);
        Assert.InRange(width, 1280, 1281);
        Assert.Equal(720, height);
    }

    [Theory]
    [InlineData("tiff", null, null, "$.format")]
    [InlineData("png", "a-b", null, "$.pages")]
    [InlineData("png", "3-1", null, "$.pages")]
    [InlineData("png", "0", null, "$.pages")]
    [InlineData("png", "1,,2", null, "$.pages")]
    [InlineData("png", null, "20", "$.dpi")]
    [InlineData("png", null, "301", "$.dpi")]
    [InlineData("png", null, "96.5", "$.dpi")]
    public async Task Render_Returns400NamingTheField_WhenAFieldIsWrong(string format, string? pages, string? dpi, string path)
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.ThreeSlideDeck(), "deck.pptx", format, pages, dpi));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Equal(path, (string?)problem["errors"]![0]!["path"]);
        Assert.Contains("Given:", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Returns400_WhenTheFileIsNotAnOfficePackage()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.Asset("xlsx", "legacy-excel97.xls"), "old.xls"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Contains("old.xls", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("$.file", (string?)problem["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task Render_FailsNamingThePageCount_WhenPagesGoPastTheEnd()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.ThreeSlideDeck(), "deck.pptx", "png", "2-7"));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("pages_out_of_range", (string?)job["error"]!["code"]);
        Assert.Equal("pages '2-7' asks for page 7, but the document has 3 page(s).", (string?)job["error"]!["message"]);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
    }

    [Fact]
    public async Task RenderResult_RendersAFinishedJobsResult_AndRefusesAJobWithoutOne()
    {
        using var client = _app.CreateClient();
        using var applied = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var appliedId = (string)(await ServiceApp.JsonAsync(applied))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(client, appliedId))["status"]);
        const string failing = """{"host":"excel","operations":[{"op":"set_values","range":"Nowhere!A1","values":[[1]]}]}""";
        using var failed = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(failing));
        var failedId = (string)(await ServiceApp.JsonAsync(failed))["id"]!;
        Assert.Equal("failed", (string?)(await ServiceApp.WaitAsync(client, failedId))["status"]);

        using var render = await client.PostAsync($"/api/v1/jobs/{appliedId}/render", null);
        using var noResult = await client.PostAsync($"/api/v1/jobs/{failedId}/render", null);
        using var badPages = await client.PostAsync($"/api/v1/jobs/{appliedId}/render", new FormUrlEncodedContent([new("pages", "x")]));

        Assert.Equal(HttpStatusCode.Accepted, render.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noResult.StatusCode);
        Assert.Contains("failed", (string?)(await ServiceApp.JsonAsync(noResult))["detail"], StringComparison.Ordinal);
        Assert.Equal("$.pages", (string?)(await ServiceApp.JsonAsync(badPages))["errors"]![0]!["path"]);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(render))["id"]!);
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(appliedId, (string?)job["render_of"]);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal("basicspread-officina.pdf", result.Content.Headers.ContentDisposition!.FileName);
        using var pdf = PdfDocument.Open(await result.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Revenue", text, StringComparison.Ordinal);
        Assert.Contains("400", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderResult_Returns404_ForAnotherTenantsJob()
    {
        using var app = new ServiceApp(new()
        {
            ["Officina:ApiKeys:0:Tenant"] = "acme",
            ["Officina:ApiKeys:0:Sha256"] = ApiKeys.Hash("acme-key"),
            ["Officina:ApiKeys:1:Tenant"] = "globex",
            ["Officina:ApiKeys:1:Sha256"] = ApiKeys.Hash("globex-key"),
        });
        using var acme = app.ClientWithKey("acme-key");
        using var globex = app.ClientWithKey("globex-key");
        using var applied = await acme.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var id = (string)(await ServiceApp.JsonAsync(applied))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(acme, id))["status"]);

        using var stranger = await globex.PostAsync($"/api/v1/jobs/{id}/render", new FormUrlEncodedContent([new("format", "png")]));
        using var owner = await acme.PostAsync($"/api/v1/jobs/{id}/render", new FormUrlEncodedContent([new("format", "pdf")]));

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, owner.StatusCode);
        var renderId = (string)(await ServiceApp.JsonAsync(owner))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(acme, renderId))["status"]);
        foreach (var path in new[] { "", "/result", "/original" })
        {
            using var response = await globex.GetAsync($"/api/v1/jobs/{renderId}{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {response.StatusCode}");
        }

        Assert.Equal(0, (int)(await globex.GetFromJsonAsync<JsonObject>("/api/v1/jobs"))!["total"]!);
        Assert.Equal(2, (int)(await acme.GetFromJsonAsync<JsonObject>("/api/v1/jobs"))!["total"]!);
    }

    [Fact]
    public async Task Render_FailsWithoutAResult_WhenLibreOfficeTimesOut()
    {
        using var app = new ServiceApp(new() { ["Officina:RenderTimeoutSeconds"] = "0.2" });
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.Asset("pptx", "libreoffice-features.pptx"), "features.pptx"));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("render_timeout", (string?)job["error"]!["code"]);
        Assert.Contains("LibreOffice did not finish within 0.2 s", (string?)job["error"]!["message"], StringComparison.Ordinal);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Null(await app.Get<Storage.IFileStore>().ReadAsync((string)job["id"]!, "result", CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_StopsARenderBetweenPages_AndNoResultIsServed()
    {
        using var app = new ServiceApp(new() { ["Officina:StepDelayMilliseconds"] = "1500" });
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/api/v1/render", Form(DocumentFiles.ThreeSlideDeck(), "deck.pptx", "png"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        var running = await ServiceApp.WaitAsync(client, id, j => ((string?)j["progress"]?["message"])?.StartsWith("Page 2 of 3", StringComparison.Ordinal) == true);
        Assert.Equal("rendering", (string?)running["status"]);

        await ServiceApp.CancelAsync(client, id);
    }

    [Fact]
    public async Task Render_ReturnsTheFirstJob_WhenTheIdempotencyKeyIsRepeated()
    {
        using var client = _app.CreateClient();
        var deck = DocumentFiles.ThreeSlideDeck();
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/render") { Content = Form(deck, "deck.pptx", "png", "1") };
            request.Headers.Add("Idempotency-Key", "render-1");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((string)(await ServiceApp.JsonAsync(response))["id"]!);
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, (int)(await client.GetFromJsonAsync<JsonObject>("/api/v1/jobs"))!["total"]!);
    }

    public void Dispose() => _app.Dispose();

    internal static MultipartFormDataContent Form(byte[] file, string name, string? format = null, string? pages = null, string? dpi = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        foreach (var (field, value) in new[] { ("format", format), ("pages", pages), ("dpi", dpi) })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), field);
            }
        }

        return form;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
