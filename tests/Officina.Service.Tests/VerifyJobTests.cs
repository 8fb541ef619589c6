using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Officina.Excel;

namespace Officina.Service.Tests;

/// <summary>POST /verify: a document's recalculation and validation as a job, its findings and its verified result.</summary>
public sealed class VerifyJobTests : IDisposable
{
    private readonly ServiceApp _app = new();

    [Fact]
    public async Task Verify_ReportsTheErrorCellAndSucceeds_WhenAFormulaDividesByZero()
    {
        using var client = _app.CreateClient();
        var workbook = DocumentFiles.Asset("xlsx", "div-by-zero.xlsx");

        using var response = await client.PostAsync("/api/v1/verify", Form(workbook, "div-by-zero.xlsx"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await ServiceApp.JsonAsync(response);
        Assert.Equal("verify", (string?)created["kind"]);
        Assert.Null(created["links"]!["plan"]);
        var id = (string)created["id"]!;
        var job = await ServiceApp.WaitAsync(client, id);
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.True((bool)job["verification"]!["has_errors"]!);
        var finding = Assert.Single(job["verification"]!["findings"]!.AsArray(), f => (string?)f!["severity"] == "error")!;
        Assert.Equal("formula_error", (string?)finding["code"]);
        Assert.Equal("Budget!B3", (string?)finding["location"]);
        Assert.StartsWith("#DIV/0! from =B1/B2", (string?)finding["message"], StringComparison.Ordinal);
        Assert.Contains(job["verification"]!["checks"]!.AsArray(), c => ((string?)c)!.Contains("LibreOffice recalculated", StringComparison.Ordinal));
        Assert.Equal("Verified; 1 error(s) found", (string?)job["progress"]!["message"]);

        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal("div-by-zero-verified.xlsx", result.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.Content.Headers.ContentType!.MediaType);
        using var book = WorkbookSession.Open(new MemoryStream(await result.Content.ReadAsByteArrayAsync()));
        Assert.Equal("#DIV/0!", PlansApiTests.Cell(book, "Budget!B3"));
        Assert.Equal(workbook, await client.GetByteArrayAsync($"/api/v1/jobs/{id}/original"));
    }

    [Fact]
    public async Task Verify_ResultHoldsRecalculatedValues_WhenTheUploadCachedStaleOnes()
    {
        using var client = _app.CreateClient();
        var stale = WithCachedValue(DocumentFiles.Asset("xlsx", "div-by-zero.xlsx"), "<v>2400</v>", "<v>7</v>");
        using (var input = WorkbookSession.Open(new MemoryStream(stale)))
        {
            Assert.Equal("7", PlansApiTests.Cell(input, "Budget!B4"));
        }

        using var response = await client.PostAsync("/api/v1/verify", Form(stale, "stale.xlsx"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(client, id))["status"]);

        using var book = WorkbookSession.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/jobs/{id}/result")));
        Assert.Equal("2400", PlansApiTests.Cell(book, "Budget!B4"));
    }

    [Theory]
    [InlineData("docx", "python-docx-report.docx")]
    [InlineData("xlsx", "DataTableCities.xlsx")]
    public async Task Verify_ReportsNoFindings_WhenTheDocumentIsClean(string folder, string name)
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/verify", Form(DocumentFiles.Asset(folder, name), name));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.False((bool)job["verification"]!["has_errors"]!);
        Assert.Empty(job["verification"]!["findings"]!.AsArray());
        Assert.NotEmpty(job["verification"]!["checks"]!.AsArray());
        Assert.Equal("Verified; no errors", (string?)job["progress"]!["message"]);
    }

    [Fact]
    public async Task Verify_Returns400NamingTheFile_WhenTheFileIsNotAnOfficePackage()
    {
        using var client = _app.CreateClient();

        using var legacy = await client.PostAsync("/api/v1/verify", Form(DocumentFiles.Asset("xlsx", "legacy-excel97.xls"), "old.xls"));
        using var text = await client.PostAsync("/api/v1/verify", Form(Encoding.UTF8.GetBytes("just text"), "notes.xlsx"));
        using var missing = await client.PostAsync("/api/v1/verify", new MultipartFormDataContent { { new StringContent("x"), "format" } });

        foreach (var (response, detail) in new[] { (legacy, "old.xls"), (text, "notes.xlsx"), (missing, "'file'") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await ServiceApp.JsonAsync(response);
            Assert.Contains(detail, (string?)problem["detail"], StringComparison.Ordinal);
            Assert.Equal("$.file", (string?)problem["errors"]![0]!["path"]);
        }

        var jobs = await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/jobs"));
        Assert.Equal(0, (int)jobs["total"]!);
    }

    [Fact]
    public async Task Verify_EventsEndWithDoneAndTheFindings()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/verify", Form(DocumentFiles.Asset("xlsx", "div-by-zero.xlsx"), "div-by-zero.xlsx"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;

        using var events = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        var text = await events.Content.ReadAsStringAsync();

        var names = text.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        Assert.Equal("done", names[^1]);
        var done = JsonNode.Parse(text.Split("event: done")[1].Split("data: ", 2)[1].Split('\n')[0])!;
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal("Budget!B3", (string?)done["verification"]!["findings"]![0]!["location"]);
    }

    public void Dispose() => _app.Dispose();

    internal static MultipartFormDataContent Form(byte[] file, string name) =>
        new() { { new ByteArrayContent(file), "file", name } };

    /// <summary>The workbook with one cached value replaced, as a file saved before its inputs changed would hold.</summary>
    private static byte[] WithCachedValue(byte[] xlsx, string from, string to)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            Assert.Contains(from, xml, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml.Replace(from, to, StringComparison.Ordinal));
        }

        return buffer.ToArray();
    }
}
