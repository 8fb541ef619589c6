using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Tests.Structure;

namespace Officina.Excel.Tests.Operations;

public sealed class RenameSheetTests
{
    [Fact]
    public void Apply_RenamesEveryReference_InFormulasNamesAndValidations()
    {
        using var book = StructureBooks.Numbers();
        book.DefineName("Inputs", "Sheet1!$A$1:$A$10");
        var worksheet = book.Worksheet("Other");
        worksheet.InsertAfter(new DataValidations(new DataValidation(new Formula1("Sheet1!$A$1:$A$3"))
        { Type = DataValidationValues.List, SequenceOfReferences = new DocumentFormat.OpenXml.ListValue<DocumentFormat.OpenXml.StringValue> { InnerText = "B1" } })
        { Count = 1 }, worksheet.GetFirstChild<SheetData>());

        book.Run("""{"op":"rename_sheet","from":"sheet1","to":"My Data"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["My Data", "Other"], reopened.Sheets.Select(s => s.Name));
        Assert.Equal("=SUM(A1:A10)", reopened.Formula("'My Data'!A11"));
        Assert.Equal("='My Data'!A6*2", reopened.Formula("Other!A1"));
        Assert.Equal("=SUM('My Data'!$A$1:$A$10)", reopened.Formula("Other!A2"));
        Assert.Equal("'My Data'!$A$1:$A$10", reopened.NameText("Inputs"));
        Assert.Equal("'My Data'!$A$1:$A$3", reopened.Worksheet("Other").Descendants<Formula1>().Single().Text);
    }

    [Fact]
    public void Apply_RenamesChartSeriesAndPivotSource_OnRealWorkbooks()
    {
        using var cities = Workbooks.OpenAsset("DataTableCities.xlsx");
        using var basic = Workbooks.OpenAsset("basicspread.xlsx");

        cities.Run("""{"op":"rename_sheet","from":"Table","to":"City Table"}""");
        basic.Run("""{"op":"rename_sheet","from":"Sheet2","to":"Source"}""");
        using var reopenedCities = cities.Reopen();
        using var reopenedBasic = basic.Reopen();

        Assert.Contains("'City Table'!$E$3:$E$14", reopenedCities.ChartFormulas());
        Assert.Contains("Formula!$B$5", reopenedCities.ChartFormulas());
        Assert.DoesNotContain(reopenedCities.ChartFormulas(), f => f.StartsWith("Table!", StringComparison.Ordinal));
        Assert.Equal(reopenedCities.Text("'City Table'!C3"), cities.Text("'City Table'!C3"));
        Assert.Equal("Source", reopenedBasic.PivotSource().Sheet!.Value);
        Assert.Equal("A1:C4", reopenedBasic.PivotSource().Reference!.Value);
    }

    [Fact]
    public void Apply_ChangesOnlyTheCase_WhenTheNewNameDiffersByCase()
    {
        using var book = StructureBooks.Numbers();

        book.Run("""{"op":"rename_sheet","from":"Other","to":"OTHER"}""");

        Assert.Equal(["Sheet1", "OTHER"], book.Sheets.Select(s => s.Name));
    }

    [Theory]
    [InlineData("Nope", "New", "from", "sheet_exists")]
    [InlineData("Sheet1", "other", "to", "sheet_unique")]
    [InlineData("Sheet1", "a:b", "to", "sheet_name")]
    [InlineData("Sheet1", "History", "to", "sheet_name")]
    [InlineData("Sheet1", "new\\nline", "to", "sheet_name")]
    public void Validate_ReturnsError_WhenSheetsAreMissingTakenOrInvalid(string from, string to, string path, string rule)
    {
        using var book = StructureBooks.Numbers();

        var errors = book.Fail($$"""{"op":"rename_sheet","from":"{{from}}","to":"{{to}}"}""");

        Assert.Contains(errors, e => e.Path == path && e.Rule == rule);
    }
}
