using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class ReadRangeTests
{
    [Fact]
    public void Read_ShowsValuesAndFormulasAsFormulas()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A2","values":[[2],[3]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!A3","formula":"=SUM(A1:A2)"}""");

        var observation = book.Run("""{"op":"read_range","range":"Sheet1!A1:A3"}""").Observation!;

        Assert.Contains("A1: 2", observation.Text);
        Assert.Contains("A3: =SUM(A1:A2)", observation.Text);
    }

    [Fact]
    public void Validate_ReturnsError_WhenRangeIsTooLarge()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"read_range","range":"Sheet1!A1:Z1000"}""");

        Assert.Contains(errors, e => e.Rule == "max_cells" && e.Message.Contains("26000"));
    }

    [Fact]
    public void Read_ShowsFormulaResults_WhenTheFormulasWereWrittenEarlierInThePlan()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A2","values":[[2],[3]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!A3","formula":"=SUM(A1:A2)*10"}""");

        var observation = book.Run("""{"op":"read_range","range":"Sheet1!A1:A3"}""").Observation!;
        using var reopened = book.Reopen();

        Assert.Contains("A3: =SUM(A1:A2)*10 -> 50", observation.Text, StringComparison.Ordinal);
        Assert.Equal(50, reopened.Number("A3"));
    }
}
