using System.Net;
using System.Text.Json;
using Officina.Excel;
using Officina.Excel.Operations;
using Officina.Operations;
using Officina.Testing;

namespace Officina.Service.Tests;

/// <summary>
/// The budgets of a job: the decompressed bytes a document may load
/// (<c>Officina:MaxDecompressedBytes</c>: a 400 on upload, a failed job when a job loads a
/// document past it), the one LibreOffice timeout every run honours
/// (<c>Officina:RenderTimeoutSeconds</c>, with a hung stand-in <c>soffice</c> through
/// <c>Officina:LibreOfficePath</c>), and a cancel heard inside a long operation.
/// </summary>
public sealed class EngineBudgetTests : IDisposable
{
    private const long TwoMegabytes = 2 * 1024 * 1024;
    private readonly HungLibreOffice _hung = new();

    public static TheoryData<string> Endpoints() => new() { "/api/v1/plans/apply", "/api/v1/verify", "/api/v1/render" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Upload_Returns400BeforeQueueing_WhenPartsUnderTheRatioCheckAddUpPastTheLimit(string endpoint)
    {
        using var app = new ServiceApp(new() { ["Officina:MaxDecompressedBytes"] = TwoMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var client = app.CreateClient();
        var padded = HostilePackages.Padded(6, 600 * 1024);
        using var form = endpoint.EndsWith("/apply", StringComparison.Ordinal) ? ServiceApp.PlanForm(ServiceApp.Plan, padded, "padded.xlsx") : VerifyJobTests.Form(padded, "padded.xlsx");

        using var response = await client.PostAsync(endpoint, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Equal("decompressed_too_large", (string?)problem["code"]);
        Assert.Contains("more than 2 MB when decompressed", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("Officina:MaxDecompressedBytes", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(0, (int)(await ServiceApp.JsonAsync(await client.GetAsync("/api/v1/jobs")))["total"]!);
    }

    [Fact]
    public async Task Job_FailsWithDecompressedTooLarge_WhenTheDocumentItLoadsIsPastTheLimit()
    {
        // A plan may grow a document past the budget; the next job that loads it (a render of the result) refuses it.
        using var app = new ServiceApp(new() { ["Officina:MaxDecompressedBytes"] = TwoMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var client = app.CreateClient();
        var rows = Enumerable.Range(0, 100).Select(i => new[] { $"{i:D3} " + new string((char)('a' + (i % 26)), 30_000) }).ToArray();
        var plan = JsonSerializer.Serialize(new { host = "excel", operations = new object[] { new { op = "set_values", range = "Sheet1!H1:H100", values = rows } } });
        using var applied = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan));
        var grown = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(applied))["id"]!);
        Assert.Equal("succeeded", (string?)grown["status"]);

        using var render = await client.PostAsync($"/api/v1/jobs/{(string)grown["id"]!}/render", null);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(render))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("decompressed_too_large", (string?)job["error"]!["code"]);
        Assert.Contains("Officina:MaxDecompressedBytes", (string?)job["error"]!["message"], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> LibreOfficeJobs() => new()
    {
        { "/api/v1/verify", "libreoffice_timeout" },
        { "/api/v1/plans/apply", "libreoffice_timeout" },
        { "/api/v1/render", "render_timeout" },
    };

    [Theory]
    [MemberData(nameof(LibreOfficeJobs))]
    public async Task Job_FailsAfterTheConfiguredTimeout_AndLeavesNoLibreOfficeRunning_WhenLibreOfficeHangs(string endpoint, string code)
    {
        using var app = new ServiceApp(new() { ["Officina:LibreOfficePath"] = _hung.Program, ["Officina:RenderTimeoutSeconds"] = "2" });
        using var client = app.CreateClient();
        const string plan = """{"host":"excel","operations":[{"op":"set_formulas","range":"Sheet1!C1","formula":"=NPV(0.1,A1:A3)"}]}""";

        using var form = endpoint.EndsWith("/apply", StringComparison.Ordinal)
            ? ServiceApp.PlanForm(plan, NeedsLibreOffice(), "npv.xlsx")
            : VerifyJobTests.Form(NeedsLibreOffice(), "npv.xlsx");
        using var response = await client.PostAsync(endpoint, form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal(code, (string?)job["error"]!["code"]);
        Assert.Contains("did not finish within 2 s", (string?)job["error"]!["message"], StringComparison.Ordinal);
        Assert.Contains("Officina:RenderTimeoutSeconds", (string?)job["error"]!["message"], StringComparison.Ordinal);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Empty(await _hung.SurvivorsAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Cancel_StopsALongOperationInTheMiddle()
    {
        // Every other row of 20,000 matches: thousands of row deletions, minutes of work if the cancel were only heard between operations.
        using var app = new ServiceApp();
        using var client = app.CreateClient();
        const string plan = """{"host":"excel","operations":[{"op":"remove_rows_where","range":"Sheet1!A1:B20000","column":"Parity","operator":"equals","value":"odd"}]}""";
        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan, Alternating(20_000), "rows.xlsx"));
        var id = (string)(await ServiceApp.JsonAsync(response))["id"]!;
        await ServiceApp.WaitAsync(client, id, j => (string?)j["status"] == "applying");

        await ServiceApp.CancelAsync(client, id);
    }

    /// <summary>A workbook with numbers in A1:A3 and an NPV formula: ClosedXML lacks NPV, so verifying it runs LibreOffice.</summary>
    private static byte[] NeedsLibreOffice()
    {
        using var book = WorkbookSession.Create();
        Assert.True(book.Execute(new SetValues("Sheet1!A1:A3", [[CellValue.FromNumber(100)], [CellValue.FromNumber(200)], [CellValue.FromNumber(300)]])).Succeeded);
        Assert.True(book.Execute(new SetFormulas("Sheet1!B1", "=NPV(0.1,A1:A3)")).Succeeded);
        return book.ToArray();
    }

    /// <summary>A header (Label, Parity) and rows labelled odd and even in turn.</summary>
    private static byte[] Alternating(int rows)
    {
        var values = new CellValue[rows][];
        values[0] = [CellValue.FromText("Label"), CellValue.FromText("Parity")];
        for (var r = 1; r < rows; r++)
        {
            values[r] = [CellValue.FromText($"row {r}"), CellValue.FromText(r % 2 == 1 ? "odd" : "even")];
        }

        using var book = WorkbookSession.Create();
        Assert.True(book.Execute(new SetValues($"Sheet1!A1:B{rows}", values)).Succeeded);
        return book.ToArray();
    }

    public void Dispose() => _hung.Dispose();
}
