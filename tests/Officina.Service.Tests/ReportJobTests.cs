using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Officina.Excel;
using Officina.Operations;
using Officina.Service.Jobs;
using Officina.Service.Storage;

namespace Officina.Service.Tests;

/// <summary>POST /reports: a template filled once per data record as a batch job; the zip of documents and summary.json a user downloads.</summary>
public sealed class ReportJobTests : IDisposable
{
    private static readonly string[] Customers = ["Contoso Ltd", "Fabrikam GmbH", "Tailspin Toys"];

    private readonly ServiceApp _app = new();

    [Fact]
    public async Task Report_ReturnsAZipOfEveryInvoiceAndItsSummary_WhenTheShippedInvoiceTemplateRuns()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await ServiceApp.JsonAsync(response);
        Assert.Equal("batch", (string?)created["kind"]);
        Assert.Equal("word", (string?)created["host"]);
        Assert.Equal(3, (int)created["batch"]!["records"]!);
        Assert.Equal("{{invoice_number}}", (string?)created["batch"]!["name"]);
        Assert.Null(created["links"]!["plan"]);
        var id = (string)created["id"]!;
        var job = await ServiceApp.WaitAsync(client, id);
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(3, (int)job["batch_summary"]!["succeeded"]!);
        Assert.Equal(0, (int)job["batch_summary"]!["failed"]!);
        Assert.Equal("Wrote 3 of 3 document(s)", (string?)job["progress"]!["message"]);

        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal("application/zip", result.Content.Headers.ContentType!.MediaType);
        Assert.Equal("invoice-reports.zip", result.Content.Headers.ContentDisposition!.FileName);
        var zip = await result.Content.ReadAsByteArrayAsync();
        Assert.Equal(["INV-2026-0141.docx", "INV-2026-0142.docx", "INV-2026-0143.docx", "summary.json"], ReportForms.EntryNames(zip));
        var entries = ReportForms.Entries(zip);
        for (var i = 0; i < 3; i++)
        {
            var text = ReportForms.WordText(entries[$"INV-2026-014{i + 1}.docx"]);
            Assert.Contains(Customers[i], text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            foreach (var other in Customers.Where((_, j) => j != i))
            {
                Assert.DoesNotContain(other, text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Reporting automation (fixed fee)", ReportForms.WordText(entries["INV-2026-0142.docx"]), StringComparison.Ordinal);
        var summary = JsonNode.Parse(entries["summary.json"])!;
        Assert.Equal(3, (int)summary["written"]!);
        var records = summary["results"]!.AsArray();
        Assert.Equal([1, 2, 3], records.Select(r => (int)r!["record"]!));
        Assert.Equal("INV-2026-0143.docx", (string?)records[2]!["output"]);
        Assert.All(records, r => Assert.Equal("succeeded", (string?)r!["status"]));
        Assert.All(records, r => Assert.True((int)r!["changes"]! > 0));
        Assert.Equal(ReportForms.Shipped("invoice/invoice.docx"), await client.GetByteArrayAsync($"/api/v1/jobs/{id}/original"));
    }

    [Fact]
    public async Task Report_WritesTypedCells_WhenAnExcelTemplateIsFilledFromCsv()
    {
        using var client = _app.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(ReportForms.Shipped("monthly-kpis/monthly-kpis.xlsx")), "template", "monthly-kpis.xlsx" },
            { new ByteArrayContent(ReportForms.Shipped("monthly-kpis/data.csv")), "data", "data.csv" },
            { new StringContent(Encoding.UTF8.GetString(ReportForms.Shipped("monthly-kpis/plan.json"))), "plan" },
            { new StringContent("kpis-{{month}}"), "name" },
        };

        using var response = await client.PostAsync("/api/v1/reports", form);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        var zip = await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(["kpis-January 2026.xlsx", "kpis-February 2026.xlsx", "kpis-March 2026.xlsx", "summary.json"], ReportForms.EntryNames(zip));
        using var book = WorkbookSession.Open(new MemoryStream(ReportForms.Entries(zip)["kpis-March 2026.xlsx"]));
        var sheet = book.Sheet("KPIs")!;
        Assert.Equal(CellValue.FromNumber(201350), sheet.ValueOf(sheet.FindCell(3, 2)));
        Assert.Equal(CellValue.FromNumber(52450), sheet.ValueOf(sheet.FindCell(5, 2)));
        Assert.Equal(CellValue.FromBoolean(true), sheet.ValueOf(sheet.FindCell(9, 2)));
        Assert.Equal(CellValue.FromText("Monthly KPIs — March 2026"), sheet.ValueOf(sheet.FindCell(1, 1)));
        Assert.Equal(CellValue.FromNumber(201350), sheet.ValueOf(sheet.FindCell(7, 5)));
    }

    [Fact]
    public async Task Report_SucceedsReportingTheFailedRecord_WhenARecordLacksAField()
    {
        using var client = _app.CreateClient();
        var data = ReportForms.InvoiceData(invoices => invoices[1]!.AsObject().Remove("customer"));

        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice(data));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal("Wrote 2 of 3 document(s); 1 record(s) failed", (string?)job["progress"]!["message"]);
        var counts = job["batch_summary"]!;
        Assert.Equal(2, (int)counts["succeeded"]!);
        Assert.Equal(1, (int)counts["failed"]!);
        var failure = Assert.Single(counts["failures"]!.AsArray())!;
        Assert.Equal(2, (int)failure["record"]!);
        Assert.Contains("customer", (string?)failure["message"], StringComparison.Ordinal);
        var zip = await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(["INV-2026-0141.docx", "INV-2026-0143.docx", "summary.json"], ReportForms.EntryNames(zip));
        var record = JsonNode.Parse(ReportForms.Entries(zip)["summary.json"])!["results"]![1]!;
        Assert.Equal("failed", (string?)record["status"]);
        Assert.StartsWith("template:{{customer.", (string?)record["errors"]![0]!["path"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_FailsWithTheFirstError_WhenEveryRecordFails()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice("""[{"nothing":1},{"nothing":2}]""", name: null));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("records_failed", (string?)job["error"]!["code"]);
        Assert.StartsWith("Every record failed; nothing was written. Record 1: template:{{", (string?)job["error"]!["message"], StringComparison.Ordinal);
        Assert.Equal(2, (int)job["batch_summary"]!["failed"]!);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
    }

    [Fact]
    public async Task Report_ProducesTheSameSingleZip_WhenTheJobRunsAgainAfterACrash()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice());
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        Assert.Equal("succeeded", (string?)(await ServiceApp.WaitAsync(client, id))["status"]);

