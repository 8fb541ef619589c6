using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class GroupRowsTests
{
    private static WorkbookSession Book()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"A1:A6","values":[["Head"],["a"],["b"],["c"],["d"],["Total"]]}""");
        return book;
    }

    [Fact]
    public void Apply_GroupsAndCollapses_LikeExcel()
    {
        using var book = Book();

        book.Run("""{"op":"group_rows","rows":"2:5","collapsed":true}""");
        using var reopened = book.Reopen();

        var sheet = reopened.Sheet("Sheet1")!;
        Assert.All(new[] { 2, 3, 4, 5 }, r =>
        {
            Assert.Equal(1, sheet.FindRow(r)!.OutlineLevel!.Value);
            Assert.True(sheet.FindRow(r)!.Hidden!.Value);
        });
        Assert.True(sheet.FindRow(6)!.Collapsed!.Value);
        Assert.Null(sheet.FindRow(6)!.Hidden);
        Assert.Equal(1, sheet.Worksheet.GetFirstChild<SheetFormatProperties>()!.OutlineLevelRow!.Value);
    }

    [Fact]
    public void Apply_NestsOneLevelDeeper_ExpandsAndUngroups()
    {
        using var book = Book();
        book.Run("""{"op":"group_rows","rows":"2:5"}""");

        var outcome = book.Run("""{"op":"group_rows","rows":"3:4"}""");
        Assert.Contains("outline level 2", outcome.Change!.Summary);
        book.Run("""{"op":"group_rows","rows":"3:4","level":2,"collapsed":true}""");
        book.Run("""{"op":"group_rows","rows":"3:4","level":2,"collapsed":false}""");
        using var reopened = book.Reopen();

        var sheet = reopened.Sheet("Sheet1")!;
        Assert.Equal([1, 2, 2, 1], new[] { 2, 3, 4, 5 }.Select(r => (int)sheet.FindRow(r)!.OutlineLevel!.Value));
        Assert.All(new[] { 2, 3, 4, 5 }, r => Assert.Null(sheet.FindRow(r)!.Hidden));
        Assert.Equal(2, sheet.Worksheet.GetFirstChild<SheetFormatProperties>()!.OutlineLevelRow!.Value);

        reopened.Run("""{"op":"group_rows","rows":"2:5","ungroup":true}""");
        reopened.Run("""{"op":"group_rows","rows":"2:5","ungroup":true}""");
        using var flat = reopened.Reopen();
        Assert.All(new[] { 2, 3, 4, 5 }, r => Assert.Null(flat.Sheet("Sheet1")!.FindRow(r)!.OutlineLevel));
        Assert.Null(flat.Sheet("Sheet1")!.Worksheet.GetFirstChild<SheetFormatProperties>()?.OutlineLevelRow);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForLevelAndConflicts()
    {
        using var book = Book();

        Assert.Contains(book.Fail("""{"op":"group_rows","rows":"2:5","level":8}"""), e => e.Path == "level" && e.Rule == "level_range");
        Assert.Contains(book.Fail("""{"op":"group_rows","rows":"2:5","ungroup":true,"collapsed":true}"""), e => e.Path == "ungroup");
        Assert.Contains(book.Fail("""{"op":"group_rows","rows":"x"}"""), e => e.Path == "rows");
        for (var i = 0; i < 7; i++)
        {
            book.Run("""{"op":"group_rows","rows":"2:3"}""");
        }

        Assert.Contains(book.Fail("""{"op":"group_rows","rows":"2:3"}"""), e => e.Rule == "level_range" && e.Message.Contains("7 levels"));
    }
}
