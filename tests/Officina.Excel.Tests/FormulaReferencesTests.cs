using Officina.Excel.Formulas;

namespace Officina.Excel.Tests;

public sealed class FormulaReferencesTests
{
    [Theory]
    [InlineData("=B2*2", 1, 0, "=B3*2")]
    [InlineData("=$B$2+B$2+$B2", 2, 1, "=$B$2+C$2+$B4")]
    [InlineData("=SUM(A1:A3)", 0, 1, "=SUM(B1:B3)")]
    [InlineData("=\"A1\"&A1", 1, 0, "=\"A1\"&A2")]
    [InlineData("='My Sheet'!A1+Data!B2", 1, 1, "='My Sheet'!B2+Data!C3")]
    [InlineData("=LOG10(A1)", 1, 0, "=LOG10(A2)")]
    [InlineData("=SUM(Table1[Amount])+A1", 1, 0, "=SUM(Table1[Amount])+A2")]
    [InlineData("=SUM(A:A)", 5, 0, "=SUM(A:A)")]
    [InlineData("=A1", -1, 0, "=#REF!")]
    public void Shift_MovesRelativeReferences(string formula, int rows, int columns, string expected)
    {
        Assert.Equal(expected, FormulaReferences.Shift(formula, rows, columns));
    }

    [Theory]
    [InlineData("=SUM(A1:A10)", 5, 2, "=SUM(A1:A12)")]
    [InlineData("=A4+A5", 5, 2, "=A4+A7")]
    [InlineData("=Other!A5+A5", 5, 2, "=Other!A5+A7")]
    [InlineData("=A5", 5, -1, "=#REF!")]
    [InlineData("=SUM(A1:A10)", 5, -2, "=SUM(A1:A8)")]
    [InlineData("=SUM(A5:A6)", 5, -2, "=SUM(#REF!)")]
    [InlineData("=A9", 5, -2, "=A7")]
    public void InsertOrDelete_AdjustsReferencesOnTheSheet(string formula, int at, int count, string expected)
    {
        Assert.Equal(expected, FormulaReferences.InsertOrDelete(formula, "Sheet1", "Sheet1", SheetAxis.Rows, at, count));
    }

    [Fact]
    public void RenameSheet_QuotesNewNameWhenNeeded()
    {
        Assert.Equal("='New Name'!A1+Keep!B2", FormulaReferences.RenameSheet("=Old!A1+Keep!B2", "Old", "New Name"));
    }
}
