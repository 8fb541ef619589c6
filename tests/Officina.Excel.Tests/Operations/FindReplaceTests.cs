using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class FindReplaceTests
{
    private static WorkbookSession Book()
    {
        var book = WorkbookSession.Create("North");
        book.Run("""{"op":"add_sheet","name":"South"}""");
        book.Run("""{"op":"set_values","range":"North!A1:B3","values":[["ACME Ltd","Acme"],["acme ltd",2023],["Other",12023]]}""");
        book.Run("""{"op":"set_values","range":"South!A1:A2","values":[["ACME Ltd"],["Beta"]]}""");
        book.Run("""{"op":"set_formulas","range":"North!C1","formula":"=\"ACME \"&B2"}""");
        return book;
    }

    [Fact]
    public void Apply_ReplacesInTheWholeWorkbook_CaseInsensitive_AndCounts()
    {
        using var book = Book();

        var outcome = book.Run("""{"op":"find_replace","find":"acme","replace":"Apex"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["Apex Ltd", "Apex", "Apex ltd"], [reopened.Text("North!A1"), reopened.Text("North!B1"), reopened.Text("North!A2")]);
        Assert.Equal("Apex Ltd", reopened.Text("South!A1"));
        Assert.Equal("=\"ACME \"&B2", reopened.Formula("North!C1")); // formulas are left alone by default
        Assert.Equal(4, outcome.Change!.Count);
        Assert.Contains("Replaced 4 occurrence(s) of 'acme' with 'Apex' in 4 cell(s) of the workbook", outcome.Change.Summary);
    }

    [Fact]
    public void Apply_DoesNotRewriteASharedStringUsedElsewhere()
    {
        using var book = Book();

        book.Run("""{"op":"find_replace","find":"ACME Ltd","replace":"Apex Ltd","sheet":"South","match_case":true,"whole_cell":true}""");
        using var reopened = book.Reopen();

        Assert.Equal("Apex Ltd", reopened.Text("South!A1"));
        Assert.Equal("ACME Ltd", reopened.Text("North!A1")); // shared the same string before
    }

    [Fact]
    public void Apply_MatchCaseAndWholeCell_AndNumbersStayNumbers()
    {
        using var book = Book();

        var outcome = book.Run("""{"op":"find_replace","range":"North!A1:B3","find":"2023","replace":"2024","whole_cell":true}""");
        book.Run("""{"op":"find_replace","range":"North!A1:B3","find":"ACME","replace":"X","match_case":true}""");
        using var reopened = book.Reopen();

        Assert.Equal(2024, reopened.Number("North!B2"));
        Assert.Equal(12023, reopened.Number("North!B3"));
        Assert.Equal(1, outcome.Change!.Count);
        Assert.Equal(["X Ltd", "Acme", "acme ltd"], [reopened.Text("North!A1"), reopened.Text("North!B1"), reopened.Text("North!A2")]);
    }

    [Fact]
    public void Apply_ReplacesInFormulas_WhenAsked()
    {
        using var book = Book();

        book.Run("""{"op":"find_replace","sheet":"North","find":"B2","replace":"B3","in_formulas":true}""");
        using var reopened = book.Reopen();

        Assert.Equal("=\"ACME \"&B3", reopened.Formula("North!C1"));
    }

    [Fact]
    public void Validate_ReturnsErrors_AndChangesNothing()
    {
        using var book = Book();

        Assert.Contains(book.Fail("""{"op":"find_replace","find":"","replace":"x"}"""), e => e.Path == "find");
        Assert.Contains(book.Fail("""{"op":"find_replace","find":"a","replace":"b","range":"North!A1","sheet":"North"}"""), e => e.Path == "sheet" && e.Rule == "one_of");
        Assert.Contains(book.Fail("""{"op":"find_replace","find":"a","replace":"b","sheet":"West"}"""), e => e.Rule == "sheet_exists");
        Assert.Contains(book.Fail("""{"op":"find_replace","find":"&B2","replace":"&(B2","in_formulas":true}"""), e => e.Rule == "formula_syntax" && e.Message.Contains("North!C1"));
        Assert.Equal("ACME Ltd", book.Text("North!A1"));
        Assert.Equal("=\"ACME \"&B2", book.Formula("North!C1"));
    }

    [Fact]
    public void Apply_SaysSo_WhenNothingMatches()
    {
        using var book = Book();

        var outcome = book.Run("""{"op":"find_replace","range":"South!A1:A2","find":"zeta","replace":"eta"}""");

        Assert.Equal(0, outcome.Change!.Count);
        Assert.Equal("Found no 'zeta' to replace in South!A1:A2", outcome.Change.Summary);
    }
}
