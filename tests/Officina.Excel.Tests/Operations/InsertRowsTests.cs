using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Excel.Tests.Structure;

namespace Officina.Excel.Tests.Operations;

public sealed class InsertRowsTests
{
    [Fact]
    public void Apply_MovesCellsAndGrowsFormulas_WhenRowsAreInsertedInsideARange()
    {
        using var book = StructureBooks.Numbers();
        book.DefineName("Inputs", "Sheet1!$A$1:$A$10");
        book.AddGeometry("A5:B6", "A1:A10", "B4 B8");

        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":5,"count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal(4, reopened.Number("Sheet1!A4"));
        Assert.Equal("", reopened.Text("Sheet1!A5"));
        Assert.Equal(5, reopened.Number("Sheet1!A7"));
        Assert.Equal(10, reopened.Number("Sheet1!A12"));
        Assert.Equal("=SUM(A1:A12)", reopened.Formula("Sheet1!A13"));
        Assert.Equal("=Sheet1!A8*2", reopened.Formula("Other!A1"));
        Assert.Equal("=SUM(Sheet1!$A$1:$A$12)", reopened.Formula("Other!A2"));
        Assert.Equal("Sheet1!$A$1:$A$12", reopened.NameText("Inputs"));
        var sheet = reopened.Worksheet("Sheet1");
        Assert.Equal("A7:B8", sheet.Descendants<MergeCell>().Single().Reference!.Value);
        Assert.Equal("A1:A12", sheet.Descendants<ConditionalFormatting>().Single().SequenceOfReferences!.InnerText);
        Assert.Equal("B4 B10", sheet.Descendants<DataValidation>().Single().SequenceOfReferences!.InnerText);
        Assert.True(reopened.Workbook.CalculationProperties?.FullCalculationOnLoad?.Value);
    }

    [Fact]
    public void Apply_KeepsRowHeightsWithTheirRows()
    {
        using var book = StructureBooks.Numbers();
        var row = book.Sheet("Sheet1")!.FindRow(6)!;
        row.Height = 30;
        row.CustomHeight = true;

        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":1,"count":3}""");
        using var reopened = book.Reopen();

