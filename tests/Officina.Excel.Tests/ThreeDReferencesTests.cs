using Officina.Excel.Formulas;

namespace Officina.Excel.Tests;

/// <summary>References across a span of sheets (<c>=SUM(Jan:Mar!B2)</c>), common in monthly models.</summary>
public sealed class ThreeDReferencesTests
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar"];

    [Theory]
    [InlineData("=SUM(Jan:Mar!B2)", "Jan", "Mar", "B2")]
    [InlineData("=SUM('Jan 2026:Mar 2026'!B2:C3)", "Jan 2026", "Mar 2026", "B2:C3")]
    [InlineData("=SUM('Jan''s:Mar'!A1)", "Jan's", "Mar", "A1")]
    public void Find_ReadsBothEndsOfASheetSpan(string formula, string first, string last, string cells)
    {
        var reference = Assert.Single(FormulaReferences.Find(formula));

        Assert.Equal(first, reference.Sheet);
        Assert.Equal(last, reference.LastSheet);
        Assert.Equal(cells, reference.Render(reference.First, reference.Last).Split('!')[1]);
    }

    [Theory]
    [InlineData("=SUM(Jan:Mar!B2)+Jan!A1", "Jan", "January", "=SUM(January:Mar!B2)+January!A1")]
    [InlineData("=SUM(Jan:Mar!B2)", "Mar", "March 2026", "=SUM('Jan:March 2026'!B2)")]
    [InlineData("=SUM('Jan 2026:Mar'!B2)", "Jan 2026", "Jan", "=SUM(Jan:Mar!B2)")]
    [InlineData("=SUM(Jan:Mar!B2)", "Feb", "February", "=SUM(Jan:Mar!B2)")]
    public void RenameSheet_RenamesEitherEndOfASpan(string formula, string from, string to, string expected)
    {
        Assert.Equal(expected, FormulaReferences.RenameSheet(formula, from, to));
    }

    [Theory]
    [InlineData("=SUM(Jan:Mar!B2)", "Jan", "=SUM(Feb:Mar!B2)")]
    [InlineData("=SUM(Jan:Mar!B2)", "Mar", "=SUM(Jan:Feb!B2)")]
    [InlineData("=SUM(Jan:Mar!B2)", "Feb", "=SUM(Jan:Mar!B2)")]
    [InlineData("=SUM(Jan:Feb!B2)", "Jan", "=SUM(Feb!B2)")]
    [InlineData("=SUM(Feb:Feb!B2)", "Feb", "=SUM(#REF!)")]
    [InlineData("=Mar!B2+SUM(Jan:Mar!B2)", "Mar", "=#REF!+SUM(Jan:Feb!B2)")]
    public void DeleteSheet_MovesTheEndOfASpanInward_AsExcelDoes(string formula, string deleted, string expected)
    {
        Assert.Equal(expected, FormulaReferences.DeleteSheet(formula, deleted, Months));
    }

    [Fact]
    public void InsertOrDelete_LeavesSheetSpansAlone_WhenRowsChangeOnOneSheetOfThem()
    {
        // Excel adjusts a 3-D reference only when the rows change on every sheet of it (grouped sheets).
        Assert.Equal("=SUM(Jan:Mar!B2)+Mar!B3", FormulaReferences.InsertOrDelete("=SUM(Jan:Mar!B2)+Mar!B2", "Summary", "Mar", SheetAxis.Rows, 1, 1));
    }

    [Fact]
    public void Run_RenameSheet_KeepsSpansWorking_AndDeleteSheetNarrowsThem()
    {
        using var book = MonthlyBook();

        book.Run("""{"op":"rename_sheet","from":"Jan","to":"January"}""");
        book.Run("""{"op":"delete_sheet","name":"Mar"}""");
        using var reopened = book.Reopen();

        Assert.Equal("=SUM(January:Feb!B2)", reopened.Formula("Summary!A1"));
    }

    [Fact]
    public async Task VerifyAsync_RecalculatesASpanFormula_WhenACellOnAMiddleSheetChanges()
    {
        using var input = MonthlyBook();
        await input.VerifyAsync();
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));
        Assert.Equal(6, book.Number("Summary!A1"));

        book.Run("""{"op":"set_values","range":"Feb!B2","values":[[20]]}""");
        await book.VerifyAsync();
        using var reopened = book.Reopen();

        Assert.Equal(24, reopened.Number("Summary!A1"));
    }

    private static WorkbookSession MonthlyBook()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"rename_sheet","from":"Sheet1","to":"Summary"}""");
        for (var i = 0; i < Months.Length; i++)
        {
            book.Run($$"""{"op":"add_sheet","name":"{{Months[i]}}"}""");
            book.Run($$"""{"op":"set_values","range":"{{Months[i]}}!B2","values":[[{{i + 1}}]]}""");
        }

        book.Run("""{"op":"set_formulas","range":"Summary!A1","formula":"=SUM(Jan:Mar!B2)"}""");
        return book;
    }
}
