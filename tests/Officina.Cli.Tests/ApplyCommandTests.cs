using System.Text.Json;
using Officina.Excel;
using Officina.Operations;

namespace Officina.Cli.Tests;

public sealed class ApplyCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Apply_WritesOutputAndSummary_WhenPlanIsValid()
    {
        var input = _cli.Copy("simple-monthly-budget.xlsx");
        var before = File.ReadAllBytes(input);
        var output = _cli.PathOf("out.xlsx");
        var plan = _cli.Write("plan.json", """
            { "host": "excel", "instruction": "Add a forecast", "operations": [
              { "op": "add_sheet", "name": "Forecast" },
              { "op": "set_values", "range": "Forecast!A1:B2", "values": [["Year", "Revenue"], [2026, 1200000]] },
              { "op": "set_formulas", "range": "Forecast!B3:B6", "formula": "=B2*1.08" } ] }
            """);

        var (exit, stdout, _) = await _cli.RunAsync("apply", input, plan, "-o", output);

        Assert.Equal(0, exit);
        Assert.Contains("add_sheet: Added sheet 'Forecast'", stdout);
        Assert.Contains("Verification:", stdout);
        Assert.Equal(before, File.ReadAllBytes(input));
        using var result = WorkbookSession.Open(output);
        Assert.Equal(["Simple Monthly Budget", "Forecast"], result.Sheets.Select(s => s.Name));
        var forecast = result.Sheet("Forecast")!;
        Assert.Equal("=B5*1.08", forecast.FormulaOf(forecast.FindCell(6, 2), new(6, 2)));
    }

    [Fact]
    public async Task Apply_PrintsJson_WithChangesAndVerification()
    {
        var input = _cli.Copy("simple-monthly-budget.xlsx");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "More" } ] }""");

        var (exit, stdout, _) = await _cli.RunAsync("apply", input, plan, "-o", _cli.PathOf("out.xlsx"), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("add_sheet", json.RootElement.GetProperty("changes")[0].GetProperty("op").GetString());
        Assert.False(json.RootElement.GetProperty("verification").GetProperty("has_errors").GetBoolean());
    }

    [Fact]
    public async Task Apply_Refuses_WhenOutputIsTheInput()
    {
        var input = _cli.Copy("simple-monthly-budget.xlsx");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [] }""");

        var (exit, _, error) = await _cli.RunAsync("apply", input, plan, "-o", input);

        Assert.Equal(2, exit);
        Assert.Contains("different file", error);
    }

    /// <summary>Clean in place: a helper column of formulas, its values pasted back over the data, the helper cleared.</summary>
    [Fact]
    public async Task Apply_CleansInPlace_WhenValuesOfFormulasWrittenEarlierInThePlanAreCopied()
    {
        var input = _cli.PathOf("names.xlsx");
        using (var book = WorkbookSession.Create("Data"))
        {
            book.Execute(new Officina.Excel.Operations.SetValues("Data!A1:A4",
                [[CellValue.FromText("Name")], [CellValue.FromText("  pens ")], [CellValue.FromText("INK")], [CellValue.FromText(" paper")]]));
            book.SaveAs(input);
        }

        var output = _cli.PathOf("out.xlsx");
        var plan = _cli.Write("plan.json", """
            { "host": "excel", "instruction": "Tidy the names in place", "operations": [
              { "op": "set_formulas", "range": "Data!B2:B4", "formula": "=PROPER(TRIM(A2))" },
              { "op": "copy_range", "source": "Data!B2:B4", "destination": "Data!A2", "what": "values" },
              { "op": "clear_range", "range": "Data!B2:B4" } ] }
            """);

        var (exit, stdout, _) = await _cli.RunAsync("apply", input, plan, "-o", output);

        Assert.Equal(0, exit);
        Assert.Contains("copy_range", stdout, StringComparison.Ordinal);
        using var result = WorkbookSession.Open(output);
        var data = result.Sheet("Data")!;
        Assert.Equal(["Pens", "Ink", "Paper"], [.. Enumerable.Range(2, 3).Select(r => data.ValueOf(data.FindCell(r, 1)).ToString())]);
        Assert.Equal("", data.ValueOf(data.FindCell(2, 2)).ToString());
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(result.Document));
    }

    public void Dispose() => _cli.Dispose();
}
