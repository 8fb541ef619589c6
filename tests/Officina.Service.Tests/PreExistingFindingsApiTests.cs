using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Operations;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Service.Tests;

/// <summary>A job's <c>verification</c> lists what the input already had apart, in <c>pre_existing</c>.</summary>
public sealed class PreExistingFindingsApiTests : IDisposable
{
    private readonly ServiceApp _app = new();

    /// <summary>A workbook whose C5 holds =#REF!*2 with the cached error #REF!, as Excel saves a broken reference.</summary>
    private static byte[] WorkbookWithBrokenCell()
    {
        using var book = WorkbookSession.Create();
        var serializer = new PlanSerializer(ExcelOperations.Catalog);
        var (operation, _) = serializer.ReadOperation(DocumentHost.Excel, "set_values", JsonNode.Parse("""{"range":"Sheet1!A1:C5","values":[[1,null,null],[2,null,null],[3,null,null],[null,null,null],[null,null,0]]}""")!.AsObject());
        Assert.True(book.Execute(operation!).Succeeded);
        var broken = book.Sheet("Sheet1")!.FindCell(5, 3)!;
        broken.CellFormula = new CellFormula("#REF!*2");
        broken.CellValue = new CellValue("#REF!");
        broken.DataType = CellValues.Error;
        return book.ToArray();
    }

    [Fact]
    public async Task Apply_SucceedsWithoutErrors_AndListsPreExistingRef_WhenPlanEditsElsewhere()
    {
        using var client = _app.CreateClient();
        const string plan = """{ "host": "excel", "operations": [ { "op": "set_values", "range": "Sheet1!E1", "values": [["checked"]] } ] }""";

        using var response = await client.PostAsync("/api/v1/plans/apply", ServiceApp.PlanForm(plan, WorkbookWithBrokenCell(), "broken.xlsx"));
        var job = await ServiceApp.WaitAsync(client, (string)(await ServiceApp.JsonAsync(response))["id"]!);

        Assert.Equal("succeeded", (string?)job["status"]);
        var verification = job["verification"]!;
        Assert.False((bool)verification["has_errors"]!);
        Assert.DoesNotContain(verification["findings"]!.AsArray(), f => (string?)f!["code"] == "formula_error");
        var old = Assert.Single(verification["pre_existing"]!.AsArray());
        Assert.Equal("Sheet1!C5", (string?)old!["location"]);
        Assert.Equal("info", (string?)old["severity"]);
        Assert.Equal("formula_error", (string?)old["code"]);
    }

    public void Dispose() => _app.Dispose();
}
