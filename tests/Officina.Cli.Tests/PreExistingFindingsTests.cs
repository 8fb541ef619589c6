using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Operations;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Cli.Tests;

/// <summary><c>officina apply</c> judges the plan's change: errors the input already had are listed apart and do not make exit 3.</summary>
public sealed class PreExistingFindingsTests : IDisposable
{
    private readonly CliRun _cli = new();

    /// <summary>A1:A3 numbers, B1 = A1*2 (cached 2), and C5 = #REF!*2 holding the cached error #REF!, as Excel saves a broken reference.</summary>
    private string WorkbookWithBrokenCell()
    {
        var path = _cli.PathOf("broken.xlsx");
        using var book = WorkbookSession.Create();
        var serializer = new PlanSerializer(ExcelOperations.Catalog);
        foreach (var (op, args) in new[]
        {
            ("set_values", """{"range":"Sheet1!A1:A3","values":[[1],[2],[3]]}"""),
            ("set_formulas", """{"range":"Sheet1!B1","formula":"=A1*2"}"""),
            ("set_values", """{"range":"Sheet1!C5","values":[[0]]}"""),
        })
        {
            var (operation, _) = serializer.ReadOperation(DocumentHost.Excel, op, System.Text.Json.Nodes.JsonNode.Parse(args)!.AsObject());
            Assert.True(book.Execute(operation!).Succeeded);
        }

        var sheet = book.Sheet("Sheet1")!;
        sheet.FindCell(1, 2)!.CellValue = new CellValue("2");
        var broken = sheet.FindCell(5, 3)!;
        broken.CellFormula = new CellFormula("#REF!*2");
        broken.CellValue = new CellValue("#REF!");
        broken.DataType = CellValues.Error;
        book.SaveAs(path);
        return path;
    }

    [Fact]
    public async Task Apply_Exits0_AndListsPreExistingRef_WhenPlanEditsAnotherCell()
    {
        var input = WorkbookWithBrokenCell();
        var plan = _cli.Write("plan.json", """
            { "host": "excel", "operations": [ { "op": "set_values", "range": "Sheet1!E1", "values": [["checked"]] } ] }
            """);

        var (exit, stdout, _) = await _cli.RunAsync("apply", input, plan, "-o", _cli.PathOf("out.xlsx"));

        Assert.Equal(0, exit);
        Assert.Contains("Pre-existing (already in the input; they do not fail this edit): 1", stdout);
        Assert.Contains("pre-existing: Sheet1!C5: #REF!", stdout);
        Assert.DoesNotContain("error: Sheet1!C5", stdout);
        using var result = WorkbookSession.Open(_cli.PathOf("out.xlsx"));
        var (range, sheet) = result.Resolve("Sheet1!E1");
        Assert.Equal("checked", sheet.ValueOf(sheet.FindCell(range.FirstRow, range.FirstColumn)).ToString());
    }

    [Fact]
    public async Task Apply_Exits3_WhenPlanMakesANewRefError()
    {
        var input = WorkbookWithBrokenCell();
        var plan = _cli.Write("plan.json", """
            { "host": "excel", "operations": [ { "op": "delete_columns", "sheet": "Sheet1", "column": "A", "count": 1 } ] }
            """);

        var (exit, stdout, _) = await _cli.RunAsync("apply", input, plan, "-o", _cli.PathOf("out.xlsx"), "--json");

        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(stdout);
        var verification = json.RootElement.GetProperty("verification");
        Assert.True(verification.GetProperty("has_errors").GetBoolean());
        var introduced = verification.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("code").GetString() == "formula_error").ToList();
        Assert.Equal("Sheet1!A1", Assert.Single(introduced).GetProperty("location").GetString());
        var old = Assert.Single(verification.GetProperty("pre_existing").EnumerateArray());
        Assert.Equal("Sheet1!B5", old.GetProperty("location").GetString());
    }

    public void Dispose() => _cli.Dispose();
}
