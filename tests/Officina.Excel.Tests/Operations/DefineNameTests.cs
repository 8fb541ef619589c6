using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class DefineNameTests
{
    private static DefinedName[] Names(WorkbookSession book) => [.. book.Workbook.DefinedNames?.Elements<DefinedName>() ?? []];

    [Fact]
    public void Apply_WritesAbsoluteRange_ThatResolvesAfterReopen()
    {
        using var book = WorkbookSession.Create("Data");
        book.Run("""{"op":"set_values","range":"Data!A1:A3","values":[[1],[2],[3]]}""");

        book.Run("""{"op":"define_name","name":"Amounts","refers_to":"Data!A1:A3","comment":"Monthly amounts"}""");
        book.Run("""{"op":"set_formulas","range":"Data!B1","formula":"=SUM(Amounts)"}""");
        using var reopened = book.Reopen();

        var name = Assert.Single(Names(reopened));
        Assert.Equal("Amounts", name.Name!.Value);
        Assert.Equal("Data!$A$1:$A$3", name.Text);
        Assert.Equal("Monthly amounts", name.Comment!.Value);
        Assert.Null(name.LocalSheetId);
        var (range, sheet) = reopened.Resolve(name.Text);
        Assert.Equal("A1:A3", range.Reference);
        Assert.Equal(3, sheet.CellsIn(range).Count());
    }

    [Fact]
    public void Apply_PlacesDefinedNamesAfterSheetsAndBeforeCalcPr()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_formulas","range":"Sheet1!A1","formula":"=1+1"}""");

        book.Run("""{"op":"define_name","name":"Rate","refers_to":"=0.08"}""");
        using var reopened = book.Reopen();

        var order = reopened.Workbook.ChildElements.Select(e => e.LocalName).ToList();
        Assert.True(order.IndexOf("sheets") < order.IndexOf("definedNames") && order.IndexOf("definedNames") < order.IndexOf("calcPr"), string.Join(",", order));
        Assert.Equal("0.08", Names(reopened)[0].Text);
    }

    [Fact]
    public void Apply_WritesLocalSheetId_WhenScopedToASheet()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"My Data"}""");

        book.Run("""{"op":"define_name","name":"Total","refers_to":"B2","scope":"My Data"}""");
        book.Run("""{"op":"define_name","name":"Total","refers_to":"Sheet1!C3"}""");
        using var reopened = book.Reopen();

        var scoped = Names(reopened).Single(n => n.LocalSheetId is not null);
        Assert.Equal(1u, scoped.LocalSheetId!.Value);
        Assert.Equal("'My Data'!$B$2", scoped.Text);
        Assert.Equal("Sheet1!$C$3", Names(reopened).Single(n => n.LocalSheetId is null).Text);
        Assert.Null(scoped.Comment);
    }

    [Theory]
    [InlineData("TAX2023")]
    [InlineData("R1C1")]
    [InlineData("r")]
    [InlineData("My Name")]
    [InlineData("1st")]
    [InlineData("A1")]
    public void Validate_ReturnsError_WhenNameBreaksExcelRules(string bad)
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail($$"""{"op":"define_name","name":"{{bad}}","refers_to":"Sheet1!A1"}""");

        var error = Assert.Single(errors);
        Assert.Equal("name", error.Path);
        Assert.Contains($"'{bad}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnsError_WhenNameIsTooLong()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail($$"""{"op":"define_name","name":"{{new string('n', 256)}}","refers_to":"Sheet1!A1"}""");

        Assert.Contains(errors, e => e.Path == "name" && e.Message.Contains("255", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RefusesDuplicate_UnlessReplaceIsTrue()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"define_name","name":"Rate","refers_to":"Sheet1!A1"}""");

        var errors = book.Fail("""{"op":"define_name","name":"RATE","refers_to":"Sheet1!A2"}""");
        book.Run("""{"op":"define_name","name":"RATE","refers_to":"Sheet1!A2","replace":true}""");
        using var reopened = book.Reopen();

        Assert.Contains(errors, e => e.Rule == "name_unique" && e.Message.Contains("Sheet1!$A$1", StringComparison.Ordinal));
        Assert.Equal("Sheet1!$A$2", Assert.Single(Names(reopened)).Text);
    }

    [Fact]
    public void Validate_ReturnsError_WhenScopeOrRangeIsUnknown()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"define_name","name":"X","refers_to":"Nowhere!A1","scope":"Missing"}""");

        Assert.Contains(errors, e => e.Path == "scope" && e.Message.Contains("'Missing'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "refers_to");
    }

    [Fact]
    public void Apply_KeepsExistingNamesAndMacros_InRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("57181.xlsm");
        var before = Names(book).Select(n => (n.Name!.Value, n.Text)).ToList();

        book.Run("""{"op":"define_name","name":"Officina_Check","refers_to":"General!A1:B2"}""");
        using var reopened = book.Reopen();

        var after = Names(reopened).Select(n => (n.Name!.Value, n.Text)).ToList();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(before, n => Assert.Contains(n, after));
        Assert.Contains(("Officina_Check", "General!$A$1:$B$2"), after);
        Assert.NotNull(reopened.WorkbookPart.VbaProjectPart);
    }

    [Theory]
    [InlineData("=cmd|'/C calc'!A0")]
    [InlineData("=[budget.xlsx]Sheet1!$A$1")]
    [InlineData(@"='\\server\share\[budget.xlsx]Rates'!$B$1")]
    public void Validate_ReturnsExternalReference_WhenRefersToReachesOutsideTheWorkbook(string formula)
    {
        using var book = WorkbookSession.Create("Data");

        var errors = book.Fail(System.Text.Json.JsonSerializer.Serialize(new { op = "define_name", name = "Rate", refers_to = formula }));
        using var reopened = book.Reopen();

        var error = Assert.Single(errors);
        Assert.Equal(("refers_to", "external_reference"), (error.Path, error.Rule));
        Assert.Contains($"Given: '{formula}'", error.Message, StringComparison.Ordinal);
        Assert.Null(reopened.Workbook.DefinedNames);
    }

    [Fact]
    public void Apply_DefinesTheLink_WhenAllowExternalReferencesIsTrue()
    {
        using var book = WorkbookSession.Create("Data");

        book.Run("""{"op":"define_name","name":"Rate","refers_to":"=[budget.xlsx]Sheet1!$A$1","allow_external_references":true}""");
        using var reopened = book.Reopen();

        var name = Assert.Single(reopened.Workbook.DefinedNames!.Elements<DefinedName>());
        Assert.Equal(("Rate", "[budget.xlsx]Sheet1!$A$1"), (name.Name!.Value, name.Text));
    }
}
