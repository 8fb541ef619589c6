using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class MergeCellsTests
{
    private static string[] Merges(WorkbookSession book, string sheet = "Sheet1") =>
        [.. book.Sheet(sheet)!.Worksheet.GetFirstChild<MergeCells>()?.Elements<MergeCell>().Select(m => m.Reference!.Value!) ?? []];

    [Fact]
    public void Apply_WritesMergeCellsInSchemaOrder_AndWarnsAboutClearedValues()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:C1","values":[["Title","lost",null]]}""");
        book.Run("""{"op":"freeze_panes","top_left_cell":"A2"}""");
        book.Sheet("Sheet1")!.Worksheet.AppendChild(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });

        var change = book.Run("""{"op":"merge_cells","range":"Sheet1!A1:C1"}""").Change!;
        using var reopened = book.Reopen();

        Assert.Equal(["A1:C1"], Merges(reopened));
        Assert.Contains("B1", change.Summary);
        Assert.Equal("Title", reopened.Text("A1"));
        Assert.Equal("", reopened.Text("B1"));
        var names = reopened.Sheet("Sheet1")!.Worksheet.ChildElements.Select(e => e.LocalName).ToList();
        Assert.True(names.IndexOf("sheetData") < names.IndexOf("mergeCells") && names.IndexOf("mergeCells") < names.IndexOf("pageMargins"), string.Join(",", names));
        Assert.Equal("1", reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<MergeCells>()!.Count!.InnerText);
    }

    [Fact]
    public void Validate_ReturnsError_WhenOverlappingAnExistingMerge()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"merge_cells","range":"Sheet1!A1:B2"}""");

        var errors = book.Fail("""{"op":"merge_cells","range":"Sheet1!B2:C3"}""");
        var single = book.Fail("""{"op":"merge_cells","range":"Sheet1!D4"}""");

        Assert.Contains(errors, e => e.Rule == "merge_overlap" && e.Message.Contains("A1:B2") && e.Message.Contains("B2:C3"));
        Assert.Contains(single, e => e.Rule == "merge_size" && e.Message.Contains("D4"));
    }

    [Fact]
    public void Apply_UnmergesAreasTouchingTheRange_AndDropsEmptyMergeCells()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"merge_cells","range":"Sheet1!A1:B2"}""");
        book.Run("""{"op":"merge_cells","range":"Sheet1!D1:E1"}""");

        book.Run("""{"op":"merge_cells","range":"Sheet1!B2","unmerge":true}""");
        var afterFirst = Merges(book);
        book.Run("""{"op":"merge_cells","range":"Sheet1!D1:E1","unmerge":true}""");
        using var reopened = book.Reopen();

        Assert.Equal(["D1:E1"], afterFirst);
        Assert.Empty(Merges(reopened));
        Assert.Null(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<MergeCells>());
    }

    [Fact]
    public void Apply_LeavesOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("ConditionalFormattingSamples.xlsx");
        var survey = PackageSurvey.Of(book, "Home");

        book.Run("""{"op":"merge_cells","range":"Home!H30:J31"}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        Assert.Contains("H30:J31", Merges(reopened, "Home"));
    }
}
