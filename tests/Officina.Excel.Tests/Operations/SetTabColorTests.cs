using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetTabColorTests
{
    [Fact]
    public void Apply_ColorsTheTab_BeforeOtherSheetProperties()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_page_setup","fit_to_pages_wide":1}""");

        book.Run("""{"op":"set_tab_color","color":"#c00000"}""");
        using var reopened = book.Reopen();

        var properties = reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<SheetProperties>()!;
        Assert.Equal("FFC00000", properties.TabColor!.Rgb!.Value);
        Assert.Equal(["tabColor", "pageSetUpPr"], properties.ChildElements.Select(e => e.LocalName));
    }

    [Fact]
    public void Apply_RemovesTheColor_WithNone()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_tab_color","color":"00B050"}""");

        book.Run("""{"op":"set_tab_color","color":"none","sheet":"Sheet1"}""");
        using var reopened = book.Reopen();

        Assert.Null(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<SheetProperties>());
    }

    [Fact]
    public void Validate_ReturnsError_ForABadColor()
    {
        using var book = WorkbookSession.Create();

        Assert.Contains(book.Fail("""{"op":"set_tab_color","color":"red"}"""), e => e.Path == "color" && e.Message.Contains("'red'"));
        Assert.Null(book.Sheet("Sheet1")!.Worksheet.GetFirstChild<SheetProperties>());
    }
}
