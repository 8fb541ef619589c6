using System.Text.Json;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class FindCellsTests
{
    private static WorkbookSession Book()
    {
        var book = WorkbookSession.Create("Data");
        book.Run("""{"op":"add_sheet","name":"Other"}""");
        book.Run("""{"op":"set_values","range":"Data!A1:B3","values":[["Revenue",2],["Net revenue",2.5],["Cost",20]]}""");
        book.Run("""{"op":"set_formulas","range":"Data!C1","formula":"=SUM(B1:B3)"}""");
        book.Run("""{"op":"set_values","range":"Other!D4","values":[["revenue share"]]}""");
        return book;
    }

    [Fact]
    public void Read_FindsTextOnEverySheet_CaseInsensitive()
    {
        using var book = Book();

        var observation = book.Run("""{"op":"find_cells","value":"REVENUE"}""").Observation!;

        Assert.Contains("Data!A1: Revenue", observation.Text);
        Assert.Contains("Data!A2: Net revenue", observation.Text);
        Assert.Contains("Other!D4: revenue share", observation.Text);
        Assert.StartsWith("3 cell(s)", observation.Text);
    }

    [Fact]
    public void Read_MatchesNumbersByValue_WhenEquals()
    {
        using var book = Book();

        var observation = book.Run("""{"op":"find_cells","value":2,"match":"equals","range":"Data"}""").Observation!;

        Assert.Contains("Data!B1: 2", observation.Text);
        Assert.DoesNotContain("B2", observation.Text);
        Assert.DoesNotContain("B3", observation.Text);
    }

    [Fact]
    public void Read_HonoursStartsWithAndRange()
    {
        using var book = Book();

        var observation = book.Run("""{"op":"find_cells","value":"rev","match":"starts_with","range":"Data!A1:A3"}""").Observation!;

        Assert.StartsWith("1 cell(s)", observation.Text);
        Assert.Contains("Data!A1", observation.Text);
    }

    [Fact]
    public void Read_SearchesFormulaText_WhenLookInFormulas()
    {
        using var book = Book();

        var values = book.Run("""{"op":"find_cells","value":"SUM(","range":"Data"}""").Observation!;
        var formulas = book.Run("""{"op":"find_cells","value":"SUM(","range":"Data","look_in":"formulas"}""").Observation!;

        Assert.StartsWith("No cells", values.Text);
        Assert.Contains("Data!C1: =SUM(B1:B3)", formulas.Text);
    }

    [Fact]
    public void Read_CapsResults_AndSaysSo()
    {
        using var book = Book();

        var observation = book.Run("""{"op":"find_cells","value":"e","max_results":2}""").Observation!;

        Assert.Contains("first 2 shown", observation.Text);
        var data = JsonSerializer.SerializeToElement(observation.Data);
        Assert.Equal(2, data.GetProperty("matches").GetArrayLength());
        Assert.True(data.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenValueEmptyOrCapOutOfRange()
    {
        using var book = Book();

        var errors = book.Fail("""{"op":"find_cells","value":"","max_results":5000,"range":"Nope!A1"}""");

        Assert.Contains(errors, e => e.Path == "value" && e.Rule == "value_required");
        Assert.Contains(errors, e => e.Path == "max_results" && e.Message.Contains("5000"));
        Assert.Contains(errors, e => e.Path == "range" && e.Message.Contains("'Nope'"));
    }

    [Fact]
    public void Read_FindsValuesInRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        var observation = book.Run("""{"op":"find_cells","value":"Shanghai","range":"Table"}""").Observation!;

        Assert.Contains("Table!C3: Shanghai, China", observation.Text);
    }

    [Fact]
    public void Read_FindsFormulaResults_WhenTheFormulasWereWrittenEarlierInThePlan()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A2","values":[["north"],["south"]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!B1:B2","formula":"=UPPER(A1)&\"-42\""}""");

        var observation = book.Run("""{"op":"find_cells","value":"SOUTH-42"}""").Observation!;
        using var reopened = book.Reopen();

        Assert.Contains("Sheet1!B2: =UPPER(A2)&\"-42\" -> SOUTH-42", observation.Text, StringComparison.Ordinal);
        Assert.Equal("SOUTH-42", reopened.Text("B2"));
    }
}