        Assert.Equal(30, reopened.Sheet("Sheet1")!.FindRow(9)!.Height!.Value);
        Assert.Equal(6, reopened.Number("Sheet1!A9"));
        Assert.Null(reopened.Sheet("Sheet1")!.FindRow(6)!.Height);
    }

    [Fact]
    public void Apply_KeepsSharedFormulasRight_WhenTheGroupStraddlesTheInsertion()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A12","values":[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10],[11],[12]]}""");
        var cells = book.Sheet("Sheet1")!;
        // B1:B4 share =A3 (B2 is =A4 ...), C1:C6 share =A1*2: written as Excel writes them.
        for (var r = 1; r <= 6; r++)
        {
            if (r <= 4)
            {
                cells.GetOrAddCell(r, 2).CellFormula = new CellFormula(r == 1 ? "A3" : "") { FormulaType = CellFormulaValues.Shared, SharedIndex = 0, Reference = r == 1 ? "B1:B4" : null };
            }

            cells.GetOrAddCell(r, 3).CellFormula = new CellFormula(r == 1 ? "A1*2" : "") { FormulaType = CellFormulaValues.Shared, SharedIndex = 1, Reference = r == 1 ? "C1:C6" : null };
        }

        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":5,"count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal(["=A3", "=A4", "=A7", "=A8"], Enumerable.Range(1, 4).Select(r => reopened.Formula($"Sheet1!B{r}")));
        Assert.Equal("=A4*2", reopened.Formula("Sheet1!C4"));
        Assert.Equal("=A7*2", reopened.Formula("Sheet1!C7"));
        Assert.Equal("=A8*2", reopened.Formula("Sheet1!C8"));
        Assert.Equal("C1:C8", reopened.Sheet("Sheet1")!.FindCell(1, 3)!.CellFormula!.Reference!.Value);
    }

    [Fact]
    public void Apply_MovesChartSeriesPivotsAndTables_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("basicspread.xlsx");

        book.Run("""{"op":"insert_rows","sheet":"Sheet2","row":1,"count":1}""");
        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":1,"count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal("A2:C5", reopened.PivotSource().Reference!.Value);
        Assert.Equal("Sheet2", reopened.PivotSource().Sheet!.Value);
        Assert.Equal(8, reopened.Number("Sheet2!A5"));
        Assert.Equal(["Sheet1!$G$3:$G$5"], reopened.ChartFormulas());
        Assert.Equal(3, reopened.Number("Sheet1!G5"));
        Assert.Equal("A32:B36", reopened.Table("Table2").Reference!.Value);
        Assert.Equal(["B40:D45", "F40:H45"], reopened.WorkbookPart.WorksheetParts.SelectMany(w => w.PivotTableParts)
            .Select(p => p.PivotTableDefinition.Location!.Reference!.Value!).Order());
        Assert.Single(reopened.WorkbookPart.PivotTableCacheDefinitionParts);
    }

    [Fact]
    public void Validate_ReturnsError_WhenRowsWouldCutThroughAPivotTable()
    {
        using var book = Workbooks.OpenAsset("basicspread.xlsx");

        var errors = book.Fail("""{"op":"insert_rows","sheet":"Sheet1","row":40,"count":1}""");

        Assert.Contains(errors, e => e.Rule == "pivot_intact" && e.Message.Contains("B38:D43"));
    }

    [Fact]
    public void Apply_GrowsTheTable_WhenRowsAreInsertedInsideIt()
    {
        using var book = Workbooks.OpenAsset("simple-monthly-budget.xlsx");
        var sheet = book.Sheets[0].Name;
        var below = book.Text($"'{sheet}'!B10");

        book.Run($$"""{"op":"insert_rows","sheet":"{{sheet}}","row":6,"count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal("B4:C9", reopened.Table("tblIncome").Reference!.Value);
        Assert.Equal("B4:C9", reopened.Table("tblIncome").AutoFilter!.Reference!.Value);
        Assert.Equal("B12:C25", reopened.Table("tblExpenses").Reference!.Value);
        Assert.Equal(below, reopened.Text($"'{sheet}'!B12"));
        Assert.Equal("SUM(tblIncome[Amount])", reopened.NameText("TotalMonthlyIncome"));
        Assert.Contains("'Simple Monthly Budget'!$E$11:$F$11", reopened.WorkbookPart.WorksheetParts.Single().DrawingsPart!.ChartParts.Single()
            .ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>().Select(f => f.Text));
        Assert.Null(reopened.WorkbookPart.CalculationChainPart);
    }

    [Fact]
    public void Apply_ShiftsTwentyThousandRows_InOnePass()
    {
        using var book = WorkbookSession.Create();
        var cells = book.Sheet("Sheet1")!;
        for (var r = 1; r <= 20_000; r++)
        {
            cells.SetValue(r, 1, r);
        }

        book.Run("""{"op":"set_formulas","range":"Sheet1!B1","formula":"=SUM(A1:A20000)"}""");

        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":2,"count":5}""");

        Assert.Equal(2, book.Number("Sheet1!A7"));
        Assert.Equal(20_000, book.Number("Sheet1!A20005"));
        Assert.Equal("=SUM(A1:A20005)", book.Formula("Sheet1!B1"));
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenSheetCountOrRowAreBad()
    {
        using var book = StructureBooks.Numbers();

        Assert.Contains(book.Fail("""{"op":"insert_rows","sheet":"Nope","row":1,"count":1}"""), e => e.Path == "sheet" && e.Message.Contains("'Nope'"));
        Assert.Contains(book.Fail("""{"op":"insert_rows","sheet":"Sheet1","row":1,"count":0}"""), e => e.Rule == "count_range" && e.Message.Contains("Given: 0"));
        Assert.Contains(book.Fail("""{"op":"insert_rows","sheet":"Sheet1","row":1048577,"count":1}"""), e => e.Rule == "row_range");
    }

    [Fact]
    public void Validate_ReturnsError_WhenDataWouldBePushedOffTheSheet()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!C1048575","values":[["edge"]]}""");

        var errors = book.Fail("""{"op":"insert_rows","sheet":"Sheet1","row":10,"count":2}""");

        Assert.Contains(errors, e => e.Rule == "sheet_bounds" && e.Message.Contains("C1048575"));
        book.Run("""{"op":"insert_rows","sheet":"Sheet1","row":10,"count":1}""");
        Assert.Equal("edge", book.Text("Sheet1!C1048576"));
    }
}
