using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SortRangeTests
{
    private static string[] Column(WorkbookSession book, string column, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(r => book.Text($"Sheet1!{column}{r}"))];

    [Fact]
    public void Apply_SortsByHeaderName_MovingFormulasAndStylesWithTheirRows()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B4","values":[["Name","Qty"],["b",2],["c",3],["a",1]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C2:C4","formula":"=B2*$E$1"}""");
        book.Run("""{"op":"format_range","range":"Sheet1!A3","bold":true}""");
        var bold = book.Sheet("Sheet1")!.FindCell(3, 1)!.StyleIndex!.Value;

        book.Run("""{"op":"sort_range","range":"Sheet1!A1:C4","has_header":true,"keys":[{"column":"qty","order":"desc"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal(["Name", "c", "b", "a"], Column(reopened, "A", 1, 4));
        Assert.Equal("=B2*$E$1", reopened.Formula("C2"));
        Assert.Equal(3, reopened.Number("B2"));
        Assert.Equal(bold, reopened.Sheet("Sheet1")!.FindCell(2, 1)!.StyleIndex!.Value);
        Assert.Null(reopened.Sheet("Sheet1")!.FindCell(3, 1)!.StyleIndex);
    }

    [Fact]
    public void Apply_PutsNumbersBeforeTextBeforeBooleans_AndBlanksLastEitherWay()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B6","values":[["x",1],[true,2],[null,3],[10,4],["Apple",5],[2,6]]}""");

        book.Run("""{"op":"sort_range","range":"Sheet1!A1:B6","keys":[{"column":"A"}]}""");
        var ascending = Column(book, "B", 1, 6);
        book.Run("""{"op":"sort_range","range":"Sheet1!A1:B6","keys":[{"column":"A","order":"desc"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal(["6", "4", "5", "1", "2", "3"], ascending);
        Assert.Equal(["2", "1", "5", "4", "6", "3"], Column(reopened, "B", 1, 6));
    }

    [Fact]
    public void Apply_IsStable_AndUsesLaterKeysForTies()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:C5","values":[["east",2,"r1"],["west",1,"r2"],["east",1,"r3"],["west",1,"r4"],["east",2,"r5"]]}""");

        book.Run("""{"op":"sort_range","range":"Sheet1!A1:C5","keys":[{"column":"A"},{"column":"B","order":"asc"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal(["r3", "r1", "r5", "r2", "r4"], Column(reopened, "C", 1, 5));
    }

    [Fact]
    public void Apply_KeepsSharedFormulaGroupsOutsideTheRangeWorking()
    {
        using var book = SharedFormulaSheet.Create();

        book.Run("""{"op":"sort_range","range":"Sheet1!A1:B2","keys":[{"column":"A","order":"desc"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal(2, reopened.Number("A1"));
        Assert.Equal("=A1*2", reopened.Formula("B1"));
        Assert.Equal("=A2*2", reopened.Formula("B2"));
        Assert.Equal("=A3*2", reopened.Formula("B3"));
    }

    [Fact]
    public void Validate_ReturnsErrors_ForUnknownKeysAndMergedCells()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B3","values":[["Name","Qty"],["a",1],["b",2]]}""");
        book.Run("""{"op":"merge_cells","range":"Sheet1!A3:B3"}""");

        var errors = book.Fail("""{"op":"sort_range","range":"Sheet1!A1:B3","has_header":true,"keys":[{"column":"Price"},{"column":"D"}]}""");

        Assert.Contains(errors, e => e.Path == "keys[0].column" && e.Message.Contains("'Price'") && e.Message.Contains("'Qty'"));
        Assert.Contains(errors, e => e.Path == "keys[1].column" && e.Message.Contains("'D'"));
        Assert.Contains(errors, e => e.Rule == "merged_cells" && e.Message.Contains("A3:B3"));
    }

    [Fact]
    public void Apply_LeavesOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        var survey = PackageSurvey.Of(book, "Table");

        book.Run("""{"op":"sort_range","range":"Table!I2:L14","has_header":true,"keys":[{"column":"Population","order":"desc"}]}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        var populations = Enumerable.Range(3, 12).Select(r => reopened.Number($"Table!L{r}")).ToList();
        Assert.Equal(populations.OrderByDescending(p => p), populations);
    }

    [Fact]
    public void Apply_SortsByFormulaResults_WhenTheKeyColumnWasWrittenEarlierInThePlan()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B4","values":[["Name","Qty"],["b",2],["c",30],["a",10]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C1","formula":"=\"Score\""}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!C2:C4","formula":"=100-B2"}""");

        book.Run("""{"op":"sort_range","range":"Sheet1!A1:C4","has_header":true,"keys":[{"column":"C","order":"asc"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal(["c", "a", "b"], Column(reopened, "A", 2, 4));
        Assert.Equal(["70", "90", "98"], Column(reopened, "C", 2, 4));
        Assert.Equal("=100-B2", reopened.Formula("C2"));
    }
}
