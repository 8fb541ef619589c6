using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Verification;

/// <summary>Verification recalculates what the plan affected and keeps Excel's cached values for the rest.</summary>
public sealed class StaleFormulasTests
{
    [Fact]
    public async Task VerifyAsync_KeepsExcelsCachedValues_WhenThePlanDidNotTouchTheirInputs()
    {
        using var book = Workbooks.OpenAsset("ConditionalFormattingSamples.xlsx");
        var sheet = book.Sheets.Single(s => book.Sheet(s.Name)?.Worksheet.Descendants<CellFormula>().Any(f => f.Text.Contains("SUBTOTAL(9, Table69", StringComparison.Ordinal)) == true).Name;
        var before = book.Text($"'{sheet}'!B13");
        book.Run("""{"op":"add_sheet","name":"Notes"}""");
        book.Run("""{"op":"set_values","range":"Notes!A1:A2","values":[[2],[3]]}""");
        book.Run("""{"op":"set_formulas","range":"Notes!A3","formula":"=SUM(A1:A2)"}""");

        var report = await book.VerifyAsync();
        using var reopened = book.Reopen();

        // Excel's cached SUBTOTAL skips the rows its table filter hides; another engine would not.
        Assert.Equal("1469066", before);
        Assert.Equal(before, reopened.Text($"'{sheet}'!B13"));
        Assert.Equal(5, reopened.Number("Notes!A3"));
        Assert.Contains(report.Checks, c => c.Contains("keep the input's cached values", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_RecalculatesFormulasThatDependOnChangedCells_DirectlyAndThroughOthers()
    {
        using var input = WorkbookSession.Create();
        input.Run("""{"op":"set_values","range":"Sheet1!A1:A2","values":[[1],[10]]}""");
        input.Run("""{"op":"set_formulas","range":"Sheet1!B1:D1","formulas":[["=A1*2","=B1+1","=A2*3"]]}""");
        await input.VerifyAsync();
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));

        book.Run("""{"op":"set_values","range":"Sheet1!A1","values":[[5]]}""");
        await book.VerifyAsync();
        using var reopened = book.Reopen();

        Assert.Equal(10, reopened.Number("Sheet1!B1"));
        Assert.Equal(11, reopened.Number("Sheet1!C1"));
        Assert.Equal(30, reopened.Number("Sheet1!D1"));
    }

    [Fact]
    public async Task VerifyAsync_RecalculatesEverything_WhenRowsMove()
    {
        using var input = WorkbookSession.Create();
        input.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");
        input.Run("""{"op":"set_formulas","range":"Sheet1!B1","formula":"=SUM(A1:A3)"}""");
        await input.VerifyAsync();
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));

        book.Run("""{"op":"delete_rows","sheet":"Sheet1","row":2,"count":1}""");
        await book.VerifyAsync();
        using var reopened = book.Reopen();

        Assert.Equal("=SUM(A1:A2)", reopened.Formula("Sheet1!B1"));
        Assert.Equal(4, reopened.Number("Sheet1!B1"));
    }
}
