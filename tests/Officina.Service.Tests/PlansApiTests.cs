using System.Net;
using Officina.Excel;

namespace Officina.Service.Tests;

public sealed class PlansApiTests : IDisposable
{
    private readonly ServiceApp _app = new();

    [Fact]
    public async Task Apply_ReturnsVerifiedResult_WhenPlanIsValid()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await ServiceApp.JsonAsync(response);
        var id = (string)created["id"]!;
        Assert.Equal($"/api/v1/jobs/{id}", response.Headers.Location!.ToString());
        var job = await ServiceApp.WaitAsync(client, id);
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(4, job["changes"]!.AsArray().Count);
        Assert.False((bool)job["verification"]!["has_errors"]!);
        Assert.Equal(4, (int)job["progress"]!["done"]!);

        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("basicspread-officina.xlsx", result.Content.Headers.ContentDisposition!.FileName);
        using var book = WorkbookSession.Open(new MemoryStream(await result.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Total", Cell(book, "Sheet1!A1"));
        Assert.Equal("400", Cell(book, "Forecast!A4"));

        var original = await client.GetByteArrayAsync($"/api/v1/jobs/{id}/original");
        Assert.Equal(ServiceApp.Asset("basicspread.xlsx"), original);
    }

    [Fact]
    public async Task Apply_Returns400WithErrors_WhenPlanIsInvalid()
    {
        using var client = _app.CreateClient();
        const string plan = """{"host":"excel","operations":[{"op":"set_valus","range":"A1"}]}""";

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ServiceApp.JsonAsync(response);
        var error = problem["errors"]![0]!;
        Assert.Equal("$.operations[0].op", (string?)error["path"]);
        Assert.Equal("unknown_op", (string?)error["rule"]);
        Assert.Contains("Did you mean 'set_values'", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Returns400_WhenFileIsNotAnOfficePackage()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan, ServiceApp.Asset("legacy-excel97.xls"), "old.xls"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServiceApp.JsonAsync(response);
        Assert.Contains("old.xls", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("$.file", (string?)problem["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task Apply_FailsJobWithErrorPath_WhenPlanDoesNotFitTheWorkbook()
    {
        using var client = _app.CreateClient();
        const string plan = """{"host":"excel","operations":[{"op":"set_values","range":"Nowhere!A1","values":[[1]]}]}""";

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("plan_failed", (string?)job["error"]!["code"]);
        Assert.StartsWith("$.operations[0]", (string?)job["error"]!["errors"]![0]!["path"], StringComparison.Ordinal);
        using var result = await client.GetAsync($"/api/v1/jobs/{(string)job["id"]!}/result");
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
    }

    [Fact]
    public async Task Replay_AppliesStoredPlanToAnotherFile()
    {
        using var client = _app.CreateClient();
        using var first = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(ServiceApp.Plan));
        var firstId = (string)(await ServiceApp.JsonAsync(first))["id"]!;
        await ServiceApp.WaitAsync(client, firstId);

        using var form = new MultipartFormDataContent { { new ByteArrayContent(ServiceApp.Asset("basicspread.xlsx")), "file", "copy.xlsx" } };
        using var replay = await client.PostAsync($"/api/v1/plans/{firstId}/replay", form);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(replay))["id"]!);
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(firstId, (string?)job["replay_of"]);
        using var book = WorkbookSession.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result")));
        Assert.Equal("400", Cell(book, "Forecast!A4"));
    }

    [Fact]
    public async Task Apply_ReadsSourcesByName_WhenThePlanImportsCsv()
    {
        using var client = _app.CreateClient();
        const string plan = """{"host":"excel","operations":[{"op":"import_csv","source":"sales.csv","destination":"Sales!A1","has_header":true}]}""";
        using var form = ServiceApp.PlanForm(plan);
        form.Add(new ByteArrayContent("region,amount\nnorth,10\nsouth,32\n"u8.ToArray()), "sources", "../../sales.csv");

        using var response = await client.PostAsync("/api/v1/plans/apply", form);
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        using var book = WorkbookSession.Open(new MemoryStream(await client.GetByteArrayAsync($"/api/v1/jobs/{(string)job["id"]!}/result")));
        Assert.Equal("32", Cell(book, "Sales!B3"));
    }

    public void Dispose() => _app.Dispose();

    internal static string Cell(WorkbookSession book, string address)
    {
        var (range, sheet) = book.Resolve(address);
        return sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn)).ToString() ?? "";
    }
}
