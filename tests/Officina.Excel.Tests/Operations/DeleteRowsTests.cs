using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Tests.Structure;

namespace Officina.Excel.Tests.Operations;

public sealed class DeleteRowsTests
{
    [Fact]
    public void Apply_ShrinksRangesAndTurnsLostCellsIntoRef_WhenRowsAreDeleted()
    {
        using var book = StructureBooks.Numbers();
        book.DefineName("Inputs", "Sheet1!$A$1:$A$10");
        book.DefineName("Sixth", "Sheet1!$A$6");
        book.AddGeometry("A5:B6", "A5:A6 A8", "B1 B9");

        book.Run("""{"op":"delete_rows","sheet":"Sheet1","row":5,"count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal(4, reopened.Number("Sheet1!A4"));
        Assert.Equal(7, reopened.Number("Sheet1!A5"));
        Assert.Equal("=SUM(A1:A8)", reopened.Formula("Sheet1!A9"));
        Assert.Equal("=#REF!*2", reopened.Formula("Other!A1"));
        Assert.Equal("=SUM(Sheet1!$A$1:$A$8)", reopened.Formula("Other!A2"));
        Assert.Equal("Sheet1!$A$1:$A$8", reopened.NameText("Inputs"));
        Assert.Equal("#REF!", reopened.NameText("Sixth"));
        var sheet = reopened.Worksheet("Sheet1");
        Assert.Empty(sheet.Descendants<MergeCell>());
        Assert.Equal("A6", sheet.Descendants<ConditionalFormatting>().Single().SequenceOfReferences!.InnerText);
        Assert.Equal("B1 B7", sheet.Descendants<DataValidation>().Single().SequenceOfReferences!.InnerText);
        Assert.Equal(9, reopened.Sheet("Sheet1")!.Rows.Count());
    }

    [Fact]
    public void Apply_ShrinksTableAndMovesChart_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        var kept = book.Text("Table!C6");

        book.Run("""{"op":"delete_rows","sheet":"Table","row":4,"count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal(kept, reopened.Text("Table!C4"));
        Assert.Equal("C2:F13", reopened.Table("BigCity").Reference!.Value);
        Assert.Equal("C2:F12", reopened.Table("BigCity").AutoFilter!.Reference!.Value);
        Assert.Equal("I2:L13", reopened.Table("SmallCity").Reference!.Value);
        Assert.Contains("Table!$E$3:$E$12", reopened.ChartFormulas());
        Assert.Contains("Formula!$B$5", reopened.ChartFormulas());
        Assert.Equal("SUBTOTAL(109,BigCity[Population])", reopened.Sheet("Table")!.FindCell(13, 6)!.CellFormula!.Text);
        Assert.Equal(["Formula", "Table", "PivotTable"], reopened.Sheets.Select(s => s.Name));
    }

    [Theory]
    [InlineData(2, 1, "header")]
    [InlineData(15, 1, "totals")]
    [InlineData(1, 20, "all rows")]
    public void Validate_ReturnsError_WhenRowsWouldCutATableHeaderOrTotals(int row, int count, string words)
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        var errors = book.Fail($$"""{"op":"delete_rows","sheet":"Table","row":{{row}},"count":{{count}}}""");

        Assert.Contains(errors, e => e.Rule == "table_intact" && e.Message.Contains(words) && e.Message.Contains("BigCity"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenRowsRunPastTheSheet()
    {
        using var book = StructureBooks.Numbers();

        var errors = book.Fail("""{"op":"delete_rows","sheet":"Sheet1","row":1048570,"count":10}""");

        Assert.Contains(errors, e => e.Rule == "sheet_bounds" && e.Message.Contains("1048579"));
        Assert.Contains(book.Fail("""{"op":"delete_rows","sheet":"Sheet1","row":0,"count":1}"""), e => e.Rule == "row_range");
    }
}
