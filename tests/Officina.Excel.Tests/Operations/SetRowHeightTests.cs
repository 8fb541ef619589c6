using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetRowHeightTests
{
    [Fact]
    public void Apply_SetsCustomHeight_OnRowsWithAndWithoutCells()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"A2","values":[["x"]]}""");

        var outcome = book.Run("""{"op":"set_row_height","rows":"2:3","height":30}""");
        using var reopened = book.Reopen();

        var sheet = reopened.Sheet("Sheet1")!;
        foreach (var r in new[] { 2, 3 })
        {
            Assert.Equal(30, sheet.FindRow(r)!.Height!.Value);
            Assert.True(sheet.FindRow(r)!.CustomHeight!.Value);
        }

        Assert.Equal("x", reopened.Text("A2"));
        Assert.Null(sheet.FindRow(1));
        Assert.Equal(2, outcome.Change!.Count);
    }

    [Fact]
    public void Apply_ResetsToAuto_AndDropsEmptyRows()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"A2","values":[["x"]]}""");
        book.Run("""{"op":"set_row_height","rows":"2:3","height":30}""");

        book.Run("""{"op":"set_row_height","rows":"2:3","auto":true}""");
        using var reopened = book.Reopen();

        var row = reopened.Sheet("Sheet1")!.FindRow(2)!;
        Assert.Null(row.Height);
        Assert.Null(row.CustomHeight);
        Assert.Null(reopened.Sheet("Sheet1")!.FindRow(3));
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadRowsAndHeight()
    {
        using var book = WorkbookSession.Create();

        Assert.Contains(book.Fail("""{"op":"set_row_height","rows":"A:B","height":20}"""), e => e.Path == "rows" && e.Message.Contains("'A:B'"));
        Assert.Contains(book.Fail("""{"op":"set_row_height","rows":"2","height":500}"""), e => e.Path == "height" && e.Rule == "height_range");
        Assert.Contains(book.Fail("""{"op":"set_row_height","rows":"2","height":20,"auto":true}"""), e => e.Rule == "one_of");
        Assert.Contains(book.Fail("""{"op":"set_row_height","rows":"1:1048576","height":20}"""), e => e.Rule == "max_rows");
        Assert.Empty(book.Sheet("Sheet1")!.Rows);
    }
}
