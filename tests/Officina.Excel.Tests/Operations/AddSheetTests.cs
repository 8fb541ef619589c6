using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class AddSheetTests
{
    [Fact]
    public void Apply_AddsSheetAtPosition_KeepingOthers()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Last"}""");

        book.Run("""{"op":"add_sheet","name":"My Inputs","position":1}""");
        book.Run("""{"op":"set_values","range":"'My Inputs'!A1","values":[[1]]}""");
        using var reopened = book.Reopen();

        Assert.Equal(["My Inputs", "Sheet1", "Last"], reopened.Sheets.Select(s => s.Name));
        Assert.Equal(1, reopened.Number("'My Inputs'!A1"));
    }

    [Theory]
    [InlineData("Sheet1", "sheet_unique")]
    [InlineData("sheet1", "sheet_unique")]
    [InlineData("a/b", "sheet_name")]
    [InlineData("This name is far too long for Excel", "sheet_name")]
    [InlineData("a[1]", "sheet_name")]
    [InlineData("why?", "sheet_name")]
    [InlineData("a*b", "sheet_name")]
    [InlineData("x:y", "sheet_name")]
    [InlineData("back\\\\slash", "sheet_name")]
    [InlineData("history", "sheet_name")]
    [InlineData("'quoted", "sheet_name")]
    [InlineData("quoted'", "sheet_name")]
    [InlineData("tab\\there", "sheet_name")]
    [InlineData("line\\nbreak", "sheet_name")]
    [InlineData("del\u007f", "sheet_name")]
    public void Validate_ReturnsError_WhenNameIsTakenOrInvalid(string name, string rule)
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail($$"""{"op":"add_sheet","name":"{{name}}"}""");

        Assert.Contains(errors, e => e.Rule == rule);
    }

    [Theory]
    [InlineData("bad", 0x0001, "name", "U+0001 at character 4")]
    [InlineData("nul", 0x0000, "", "U+0000 at character 4")]
    [InlineData("", 0xFFFE, "", "U+FFFE at character 1")]
    [InlineData("half ", 0xD800, "", "U+D800 at character 6")]
    public void Validate_ReturnsError_WhenNameHoldsWhatXmlCannot(string before, int character, string after, string message)
    {
        // The name is built from a code, as test data cannot carry half a surrogate pair intact, and the
        // operation directly, as a caller of the library may: the plan reader would refuse these first.
        var name = before + (char)character + after;
        using var book = WorkbookSession.Create();

        var errors = book.Execute(new Officina.Excel.Operations.AddSheet(name)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("sheet_name", error.Rule);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(["Sheet1"], book.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void Validate_Accepts_WhenNameUsesWhatExcelAllows()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"add_sheet","name":"Q1 (26) \"v2\" #2 & ü 😀 it's"}""");
        using var reopened = book.Reopen();

        Assert.Contains("Q1 (26) \"v2\" #2 & ü 😀 it's", reopened.Sheets.Select(s => s.Name));
    }
}
