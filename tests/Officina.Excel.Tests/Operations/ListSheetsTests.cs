using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class ListSheetsTests
{
    [Fact]
    public void Read_ListsSheetsWithUsedRanges_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("simple-monthly-budget.xlsx");

        var observation = book.Run("""{"op":"list_sheets"}""").Observation!;

        Assert.Contains("1. '", observation.Text);
        Assert.Equal(book.Sheets.Count, observation.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
