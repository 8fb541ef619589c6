using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class CopyRangeTests
{
    private static WorkbookSession Book()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B3","values":[["Item","Qty"],["Pens",4],["Ink",6]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C2:C3","formula":"=B2*$E$1"}""");
        book.Run("""{"op":"format_range","range":"Sheet1!A1:C1","bold":true}""");
        return book;
    }

    [Fact]
    public void Apply_ShiftsRelativeReferences_AndKeepsStyles_WhenAll()
    {
        using var book = Book();

        book.Run("""{"op":"copy_range","source":"Sheet1!A1:C3","destination":"Sheet1!F10"}""");
        using var reopened = book.Reopen();

        Assert.Equal("Item", reopened.Text("F10"));
        Assert.Equal(6, reopened.Number("G12"));
        Assert.Equal("=G11*$E$1", reopened.Formula("H11"));
        Assert.Equal("=G12*$E$1", reopened.Formula("H12"));
        Assert.Equal(reopened.Sheet("Sheet1")!.FindCell(1, 1)!.StyleIndex!.Value, reopened.Sheet("Sheet1")!.FindCell(10, 6)!.StyleIndex!.Value);
        Assert.Equal("=B2*$E$1", reopened.Formula("C2"));
    }

    [Fact]
    public void Apply_PastesCachedValues_WhenValues()
    {
        using var book = Book();
        var sheet = book.Sheet("Sheet1")!;
        sheet.FindCell(2, 3)!.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("40");

        book.Run("""{"op":"copy_range","source":"Sheet1!C2","destination":"D2","what":"values"}""");
        using var reopened = book.Reopen();

        Assert.Null(reopened.Formula("D2"));
        Assert.Equal(40, reopened.Number("D2"));
    }

    [Fact]
    public void Apply_CopiesToAnotherSheet_WithUnqualifiedReferencesOnTheTarget()
    {
        using var book = Book();
        book.Run("""{"op":"add_sheet","name":"Copy"}""");

        book.Run("""{"op":"copy_range","source":"Sheet1!B2:C3","destination":"Copy!B5","what":"formulas"}""");
        using var reopened = book.Reopen();

        Assert.Equal(4, reopened.Number("Copy!B5"));
        Assert.Equal("=B5*$E$1", reopened.Formula("Copy!C5"));
        Assert.Null(reopened.Sheet("Copy")!.FindCell(5, 2)!.StyleIndex);
    }

    [Fact]
    public void Apply_HandlesOverlap_ByCopyingFromASnapshot()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");

        book.Run("""{"op":"copy_range","source":"Sheet1!A1:A3","destination":"Sheet1!A2"}""");
        using var reopened = book.Reopen();

        Assert.Equal([1.0, 1, 2, 3], [reopened.Number("A1"), reopened.Number("A2"), reopened.Number("A3"), reopened.Number("A4")]);
    }

    [Fact]
    public void Apply_ExpandsSharedFormulas_AndBlanksClearTheDestination()
    {
        using var book = SharedFormulaSheet.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!E1:E3","values":[["old"],["old"],["old"]]}""");
        book.Run("""{"op":"clear_range","range":"Sheet1!A2"}""");

        book.Run("""{"op":"copy_range","source":"Sheet1!A1:B3","destination":"Sheet1!D1"}""");
        using var reopened = book.Reopen();

        Assert.Equal("=D2*2", reopened.Formula("E2"));
        Assert.Equal("=D3*2", reopened.Formula("E3"));
        Assert.Equal("", reopened.Text("D2"));
        Assert.Equal("=A2*2", reopened.Formula("B2"));
    }

    [Fact]
    public void Apply_TurnsReferencesOffTheSheetIntoRefErrors()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_formulas","range":"Sheet1!B2","formula":"=A1+1"}""");

        book.Run("""{"op":"copy_range","source":"Sheet1!B2","destination":"Sheet1!A1"}""");
        using var reopened = book.Reopen();

        Assert.Equal("=#REF!+1", reopened.Formula("A1"));
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadDestinationAndBounds()
    {
        using var book = Book();

        var missing = book.Fail("""{"op":"copy_range","source":"Sheet1!A1:C3","destination":"Nope!A1"}""");
        var bounds = book.Fail("""{"op":"copy_range","source":"Sheet1!A1:C3","destination":"Sheet1!XFD1"}""");

        Assert.Contains(missing, e => e.Path == "destination" && e.Message.Contains("'Nope'"));
        Assert.Contains(bounds, e => e.Path == "destination" && e.Rule == "sheet_bounds" && e.Message.Contains("XFD1"));
    }

    [Fact]
    public void Apply_LeavesOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        var survey = PackageSurvey.Of(book, "Table");

        book.Run("""{"op":"copy_range","source":"Table!C2:F5","destination":"Table!N2"}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        Assert.Equal("Shanghai, China", reopened.Text("Table!N3"));
        Assert.Equal(24256800, reopened.Number("Table!Q3"));
    }
}
