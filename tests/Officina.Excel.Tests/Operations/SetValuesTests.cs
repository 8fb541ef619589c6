using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetValuesTests
{
    [Fact]
    public void Apply_WritesTextNumbersBooleansAndDates_ThatSurviveReopen()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_values","range":"Sheet1!A1:D2","values":[["Year","Revenue","Ok","When"],[2026,1200000.5,true,"2026-01-31"]]}""");
        using var reopened = book.Reopen();

        Assert.Equal("Year", reopened.Text("A1"));
        Assert.Equal(1200000.5, reopened.Number("B2"));
        Assert.Equal("TRUE", reopened.Text("C2"));
        Assert.Equal(46053, reopened.Number("D2"));
        var style = reopened.Sheet("Sheet1")!.FindCell(2, 4)!.StyleIndex!.Value;
        Assert.Equal("yyyy-mm-dd", reopened.Styles.NumberFormatCode(reopened.Styles.CellFormatAt(style).NumberFormatId!.Value));
    }

    [Fact]
    public void Apply_KeepsStringsLiteral_WhenTheyLookLikeFormulas()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_values","range":"Sheet1!A1","values":[["=SUM(1,2)"," padded "]]}""");
        using var reopened = book.Reopen();

        Assert.Equal("=SUM(1,2)", reopened.Text("A1"));
        Assert.Null(reopened.Formula("A1"));
        Assert.Equal(" padded ", reopened.Text("B1"));
    }

    [Fact]
    public void Apply_ReplacesFormulaAndClearsWithNull()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_formulas","range":"Sheet1!A1","formula":"=1+1"}""");
        book.Run("""{"op":"set_values","range":"Sheet1!B1","values":[["x"]]}""");

        book.Run("""{"op":"set_values","range":"Sheet1!A1:B1","values":[[5,null]]}""");
        using var reopened = book.Reopen();

        Assert.Null(reopened.Formula("A1"));
        Assert.Equal(5, reopened.Number("A1"));
        Assert.Equal("", reopened.Text("B1"));
    }

    [Fact]
    public void Apply_WritesIntoExistingRows_InCellOrder()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!C3","values":[["c"]]}""");

        book.Run("""{"op":"set_values","range":"Sheet1!A3","values":[["a"]]}""");
        book.Run("""{"op":"set_values","range":"Sheet1!B1","values":[["top"]]}""");
        using var reopened = book.Reopen();

        var row3 = reopened.Sheet("Sheet1")!.FindRow(3)!;
        Assert.Equal(["A3", "C3"], row3.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.CellReference!.Value));
        Assert.Equal("top", reopened.Text("B1"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenValuesDoNotFitTheRange()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"set_values","range":"Sheet1!A1:B2","values":[[1,2,3]]}""");

        Assert.Contains(errors, e => e.Rule == "values_shape" && e.Message.Contains("1 rows × 3 columns"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenSheetIsMissing()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"set_values","range":"Nope!A1","values":[[1]]}""");

        var error = Assert.Single(errors);
        Assert.Equal("range", error.Path);
        Assert.Contains("'Nope'", error.Message);
        Assert.Contains("'Sheet1'", error.Message);
    }

    [Fact]
    public void Validate_ReturnsError_WhenRangeIsNotA1()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"set_values","range":"Sheet1!ZZZZ1","values":[[1]]}""");

        Assert.Contains(errors, e => e.Rule == "range" && e.Message.Contains("ZZZZ1"));
    }
}
