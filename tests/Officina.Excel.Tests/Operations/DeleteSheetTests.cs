using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Excel.Tests.Structure;

namespace Officina.Excel.Tests.Operations;

public sealed class DeleteSheetTests
{
    [Fact]
    public void Apply_TurnsReferencesIntoRefAndShiftsScopedNames()
    {
        using var book = StructureBooks.Numbers();
        book.Run("""{"op":"add_sheet","name":"Third"}""");
        book.DefineName("Everything", "Sheet1!$A$1:$A$10");
        book.DefineName("_xlnm.Print_Area", "Sheet1!$A$1:$B$2", localSheetId: 0);
        book.DefineName("_xlnm.Print_Area", "Third!$A$1:$B$2", localSheetId: 2);
        book.Workbook.BookViews!.GetFirstChild<WorkbookView>()!.ActiveTab = 2;

        book.Run("""{"op":"delete_sheet","name":"Sheet1"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["Other", "Third"], reopened.Sheets.Select(s => s.Name));
        Assert.Equal("=#REF!*2", reopened.Formula("Other!A1"));
        Assert.Equal("=SUM(#REF!)", reopened.Formula("Other!A2"));
        Assert.Equal("#REF!", reopened.NameText("Everything"));
        var printArea = Assert.Single(reopened.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name?.Value == "_xlnm.Print_Area");
        Assert.Equal(1u, printArea.LocalSheetId!.Value);
        Assert.Equal("Third!$A$1:$B$2", printArea.Text);
        Assert.Equal(1u, reopened.Workbook.BookViews!.GetFirstChild<WorkbookView>()!.ActiveTab!.Value);
        Assert.Equal(2, reopened.WorkbookPart.WorksheetParts.Count());
    }

    [Fact]
    public void Apply_RemovesTheSheetAndKeepsTheRest_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        book.Run("""{"op":"delete_sheet","name":"Formula"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["Table", "PivotTable"], reopened.Sheets.Select(s => s.Name));
        Assert.Equal(2, reopened.WorkbookPart.WorksheetParts.Count());
        // The chart lived on the deleted sheet: its drawing and chart parts go with it.
        Assert.DoesNotContain(reopened.WorkbookPart.WorksheetParts, w => w.DrawingsPart is not null);
        Assert.Empty(reopened.ChartFormulas());
        Assert.Single(reopened.WorkbookPart.PivotTableCacheDefinitionParts);
        Assert.Equal("BigCity", reopened.WorkbookPart.PivotTableCacheDefinitionParts.Single().PivotCacheDefinition.CacheSource!.WorksheetSource!.Name!.Value);
        Assert.True(reopened.Worksheet("Table").Descendants<SheetView>().First().TabSelected?.Value);
        Assert.Equal("C2:F15", reopened.Table("BigCity").Reference!.Value);
    }

    [Fact]
    public void Validate_ReturnsError_WhenTheSheetIsTheLastVisibleOne()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Hidden"}""");
        book.SheetElement("Hidden")!.State = SheetStateValues.Hidden;

        var errors = book.Fail("""{"op":"delete_sheet","name":"Sheet1"}""");

        Assert.Contains(errors, e => e.Rule == "last_visible_sheet" && e.Message.Contains("'Sheet1'"));
        book.Run("""{"op":"delete_sheet","name":"Hidden"}""");
        Assert.Single(book.Sheets);
    }

    [Fact]
    public void Validate_ReturnsError_WhenTheSheetIsMissing()
    {
        using var book = StructureBooks.Numbers();

        var error = Assert.Single(book.Fail("""{"op":"delete_sheet","name":"Nope"}"""));

        Assert.Equal("sheet_exists", error.Rule);
        Assert.Contains("'Other'", error.Message);
    }
}
