using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class HideRowsTests
{
    [Fact]
    public void Apply_HidesRows_KeepsData_AndUnhides()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"A1:A4","values":[["a"],["b"],["c"],["d"]]}""");

        book.Run("""{"op":"hide_rows","rows":"2:3"}""");
        using var reopened = book.Reopen();

        var sheet = reopened.Sheet("Sheet1")!;
        Assert.Equal([false, true, true, false], new[] { 1, 2, 3, 4 }.Select(r => sheet.FindRow(r)!.Hidden?.Value == true));
        Assert.Equal("b", reopened.Text("A2"));

        var outcome = reopened.Run("""{"op":"hide_rows","rows":"1:10","unhide":true}""");
        Assert.Equal(2, outcome.Change!.Count);
        Assert.All(reopened.Sheet("Sheet1")!.Rows, r => Assert.Null(r.Hidden));
    }

    [Fact]
    public void Apply_CreatesEmptyRows_ToHideRowsWithoutCells()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"hide_rows","sheet":"Sheet1","rows":"5"}""");
        using var reopened = book.Reopen();

        Assert.True(reopened.Sheet("Sheet1")!.FindRow(5)!.Hidden!.Value);
        reopened.Run("""{"op":"hide_rows","rows":"5","unhide":true}""");
        Assert.Null(reopened.Sheet("Sheet1")!.FindRow(5)); // an empty row without attributes is not kept
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadRowsAndSheet()
    {
        using var book = WorkbookSession.Create();

        Assert.Contains(book.Fail("""{"op":"hide_rows","rows":"0:2"}"""), e => e.Path == "rows" && e.Rule == "rows");
        Assert.Contains(book.Fail("""{"op":"hide_rows","rows":"2","sheet":"Nope"}"""), e => e.Path == "sheet" && e.Rule == "sheet_exists");
    }
}
