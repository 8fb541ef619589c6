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
    public void Validate_ReturnsError_WhenNameIsTakenOrInvalid(string name, string rule)
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail($$"""{"op":"add_sheet","name":"{{name}}"}""");

        Assert.Contains(errors, e => e.Rule == rule);
    }
}
