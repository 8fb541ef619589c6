using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class GroupColumnsTests
{
    private static List<string> Cols(WorkbookSession book) =>
        [.. book.Sheet("Sheet1")!.Worksheet.GetFirstChild<Columns>()!.Elements<Column>()
            .Select(c => $"{c.Min!.Value}-{c.Max!.Value} l{c.OutlineLevel?.Value ?? 0} h{(c.Hidden?.Value == true ? 1 : 0)} c{(c.Collapsed?.Value == true ? 1 : 0)}")];

    [Fact]
    public void Apply_GroupsAndCollapses_WithSummaryColumnToTheRight()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_column_width","columns":"B:D","width":12}""");

        book.Run("""{"op":"group_columns","columns":"B:D","collapsed":true}""");
        using var reopened = book.Reopen();

        Assert.Equal(["2-4 l1 h1 c0", "5-5 l0 h0 c1"], Cols(reopened));
        var widths = reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal([12, 9.140625], widths); // B:D keep their width; the summary column gets Excel's default
        Assert.Equal(1, reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<SheetFormatProperties>()!.OutlineLevelColumn!.Value);
    }

    [Fact]
    public void Apply_Ungroups_AndShowsTheColumns()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"group_columns","columns":"B:C","collapsed":true}""");

        book.Run("""{"op":"group_columns","columns":"B:C","ungroup":true}""");
        using var reopened = book.Reopen();

        Assert.Equal(["2-4 l0 h0 c0"], Cols(reopened));
        Assert.Null(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<SheetFormatProperties>()!.OutlineLevelColumn);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadColumnsAndLevel()
    {
        using var book = WorkbookSession.Create();

        Assert.Contains(book.Fail("""{"op":"group_columns","columns":"B:XFD"}"""), e => e.Path == "columns");
        Assert.Contains(book.Fail("""{"op":"group_columns","columns":"B","level":0}"""), e => e.Path == "level");
    }
}
