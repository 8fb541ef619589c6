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

    /// <summary>Nothing earlier in the plan changed the workbook, so the cached value Excel wrote is what the user sees.</summary>
    [Fact]
    public void Apply_PastesCachedValues_WhenValues()
    {
        using var input = Book();
        input.Sheet("Sheet1")!.FindCell(2, 3)!.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("40");
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));

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

    /// <summary>Clean in place: a helper column of formulas, its values pasted back over the data, the helper cleared.</summary>
    [Fact]
    public void Apply_PastesFormulaResults_WhenTheFormulasWereWrittenEarlierInThePlan()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A4","values":[["Name"],["  pens "],["ink"],[" paper"]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!B2:B4","formula":"=UPPER(TRIM(A2))"}""");

        book.Run("""{"op":"copy_range","source":"Sheet1!B2:B4","destination":"Sheet1!A2","what":"values"}""");
        book.Run("""{"op":"clear_range","range":"Sheet1!B2:B4"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["PENS", "INK", "PAPER"], [reopened.Text("A2"), reopened.Text("A3"), reopened.Text("A4")]);
        Assert.Null(reopened.Formula("A2"));
    }

    [Fact]
    public void Apply_PastesRecalculatedValues_WhenAPrecedentChangedEarlierInThePlan()
    {
        using var input = WorkbookSession.Create();
        input.Run("""{"op":"set_values","range":"Sheet1!B2","values":[[4]]}""");
        input.Run("""{"op":"set_formulas","range":"Sheet1!C2","formula":"=B2*10"}""");
        input.Sheet("Sheet1")!.FindCell(2, 3)!.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("40");
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));

        book.Run("""{"op":"set_values","range":"Sheet1!B2","values":[[7]]}""");
        book.Run("""{"op":"copy_range","source":"Sheet1!C2","destination":"Sheet1!D2","what":"values"}""");
        using var reopened = book.Reopen();

        Assert.Equal(70, reopened.Number("D2"));
    }

    [Fact]
    public void Apply_PastesLibreOfficeResults_WhenClosedXmlLacksTheFunction()
    {
        Assert.True(new Officina.OpenXml.LibreOffice.LibreOfficeRunner().IsInstalled, Officina.OpenXml.LibreOffice.LibreOfficeRunner.InstallHint);
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A2","values":[[110],[121]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!B1","formula":"=NPV(0.1,A1:A2)"}""");

        book.Run("""{"op":"copy_range","source":"Sheet1!B1","destination":"Sheet1!C1","what":"values"}""");
        using var reopened = book.Reopen();

        Assert.Equal(200, reopened.Number("C1"), 9);
    }

    [Fact]
    public void Execute_RefusesAndLeavesTheDestination_WhenAFormulaValueCannotBeComputed()
    {
        using var book = WorkbookSession.Create();
        book.LibreOffice = new Officina.OpenXml.LibreOffice.LibreOfficeRunner(Path.Combine(Path.GetTempPath(), "no-such-soffice"));
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A2","values":[[110],[121]]}""");
        book.Run("""{"op":"set_values","range":"Sheet1!C1","values":[["keep me"]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!B1","formula":"=NPV(0.1,A1:A2)"}""");

        var errors = book.Fail("""{"op":"copy_range","source":"Sheet1!B1","destination":"Sheet1!C1","what":"values"}""");
        using var reopened = book.Reopen();

        var error = Assert.Single(errors);
        Assert.Equal(("source", "formula_value_unknown"), (error.Path, error.Rule));
        Assert.Contains("Sheet1!B1 =NPV(0.1,A1:A2)", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", reopened.Text("C1"));
        Assert.Equal("", reopened.Text("B1"));
    }
}
