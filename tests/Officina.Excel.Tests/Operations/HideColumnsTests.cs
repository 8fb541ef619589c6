using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class HideColumnsTests
{
    private static List<string> Cols(WorkbookSession book) =>
        [.. book.Sheet("Sheet1")!.Worksheet.GetFirstChild<Columns>()!.Elements<Column>()
            .Select(c => $"{c.Min!.Value}-{c.Max!.Value} w{c.Width?.Value} h{(c.Hidden?.Value == true ? 1 : 0)}")];

    [Fact]
    public void Apply_HidesPartOfASpan_KeepingWidths_AndUnhideRestores()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_column_width","columns":"A:E","width":20}""");

        book.Run("""{"op":"hide_columns","columns":"B:C"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["1-1 w20 h0", "2-3 w20 h1", "4-5 w20 h0"], Cols(reopened));
        reopened.Run("""{"op":"hide_columns","columns":"A:Z","unhide":true}""");
        Assert.Equal(["1-5 w20 h0"], Cols(reopened));
    }

    [Fact]
    public void Apply_GivesDefaultWidth_ToColumnsWithoutASpan()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"hide_columns","columns":"D"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["4-4 w9.140625 h1"], Cols(reopened));
    }

    [Fact]
    public void Validate_ReturnsError_ForBadColumns()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"hide_columns","columns":"3:4"}""");

        Assert.Contains(errors, e => e.Path == "columns" && e.Message.Contains("'3:4'"));
        Assert.Null(book.Sheet("Sheet1")!.Worksheet.GetFirstChild<Columns>());
    }
}