        // A worker that died after storing the zip but before writing the status: Hangfire runs the job again.
        await _app.Get<IJobStore>().UpdateAsync(id, j => j with { Status = JobStatus.Generating }, CancellationToken.None);
        await _app.Get<JobRunner>().RunAsync(id, null, CancellationToken.None);

        var job = await ServiceApp.JsonAsync(await client.GetAsync($"/api/v1/jobs/{id}"));
        Assert.Equal("succeeded", (string?)job["status"]);
        var zip = await client.GetByteArrayAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(["INV-2026-0141.docx", "INV-2026-0142.docx", "INV-2026-0143.docx", "summary.json"], ReportForms.EntryNames(zip));
        Assert.Equal(["data", "original", "plan_template", "result"], Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "files", id)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("template", "$.template")]
    [InlineData("data", "$.data")]
    [InlineData("empty", "$.data")]
    [InlineData("missing", "$.missing")]
    [InlineData("plan", "$.plan")]
    [InlineData("plan_host", "$.plan")]
    [InlineData("name", "$.name")]
    [InlineData("no_template", "$.template")]
    [InlineData("file_part", "$.file")]
    public async Task Report_Returns400NamingTheField_WhenAnInputIsWrong(string wrong, string path)
    {
        using var client = _app.CreateClient();
        var template = wrong == "template" ? Encoding.UTF8.GetBytes("just text") : ReportForms.Shipped("invoice/invoice.docx");
        var data = wrong switch { "data" => "[{\"invoice_number\": 1,", "empty" => "", _ => """[{"invoice_number":"A-1"}]""" };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(data)), "data", "data.json" } };
        if (wrong != "no_template")
        {
            form.Add(new ByteArrayContent(template), "template", "invoice.docx");
        }

        switch (wrong)
        {
            case "missing": form.Add(new StringContent("ignore"), "missing"); break;
            case "plan": form.Add(new StringContent("{\"host\":\"word\",\"operations\":[ nope"), "plan"); break;
            case "plan_host": form.Add(new StringContent(ServiceApp.Plan), "plan"); break;
            case "name": form.Add(new StringContent("a\tb"), "name"); break;
            case "file_part": form.Add(new ByteArrayContent(template), "file", "invoice.docx"); break;
        }

        using var response = await client.PostAsync("/api/v1/reports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Equal(path, (string?)problem["errors"]![0]!["path"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Equal(0, (int)(await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/jobs")))["total"]!);
    }

    [Theory]
    [InlineData("Officina:MaxReportRecords", "2", "at most 2 are allowed")]
    [InlineData("Officina:MaxReportDataBytes", "100", "larger than the limit of 100 bytes")]
    public async Task Report_Returns400ForTheData_WhenItIsOverALimit(string setting, string value, string detail)
    {
        using var app = new ServiceApp(new() { [setting] = value });
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/v1/reports", ReportForms.Invoice());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Equal("$.data", (string?)problem["errors"]![0]!["path"]);
        Assert.Equal("data_limit", (string?)problem["errors"]![0]!["rule"]);
        Assert.Contains(detail, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ReturnsTheFirstJob_WhenTheIdempotencyKeyRepeats()
    {
        using var client = _app.CreateClient();

        async Task<string> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = ReportForms.Invoice() };
            request.Headers.Add("Idempotency-Key", "invoices-2026-03");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (string)(await ServiceApp.JsonAsync(response))["id"]!;
        }

        Assert.Equal(await Post(), await Post());
        Assert.Equal(1, (int)(await client.GetFromJsonAsync<JsonObject>("/api/v1/jobs"))!["total"]!);
    }

    public void Dispose() => _app.Dispose();
}
