using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetFormulasTests
{
    [Fact]
    public void Apply_FillsLikeExcel_ShiftingRelativeReferencesOnly()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_formulas","range":"Sheet1!C2:C4","formula":"=B2*$A$1"}""");
        using var reopened = book.Reopen();

        Assert.Equal("=B2*$A$1", reopened.Formula("C2"));
        Assert.Equal("=B3*$A$1", reopened.Formula("C3"));
        Assert.Equal("=B4*$A$1", reopened.Formula("C4"));
        Assert.True(reopened.Workbook.CalculationProperties!.FullCalculationOnLoad!.Value);
    }

    [Fact]
    public void Apply_WritesGrid_AndPrefixesNewerFunctions()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_formulas","range":"Sheet1!A1:B1","formulas":[["=XLOOKUP(1,C1:C3,D1:D3)","=SUM(C1:C3)"]]}""");
        using var reopened = book.Reopen();

        Assert.Equal("=_xlfn.XLOOKUP(1,C1:C3,D1:D3)", reopened.Formula("A1"));
        Assert.Equal("=SUM(C1:C3)", reopened.Formula("B1"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenBothOrNeitherFormulaFormsAreGiven()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"set_formulas","range":"Sheet1!A1"}""");

        Assert.Contains(errors, e => e.Rule == "one_of");
    }

    [Fact]
    public void Validate_ReturnsError_WhenParenthesesDoNotBalance()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"set_formulas","range":"Sheet1!A1","formula":"=SUM(B1:B3"}""");

        Assert.Contains(errors, e => e.Rule == "formula_syntax" && e.Message.Contains("=SUM(B1:B3"));
    }
}
