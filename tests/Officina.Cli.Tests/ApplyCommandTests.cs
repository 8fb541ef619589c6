using System.Text.Json;
using Officina.Excel;
using Officina.Operations;
using Officina.Testing;

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

    [Fact]
    public async Task Apply_ListsRepairs_WhenTheWorkbookHasTwoCorePropertiesAndAPartNothingReaches()
    {
        // Two core-properties parts once ended every edit with the SDK's "Only one instance of the
        // type is allowed for this parent" and a stack trace; a part nothing reaches was dropped unsaid.
        var budget = HostilePackages.Budget();
        var core = HostilePackages.Text(budget, "docProps/core.xml");
        var package = HostilePackages.Replace(budget, "docProps/core2.xml", System.Text.Encoding.UTF8.GetBytes(core));
        package = HostilePackages.ReplaceText(package, "[Content_Types].xml", xml => xml.Replace("</Types>",
            """<Override PartName="/docProps/core2.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>""", StringComparison.Ordinal));
        package = HostilePackages.ReplaceText(package, "_rels/.rels", xml => xml.Replace("</Relationships>",
            """<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core2.xml"/></Relationships>""", StringComparison.Ordinal));
        package = HostilePackages.Replace(package, "xl/leftover.bin", [1, 2, 3]);
        var input = _cli.Write("two-cores.xlsx", package);
        var output = _cli.PathOf("out.xlsx");
        var plan = _cli.Write("plan.json", """{ "host": "excel", "operations": [ { "op": "add_sheet", "name": "More" } ] }""");

        var (exit, stdout, error) = await _cli.RunAsync("apply", input, plan, "-o", output, "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(stdout);
        var repairs = json.RootElement.GetProperty("verification").GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "package_repaired").Select(f => f.GetProperty("message").GetString()!).ToList();
        Assert.Contains(repairs, r => r.Contains("2 core properties (title, author, dates) parts where one is allowed", StringComparison.Ordinal));
        Assert.Contains(repairs, r => r.StartsWith("'xl/leftover.bin': no relationship reaches this part", StringComparison.Ordinal));
        using var zip = System.IO.Compression.ZipFile.OpenRead(output);
        Assert.Equal(["docProps/core.xml"], zip.Entries.Select(e => e.FullName).Where(n => n.Contains("core", StringComparison.Ordinal)));
    }

    public void Dispose() => _cli.Dispose();
}
