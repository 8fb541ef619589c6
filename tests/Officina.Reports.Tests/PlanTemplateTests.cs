using DocumentFormat.OpenXml.Validation;
using Officina.Excel;
using Officina.Reports.Output;

namespace Officina.Reports.Tests;

public sealed class PlanTemplateTests : IDisposable
{
    private readonly Fixtures _files = new();

    public void Dispose() => _files.Dispose();

    private static (string? Formula, string Value) Cell(WorkbookSession book, string reference)
    {
        var (range, sheet) = book.Resolve(reference);
        var cell = sheet.FindCell(range.FirstRow, range.FirstColumn);
        return (sheet.FormulaOf(cell, range.TopLeft), sheet.ValueOf(cell).ToString());
    }

    private static WorkbookSession Open(string path)
    {
        var book = WorkbookSession.Open(path);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(book.Document));
        return book;
    }

    [Fact]
    public async Task Render_KeepsFieldValuesAsValues_InFormulaText()
    {
        var template = _files.Excel("blank.xlsx", """{"op":"set_values","range":"Report!A1:A2","values":[[1],[2]]}""");
        var data = _files.File("d.json", """[{"adj":"-2+3","label":"=1+1","n":-2,"quote":"say \"hi\""}]""");
        var plan = _files.File("plan.json", """
            {"host":"excel","operations":[
              {"op":"set_formulas","range":"Report!B1","formula":"=10+{{n}}"},
              {"op":"set_formulas","range":"Report!B2","formula":"={{adj}}"},
              {"op":"set_formulas","range":"Report!B3","formula":"{{label}}"},
              {"op":"set_formulas","range":"Report!B4:B5","formulas":[["=LEN({{label}})"],["={{quote}}"]]}]}
            """);

        var summary = await Fixtures.RunAsync(template, data, plan, ReportOutput.Folder(_files.Path("out")));

        Assert.True(summary.Succeeded == 1, string.Join("; ", summary.Records.SelectMany(r => r.Errors)));
        using var book = Open(_files.Path("out/report-0001.xlsx"));
        Assert.Equal(("=10+(-2)", "8"), Cell(book, "Report!B1"));
        Assert.Equal(("=\"-2+3\"", "-2+3"), Cell(book, "Report!B2"));
        Assert.Equal(("=\"=1+1\"", "=1+1"), Cell(book, "Report!B3"));
        Assert.Equal(("=LEN(\"=1+1\")", "4"), Cell(book, "Report!B4"));
        Assert.Equal(("=\"say \"\"hi\"\"\"", "say \"hi\""), Cell(book, "Report!B5"));
    }

    [Fact]
    public async Task Render_InsertsFormulaText_WhenTheFieldIsMarkedAsFormula()
    {
        var template = _files.Excel("blank.xlsx", """{"op":"set_values","range":"Report!A1:A2","values":[[1],[2]]}""");
        var data = _files.File("d.json", """[{"expr":"SUM(A1:A2)*2","rate":"A1/4"}]""");
        var plan = _files.File("plan.json", """
            {"host":"excel","operations":[
              {"op":"set_formulas","range":"Report!B1","formula":"{{=expr}}"},
              {"op":"define_name","name":"Rate","refers_to":"=Report!$A$2*{{=rate}}"}]}
            """);

        var summary = await Fixtures.RunAsync(template, data, plan, ReportOutput.Folder(_files.Path("out")));

        Assert.True(summary.Succeeded == 1, string.Join("; ", summary.Records.SelectMany(r => r.Errors)));
        using var book = Open(_files.Path("out/report-0001.xlsx"));
        Assert.Equal(("=SUM(A1:A2)*2", "6"), Cell(book, "Report!B1"));
        Assert.Equal("Report!$A$2*A1/4", book.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Single().Text);
    }

    [Fact]
    public async Task Render_FailsTheRecord_WhenAMarkedFormulaFieldLinksOutsideTheWorkbook()
    {
        var template = _files.Excel("blank.xlsx", """{"op":"set_values","range":"Report!A1","values":[[1]]}""");
        var data = _files.File("d.json", """[{"expr":"cmd|'/C calc'!A0"}]""");
        var plan = _files.File("plan.json", """{"host":"excel","operations":[{"op":"set_formulas","range":"Report!B1","formula":"={{=expr}}"}]}""");

        var summary = await Fixtures.RunAsync(template, data, plan, ReportOutput.Folder(_files.Path("out")));

        var record = Assert.Single(summary.Records);
        Assert.Equal(ReportRecordStatus.Failed, record.Status);
        Assert.Contains(record.Errors, e => e.Rule == "external_reference");
        Assert.False(File.Exists(_files.Path("out/report-0001.xlsx")));
    }

    [Theory]
    [InlineData("""{"op":"set_values","range":"Report!B1","values":[["{{=expr}}"]]}""", "marks formula text")]
    [InlineData("""{"op":"define_name","name":"Rate","refers_to":"{{expr}}"}""", "would turn a range into a formula")]
    public async Task Render_FailsTheRecord_WhenDataWouldBecomeAFormulaOutsideFormulaText(string operation, string message)
    {
        var template = _files.Excel("blank.xlsx", """{"op":"set_values","range":"Report!A1","values":[[1]]}""");
        var data = _files.File("d.json", """[{"expr":"=1+1"}]""");
        var plan = _files.File("plan.json", $$"""{"host":"excel","operations":[{{operation}}]}""");

        var summary = await Fixtures.RunAsync(template, data, plan, ReportOutput.Folder(_files.Path("out")));

        var record = Assert.Single(summary.Records);
        Assert.Equal(ReportRecordStatus.Failed, record.Status);
        Assert.Contains(record.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.False(File.Exists(_files.Path("out/report-0001.xlsx")));
    }
}
