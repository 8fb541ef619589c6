using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class RemoveRowsWhereTests
{
    private static WorkbookSession Orders()
    {
        var book = WorkbookSession.Create();
        book.Run("""
            {"op":"set_values","range":"Sheet1!A1:C7","values":[
              ["Item","Status","Amount"],["a","open",10],["b","closed",20],["c","Closed",30],["d","open",40],["e",null,50],["f","closed",60]]}
            """);
        book.Run("""{"op":"set_formulas","range":"Sheet1!C9","formula":"=SUM(C2:C7)"}""");
        return book;
    }

    [Fact]
    public void Apply_RemovesMatchingRowsAndKeepsFormulasRight()
    {
        using var book = Orders();

        var outcome = book.Run("""{"op":"remove_rows_where","range":"Sheet1!A1:C7","column":"status","operator":"equals","value":"closed"}""");
        using var reopened = book.Reopen();

        Assert.Equal(3, outcome.Change!.Count);
        Assert.Contains("Removed 3 row(s)", outcome.Change.Summary);
        Assert.Equal(["a", "d", "e"], new[] { "A2", "A3", "A4" }.Select(a => reopened.Text("Sheet1!" + a)));
        Assert.Equal("", reopened.Text("Sheet1!A5"));
        Assert.Equal("=SUM(C2:C4)", reopened.Formula("Sheet1!C6"));
    }

    [Theory]
    [InlineData("C", "greater_than", "\"25\"", new[] { "a", "b" })]
    [InlineData("Amount", "less_than", "\"25\"", new[] { "c", "d", "e", "f" })]
    [InlineData("B", "is_empty", "null", new[] { "a", "b", "c", "d", "f" })]
    [InlineData("Status", "not_equals", "\"open\"", new[] { "a", "d" })]
    [InlineData("Item", "contains", "\"E\"", new[] { "a", "b", "c", "d", "f" })]
    [InlineData("Status", "begins_with", "\"CL\"", new[] { "a", "d", "e" })]
    [InlineData("Status", "ends_with", "\"en\"", new[] { "b", "c", "e", "f" })]
    [InlineData("Status", "regex", "\"^c.*d$\"", new[] { "a", "d", "e" })]
    [InlineData("Status", "regex", "\"(?-i)^C\"", new[] { "a", "b", "d", "e", "f" })]
    public void Apply_RemovesRowsMeetingEachCondition(string column, string op, string value, string[] kept)
    {
        using var book = Orders();

        book.Run($$"""{"op":"remove_rows_where","range":"Sheet1!A1:C7","column":"{{column}}","operator":"{{op}}","value":{{value}}}""");

        Assert.Equal(kept, Enumerable.Range(2, kept.Length).Select(r => book.Text($"Sheet1!A{r}")));
        Assert.Equal("", book.Text($"Sheet1!A{kept.Length + 2}"));
    }

    [Fact]
    public void Apply_ShrinksTheTable_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        var outcome = book.Run("""{"op":"remove_rows_where","range":"Table!C2:F14","column":"Population","operator":"less_than","value":"15000000"}""");
        using var reopened = book.Reopen();

        var table = reopened.WorkbookPart.WorksheetParts.SelectMany(w => w.TableDefinitionParts).Select(t => t.Table).Single(t => t.Name?.Value == "BigCity");
        Assert.Equal($"C2:F{15 - outcome.Change!.Count}", table.Reference!.Value);
        Assert.True(outcome.Change.Count > 0);
        for (var r = 3; r < 15 - outcome.Change.Count; r++)
        {
            Assert.True(reopened.Number($"Table!F{r}") >= 15000000);
        }
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenColumnOrValueIsMissing()
    {
        using var book = Orders();

        Assert.Contains(book.Fail("""{"op":"remove_rows_where","range":"Sheet1!A1:C7","column":"Price","operator":"equals","value":"1"}"""),
            e => e.Rule == "column_exists" && e.Message.Contains("'Status'"));
        Assert.Contains(book.Fail("""{"op":"remove_rows_where","range":"Sheet1!A1:C7","column":"B","operator":"equals"}"""),
            e => e.Rule == "value_required");
        Assert.Contains(book.Fail("""{"op":"remove_rows_where","range":"Nope!A1:C7","column":"B","operator":"is_empty"}"""),
            e => e.Rule == "sheet_exists");
    }

    [Fact]
    public void Apply_TestsFormulaResults_WhenTheColumnWasWrittenEarlierInThePlan()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B5","values":[["Item","Amount"],["a",5],["b",50],["c",7],["d",70]]}""");
        book.Run("""{"op":"set_values","range":"Sheet1!C1","values":[["Size"]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C2:C5","formula":"=IF(B2>=10,\"big\",\"small\")"}""");

        book.Run("""{"op":"remove_rows_where","range":"Sheet1!A1:C5","column":"Size","operator":"equals","value":"small"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["b", "d", ""], [reopened.Text("A2"), reopened.Text("A3"), reopened.Text("A4")]);
        Assert.Equal("big", reopened.Text("C3"));
    }

    [Fact]
    public void Validate_ReturnsError_ForABadPattern_AndChangesNothing()
    {
        using var book = Orders();

        var errors = book.Fail("""{"op":"remove_rows_where","range":"Sheet1!A1:C7","column":"Status","operator":"regex","value":"(open"}""");

        Assert.Contains(errors, e => e.Path == "value" && e.Rule == "regex" && e.Message.Contains("'(open'"));
        Assert.Equal("f", book.Text("Sheet1!A7"));
    }

    [Fact]
    public void Validate_ReturnsTimeoutError_ForACatastrophicPattern()
    {
        using var book = WorkbookSession.Create();
        book.Run($$"""{"op":"set_values","range":"Sheet1!A1:A2","values":[["Text"],["{{new string('a', 40)}}!"]]}""");

        var errors = book.Fail("""{"op":"remove_rows_where","range":"Sheet1!A1:A2","column":"Text","operator":"regex","value":"^(a+)+$"}""");

        Assert.Contains(errors, e => e.Rule == "regex_timeout");
        Assert.Equal(new string('a', 40) + "!", book.Text("Sheet1!A2"));
    }
}
