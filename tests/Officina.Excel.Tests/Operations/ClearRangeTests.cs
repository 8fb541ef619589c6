using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class ClearRangeTests
{
    private static uint? StyleOf(WorkbookSession book, int row, int column) => book.Sheet("Sheet1")!.FindCell(row, column)?.StyleIndex?.Value;

    [Fact]
    public void Apply_ClearsValuesAndFormulas_KeepingStyles_ByDefault()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B1","values":[["x",5]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C1","formula":"=B1*2"}""");
        book.Run("""{"op":"format_range","range":"Sheet1!A1:C1","bold":true}""");
        var bold = StyleOf(book, 1, 1);

        book.Run("""{"op":"clear_range","range":"Sheet1!A1:C1"}""");
        using var reopened = book.Reopen();

        Assert.Equal("", reopened.Text("A1"));
        Assert.Equal("", reopened.Text("B1"));
        Assert.Null(reopened.Formula("C1"));
        Assert.Equal(bold, StyleOf(reopened, 1, 1));
        Assert.Equal(bold, StyleOf(reopened, 1, 3));
    }

    [Fact]
    public void Apply_ResetsStylesOnly_WhenFormats()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1","values":[[7]]}""");
        book.Run("""{"op":"format_range","range":"Sheet1!A1","number_format":"0.00"}""");

        book.Run("""{"op":"clear_range","range":"Sheet1!A1","what":"formats"}""");
        using var reopened = book.Reopen();

        Assert.Equal(7, reopened.Number("A1"));
        Assert.Null(StyleOf(reopened, 1, 1));
    }

    [Fact]
    public void Apply_RemovesCellsAndInnerMerges_WhenAll()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B2","values":[["a","b"],["c","d"]]}""");
        book.Run("""{"op":"merge_cells","range":"Sheet1!A1:B1"}""");

        book.Run("""{"op":"clear_range","range":"Sheet1!A1:B1","what":"all"}""");
        using var reopened = book.Reopen();

        Assert.Null(reopened.Sheet("Sheet1")!.FindCell(1, 1));
        Assert.Equal("c", reopened.Text("A2"));
        Assert.Null(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.MergeCells>());
    }

    [Fact]
    public void Apply_KeepsFollowerFormulas_WhenSharedMasterIsCleared()
    {
        using var book = SharedFormulaSheet.Create();

        book.Run("""{"op":"clear_range","range":"Sheet1!B1"}""");
        using var reopened = book.Reopen();

        Assert.Null(reopened.Formula("B1"));
        Assert.Equal("=A2*2", reopened.Formula("B2"));
        Assert.Equal("=A3*2", reopened.Formula("B3"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenRangeIsBad()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"clear_range","range":"Sheet1!A0"}""");

        Assert.Contains(errors, e => e.Path == "range" && e.Message.Contains("A0"));
    }

    [Fact]
    public void Apply_LeavesOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("57181.xlsm");
        var survey = PackageSurvey.Of(book, "General");

        book.Run("""{"op":"clear_range","range":"General!A1:C5","what":"contents"}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        Assert.Equal("", reopened.Text("General!A1"));
    }
}
