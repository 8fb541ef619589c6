using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class FreezePanesTests
{
    private static SheetView View(WorkbookSession book, string sheet = "Sheet1") =>
        book.Sheet(sheet)!.Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!;

    private static string Xml(SheetView view) =>
        string.Concat(view.ChildElements.Select(e => e.OuterXml))
            .Replace(" xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", "", StringComparison.Ordinal)
            .Replace("<x:", "<", StringComparison.Ordinal);

    [Fact]
    public void Apply_WritesPaneAndThreeSelections_LikeExcel_WhenRowsAndColumns()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"freeze_panes","top_left_cell":"B2"}""");
        using var reopened = book.Reopen();

        Assert.Equal(
            "<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\" />"
            + "<selection pane=\"topRight\" activeCell=\"B1\" sqref=\"B1\" />"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\" />"
            + "<selection pane=\"bottomRight\" activeCell=\"B2\" sqref=\"B2\" />",
            Xml(View(reopened)));
        var names = reopened.Sheet("Sheet1")!.Worksheet.ChildElements.Select(e => e.LocalName).ToList();
        Assert.True(names.IndexOf("sheetViews") < names.IndexOf("sheetData"));
    }

    [Fact]
    public void Apply_UsesBottomLeftPane_WhenOnlyRowsAreFrozen()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"freeze_panes","sheet":"Sheet1","top_left_cell":"A4"}""");
        using var reopened = book.Reopen();

        Assert.Equal(
            "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\" /><selection pane=\"bottomLeft\" activeCell=\"A4\" sqref=\"A4\" />",
            Xml(View(reopened)));
    }

    [Fact]
    public void Apply_UsesTopRightPane_WhenOnlyColumnsAreFrozen()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"freeze_panes","top_left_cell":"C1"}""");
        using var reopened = book.Reopen();

        Assert.Equal(
            "<pane xSplit=\"2\" topLeftCell=\"C1\" activePane=\"topRight\" state=\"frozen\" /><selection pane=\"topRight\" activeCell=\"C1\" sqref=\"C1\" />",
            Xml(View(reopened)));
    }

    [Fact]
    public void Apply_Unfreezes_WhenA1()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"freeze_panes","top_left_cell":"B2"}""");

        book.Run("""{"op":"freeze_panes","top_left_cell":"A1"}""");
        using var reopened = book.Reopen();

        Assert.Equal("<selection activeCell=\"A1\" sqref=\"A1\" />", Xml(View(reopened)));
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadCellAndSheet()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Two"}""");

        var errors = book.Fail("""{"op":"freeze_panes","top_left_cell":"B2:C3"}""");

        Assert.Contains(errors, e => e.Path == "top_left_cell" && e.Message.Contains("'B2:C3'"));
        Assert.Contains(errors, e => e.Path == "sheet" && e.Rule == "sheet_required");
    }

    [Fact]
    public void Apply_KeepsTheViewsOtherSettings_AndOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("basicspread.xlsx");
        var survey = PackageSurvey.Of(book, "Sheet1");

        book.Run("""{"op":"freeze_panes","sheet":"Sheet1","top_left_cell":"B3"}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        var view = View(reopened);
        Assert.True(view.TabSelected!.Value);
        Assert.Null(view.TopLeftCell);
        Assert.Equal("B3", view.GetFirstChild<Pane>()!.TopLeftCell!.Value);
        Assert.NotNull(view.GetFirstChild<PivotSelection>());
        Assert.IsType<PivotSelection>(view.ChildElements.Last());
    }
}
