using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Officina.Excel;
using Officina.Operations;
using Officina.PowerPoint;
using Officina.Reports.Output;
using Officina.Word;

namespace Officina.Reports.Tests;

public sealed class ReportBatchTests : IDisposable
{
    private readonly Fixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task RunAsync_FillsWordPlaceholders_InHeaderTableAndAcrossRuns()
    {
        var template = _files.Path("letter.docx");
        using (var session = WordSession.Create())
        {
            PlanRunner.Apply(session, new PlanSerializer(ReportBatch.Catalog).Read("""
                {"host":"word","operations":[
                  {"op":"insert_paragraph","anchor":"end","text":"Intro"},
                  {"op":"set_header","text":"Statement for {{ name }}"},
                  {"op":"insert_table","anchor":"end","rows":[["City","{{address.city}}"]]}]}
                """).Plan!);
            // "Dear {{name}}," split over three runs, the middle one bold, as Word leaves it after edits.
            var split = new Paragraph(new Run(new Text("Dear {{na")), new Run(new RunProperties(new Bold()), new Text("me}")), new Run(new Text("},") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
            session.Body.InsertBefore(split, session.Body.Elements<SectionProperties>().First());
            session.SaveAs(template);
        }

        var data = _files.File("people.json", """[{"name":"Ada","address":{"city":"London"}},{"name":"Grace","address":{"city":"Arlington"}}]""");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Path("out")), new ReportOptions { NamePattern = "{{name}}" });

        Assert.Equal(2, summary.Succeeded);
        using var grace = WordprocessingDocument.Open(_files.Path("out/Grace.docx"), false);
        var body = grace.MainDocumentPart!.Document.Body!;
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Dear Grace,");
        Assert.Equal("Arlington", body.Descendants<TableCell>().Last().InnerText);
        Assert.Equal("Statement for Grace", grace.MainDocumentPart.HeaderParts.Single().Header.InnerText);
        Assert.Contains("Dear Ada,", Fixtures.WordText(_files.Path("out/Ada.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WritesTypedExcelValues_ThatFormulasCompute()
    {
        var template = _files.Excel("kpi.xlsx",
            """{"op":"set_values","range":"Report!A1:B4","values":[["Amount","{{amount}}"],["Double",null],["Label","Customer: {{name}} ({{amount:0.00}})"],["Day","{{day}}"]]}""",
            """{"op":"set_formulas","range":"Report!B2","formula":"=B1*2"}""");
        var data = _files.File("data.csv", "name,amount,day\nContoso,1250.5,2026-01-31\nFabrikam,99,2026-02-28\n");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Path("out")));

        Assert.Equal([ReportRecordStatus.Succeeded, ReportRecordStatus.Succeeded], summary.Records.Select(r => r.Status));
        using var book = WorkbookSession.Open(_files.Path("out/report-0001.xlsx"));
        var sheet = book.Sheet("Report")!;
        Assert.Equal(CellValue.FromNumber(1250.5), sheet.ValueOf(sheet.FindCell(1, 2)));
        Assert.Equal(CellValue.FromNumber(2501), sheet.ValueOf(sheet.FindCell(2, 2)));
        Assert.Equal(CellValue.FromText("Customer: Contoso (1250.50)"), sheet.ValueOf(sheet.FindCell(3, 2)));
        var day = sheet.FindCell(4, 2)!;
        Assert.Equal(CellValue.FromNumber(46053), sheet.ValueOf(day));
        Assert.Equal("yyyy-mm-dd", book.Styles.NumberFormatCode(book.Styles.CellFormatAt(day.StyleIndex!.Value).NumberFormatId!.Value));
        using var second = WorkbookSession.Open(_files.Path("out/report-0002.xlsx"));
        Assert.Equal(CellValue.FromNumber(198), second.Sheet("Report")!.ValueOf(second.Sheet("Report")!.FindCell(2, 2)));
    }

    [Fact]
    public async Task RunAsync_FillsSlides_OnePresentationPerRecord()
    {
        var template = _files.PowerPoint("deck.pptx", """{"op":"add_slide","layout":"Title and Content","title":"Review {{quarter}}","bullets":[{"text":"Owner: {{owner}}"}]}""");
        var data = _files.File("q.csv", "quarter,owner\nQ1,Ana\nQ2,Ben\n");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Path("out")), new ReportOptions { NamePattern = "deck-{{quarter}}" });

        Assert.Equal(2, summary.Succeeded);
        using var deck = PresentationDocument.Open(_files.Path("out/deck-Q2.pptx"), false);
        var text = string.Join(" | ", deck.PresentationPart!.SlideParts.Select(s => s.Slide.InnerText));
        Assert.Contains("Review Q2", text, StringComparison.Ordinal);
        Assert.Contains("Owner: Ben", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AppliesPlanTemplate_WithTypedArrays()
    {
        var template = _files.Excel("blank.xlsx", """{"op":"set_values","range":"Report!A1","values":[["{{title}}"]]}""");
        var data = _files.File("rows.json", """{"reports":[{"title":"North","rows":[[1,2],[3,4.5]]},{"title":"South","rows":[[10,20]]}]}""");
        var plan = _files.File("plan.json", """
            {"host":"excel","operations":[
              {"op":"set_values","range":"Report!A2","values":"{{rows}}"},
              {"op":"set_formulas","range":"Report!D2","formula":"=SUM(A2:B3)"},
              {"op":"rename_sheet","from":"Report","to":"{{title}}"}]}
            """);

        var summary = await Fixtures.RunAsync(template, data, plan, ReportOutput.Folder(_files.Path("out")));

        Assert.Equal(2, summary.Succeeded);
        using var book = WorkbookSession.Open(_files.Path("out/report-0001.xlsx"));
        var sheet = book.Sheet("North")!;
        Assert.Equal(CellValue.FromNumber(4.5), sheet.ValueOf(sheet.FindCell(3, 2)));
        Assert.Equal(CellValue.FromNumber(10.5), sheet.ValueOf(sheet.FindCell(2, 4)));
        Assert.Equal(CellValue.FromText("North"), sheet.ValueOf(sheet.FindCell(1, 1)));
    }

    [Fact]
    public async Task RunAsync_FailsOnlyTheRecord_WhenAFieldIsMissing()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}} from {{city}}"}""");
        var data = _files.File("d.json", """[{"name":"Ada","city":"London"},{"name":"Bob"},{"name":"Cy","city":"Paris"}]""");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Path("out")));

        Assert.Equal([ReportRecordStatus.Succeeded, ReportRecordStatus.Failed, ReportRecordStatus.Succeeded], summary.Records.Select(r => r.Status));
        var error = Assert.Single(summary.Records[1].Errors);
        Assert.Equal("template:{{city}}", error.Path);
        Assert.Contains("'city'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Its fields: name", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Path("out/report-0002.docx")));
        Assert.Contains("Hello Cy from Paris", Fixtures.WordText(_files.Path("out/report-0003.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EmptiesMissingFields_WhenAsked()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"Hello {{name}}{{suffix}}!"}""");
        var data = _files.File("d.csv", "name\nAda\n");

        var summary = await Fixtures.RunAsync(template, data, null, ReportOutput.Folder(_files.Path("out")), new ReportOptions { MissingFields = Templates.MissingFieldPolicy.Empty });

        Assert.Equal(1, summary.Succeeded);
        Assert.Contains("Hello Ada!", Fixtures.WordText(_files.Path("out/report-0001.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NamesPlanErrors_WhenTheRenderedPlanIsInvalid()
    {
        var template = _files.Word("t.docx", """{"op":"insert_paragraph","anchor":"end","text":"x"}""");
        var data = _files.File("d.json", """[{"rows":"not a list"}]""");
        var plan = _files.File("p.json", """{"host":"word","operations":[{"op":"insert_table","anchor":"end","rows":"{{rows}}"}]}""");

        var summary = await Fixtures.RunAsync(template, data, plan, ReportOutput.Folder(_files.Path("out")));

        var record = Assert.Single(summary.Records);
        Assert.Equal(ReportRecordStatus.Failed, record.Status);
        Assert.StartsWith("plan:$.operations[0]", record.Errors[0].Path, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_files.Path("out")) && Directory.EnumerateFiles(_files.Path("out")).Any());
    }
}
