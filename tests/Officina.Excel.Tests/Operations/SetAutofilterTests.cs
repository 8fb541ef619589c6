using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetAutofilterTests
{
    private static WorkbookSession Orders()
    {
        var book = WorkbookSession.Create("Data");
        book.Run("""
            {"op":"set_values","range":"Data!A1:C7","values":[
              ["Item","Status","Amount"],["apple","open",10],["banana","closed",20],["cherry","Closed",30],["pineapple","open",40],["date",null,50],["apricot","closed",60]]}
            """);
        return book;
    }

    private static List<string> Shown(WorkbookSession book) =>
        [.. Enumerable.Range(2, 6).Where(r => book.Sheet("Data")!.FindRow(r)?.Hidden?.Value != true).Select(r => book.Text($"Data!A{r}"))];

    private static string FilterXml(WorkbookSession book) =>
        book.Sheet("Data")!.Worksheet.GetFirstChild<AutoFilter>()!.OuterXml
            .Replace(" xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", "", StringComparison.Ordinal)
            .Replace("x:", "", StringComparison.Ordinal);

    [Fact]
    public void Apply_WritesFilterColumn_AndHidesNonMatchingRows_KeepingData()
    {
        using var book = Orders();

        var outcome = book.Run("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Status","operator":"equals","value":"closed"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["banana", "cherry", "apricot"], Shown(reopened));
        Assert.Equal("pineapple", reopened.Text("Data!A5")); // hidden, not deleted
        Assert.Equal("<autoFilter ref=\"A1:C7\"><filterColumn colId=\"1\"><filters><filter val=\"closed\" /></filters></filterColumn></autoFilter>", FilterXml(reopened));
        var name = reopened.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal(("_xlnm._FilterDatabase", 0u, true, "Data!$A$1:$C$7"), (name.Name!.Value!, name.LocalSheetId!.Value, name.Hidden!.Value, name.Text));
        Assert.Equal(3, outcome.Change!.Count);
        Assert.Contains("3 data row(s) shown, 3 hidden", outcome.Change.Summary);
    }

    [Theory]
    [InlineData("contains", "\"apple\"", "<customFilter val=\"*apple*\" />", new[] { "apple", "pineapple" })]
    [InlineData("begins_with", "\"ap\"", "<customFilter val=\"ap*\" />", new[] { "apple", "apricot" })]
    [InlineData("ends_with", "\"E\"", "<customFilter val=\"*E\" />", new[] { "apple", "pineapple", "date" })]
    [InlineData("not_equals", "\"date\"", "<customFilter operator=\"notEqual\" val=\"date\" />", new[] { "apple", "banana", "cherry", "pineapple", "apricot" })]
    public void Apply_FiltersText_WithExcelsCustomFilters(string op, string value, string xml, string[] shown)
    {
        using var book = Orders();

        book.Run($$"""{"op":"set_autofilter","range":"Data!A1:C7","column":"Item","operator":"{{op}}","value":{{value}}}""");
        using var reopened = book.Reopen();

        Assert.Equal(shown, Shown(reopened));
        Assert.Contains(xml, FilterXml(reopened), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("greater_than", "30", new[] { "pineapple", "date", "apricot" })]
    [InlineData("less_than_or_equal", "20", new[] { "apple", "banana" })]
    [InlineData("top", "2", new[] { "date", "apricot" })]
    [InlineData("bottom", "2", new[] { "apple", "banana" })]
    public void Apply_FiltersNumbers_IncludingTopAndBottom(string op, string value, string[] shown)
    {
        using var book = Orders();

        book.Run($$"""{"op":"set_autofilter","range":"Data!A1:C7","column":"C","operator":"{{op}}","value":"{{value}}"}""");
        using var reopened = book.Reopen();

        Assert.Equal(shown, Shown(reopened));
    }

    [Fact]
    public void Apply_WritesTop10WithThreshold_ForTopPercent()
    {
        using var book = Orders();

        book.Run("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Amount","operator":"top","value":"50","percent":true}""");
        using var reopened = book.Reopen();

        Assert.Contains("<top10 percent=\"1\" val=\"50\" filterVal=\"40\" />", FilterXml(reopened), StringComparison.Ordinal);
        Assert.Equal(["pineapple", "date", "apricot"], Shown(reopened));
    }

    [Fact]
    public void Apply_CombinesColumns_AndRemoveShowsEverything()
    {
        using var book = Orders();
        book.Run("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Status","operator":"equals","value":"closed"}""");

        book.Run("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Amount","operator":"greater_than","value":"25"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["cherry", "apricot"], Shown(reopened));
        Assert.Equal(2, reopened.Sheet("Data")!.Worksheet.GetFirstChild<AutoFilter>()!.Elements<FilterColumn>().Count());

        reopened.Run("""{"op":"set_autofilter","range":"Data!A1:C7","remove":true}""");
        using var clear = reopened.Reopen();
        Assert.Null(clear.Sheet("Data")!.Worksheet.GetFirstChild<AutoFilter>());
        Assert.Equal(6, Shown(clear).Count);
        Assert.Null(clear.Workbook.DefinedNames);
    }

    [Fact]
    public void Apply_FiltersOnCachedFormulaValues()
    {
        using var book = Orders();
        book.Run("""{"op":"set_values","range":"Data!D1","values":[["Size"]]}""");
        book.Run("""{"op":"set_formulas","range":"Data!D2:D7","formula":"=IF(C2>=40,\"big\",\"small\")"}""");

        book.Run("""{"op":"set_autofilter","range":"Data!A1:D7","column":"Size","operator":"equals","value":"big"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["pineapple", "date", "apricot"], Shown(reopened));
    }

    [Fact]
    public void Apply_FiltersATable_InItsOwnAutoFilter()
    {
        using var book = Orders();
        book.Run("""{"op":"create_table","range":"Data!A1:C7","name":"Orders"}""");

        book.Run("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Status","operator":"equals","value":"open"}""");
        using var reopened = book.Reopen();

        var table = reopened.Sheet("Data")!.Part.TableDefinitionParts.Single().Table;
        Assert.Single(table.AutoFilter!.Elements<FilterColumn>());
        Assert.Null(reopened.Sheet("Data")!.Worksheet.GetFirstChild<AutoFilter>());
        Assert.Equal(["apple", "pineapple"], Shown(reopened));
    }

    [Fact]
    public void Validate_ReturnsErrors_AndChangesNothing()
    {
        using var book = Orders();
        book.Run("""{"op":"create_table","range":"Data!E1:F3","name":"Side"}""");
        var before = book.Sheet("Data")!.Worksheet.OuterXml;

        Assert.Contains(book.Fail("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Price","operator":"equals","value":"1"}"""), e => e.Rule == "column_exists" && e.Message.Contains("'Status'"));
        Assert.Contains(book.Fail("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Item","operator":"top","value":"0"}"""), e => e.Path == "value" && e.Rule == "top_count");
        Assert.Contains(book.Fail("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Item"}"""), e => e.Rule == "column_and_operator");
        Assert.Contains(book.Fail("""{"op":"set_autofilter","range":"Data!A1:C7","column":"Item","operator":"contains"}"""), e => e.Rule == "value_required");
        Assert.Contains(book.Fail("""{"op":"set_autofilter","range":"Data!A1:F7"}"""), e => e.Rule == "table_overlap" && e.Message.Contains("'Side'"));
        Assert.Contains(book.Fail("""{"op":"set_autofilter","range":"Data!A1:C1"}"""), e => e.Rule == "range_rows");
        Assert.Equal(before, book.Sheet("Data")!.Worksheet.OuterXml);
    }

    [Fact]
    public void Apply_FiltersWholeColumns_AsFarAsTheDataGoes()
    {
        using var book = Orders();

        book.Run("""{"op":"set_autofilter","range":"Data!A:C","column":"Amount","operator":"less_than","value":"30"}""");
        using var reopened = book.Reopen();

        Assert.Equal("A1:C7", reopened.Sheet("Data")!.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal(["apple", "banana"], Shown(reopened));
    }
}
