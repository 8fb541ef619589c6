using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class AddDataValidationTests
{
    private static DataValidation[] Validations(WorkbookSession book, string sheet = "Sheet1") =>
        [.. book.Sheet(sheet)!.Worksheet.GetFirstChild<DataValidations>()?.Elements<DataValidation>() ?? []];

    [Fact]
    public void Apply_WritesQuotedList_WithPromptAndError()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"add_data_validation","range":"Sheet1!C2:C50","type":"list","items":["Open","In \"review\"","Done"],"error_title":"Status","error_message":"Pick a status","prompt":"Choose one","allow_blank":false}""");
        using var reopened = book.Reopen();

        var list = reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<DataValidations>()!;
        Assert.Equal(1u, list.Count!.Value);
        var dv = Assert.Single(Validations(reopened));
        Assert.Equal(DataValidationValues.List, dv.Type!.Value);
        Assert.Equal("C2:C50", dv.SequenceOfReferences!.InnerText);
        Assert.Equal("\"Open,In \"\"review\"\",Done\"", dv.Formula1!.Text);
        Assert.False(dv.AllowBlank!.Value);
        Assert.Equal("Status", dv.ErrorTitle!.Value);
        Assert.Equal("Pick a status", dv.Error!.Value);
        Assert.Equal("Choose one", dv.Prompt!.Value);
        Assert.Null(dv.PromptTitle);
    }

    [Fact]
    public void Apply_WritesListSource_AsAbsoluteRange()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"Lists"}""");

        book.Run("""{"op":"add_data_validation","range":"Sheet1!A2:A9","type":"list","source":"Lists!A1:A5"}""");
        book.Run("""{"op":"add_data_validation","range":"Sheet1!B2","type":"list","source":"D1:D3"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["Lists!$A$1:$A$5", "$D$1:$D$3"], Validations(reopened).Select(v => v.Formula1!.Text));
    }

    [Fact]
    public void Apply_WritesNumberAndDateLimits_WithOperators()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"add_data_validation","range":"Sheet1!A1:A9","type":"whole","values":["1","=$F$1"]}""");
        book.Run("""{"op":"add_data_validation","range":"Sheet1!B1:B9","type":"date","operator":"greater_than_or_equal","values":["2026-01-31"],"error_style":"warning"}""");
        book.Run("""{"op":"add_data_validation","range":"Sheet1!C1:C9","type":"text_length","operator":"less_than_or_equal","values":["20"]}""");
        book.Run("""{"op":"add_data_validation","range":"Sheet1!D1:D9","type":"custom","formula":"=ISNUMBER(D1)"}""");
        using var reopened = book.Reopen();

        var all = Validations(reopened);
        Assert.Equal(("1", "$F$1"), (all[0].Formula1!.Text, all[0].Formula2!.Text));
        Assert.Null(all[0].Operator);
        Assert.Equal(DataValidationOperatorValues.GreaterThanOrEqual, all[1].Operator!.Value);
        Assert.Equal("46053", all[1].Formula1!.Text);
        Assert.Equal(DataValidationErrorStyleValues.Warning, all[1].ErrorStyle!.Value);
        Assert.Equal(DataValidationValues.TextLength, all[2].Type!.Value);
        Assert.Equal("ISNUMBER(D1)", all[3].Formula1!.Text);
    }

    [Fact]
    public void Apply_TakesCellsAwayFromAnOverlappingValidation()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_data_validation","range":"Sheet1!A1:A10","type":"list","items":["x","y"]}""");

        book.Run("""{"op":"add_data_validation","range":"Sheet1!A4:A5","type":"whole","operator":"greater_than","values":["0"]}""");
        using var reopened = book.Reopen();

        var all = Validations(reopened);
        Assert.Equal(2, all.Length);
        Assert.Equal("A1:A3 A6:A10", all[0].SequenceOfReferences!.InnerText);
        Assert.Equal("A4:A5", all[1].SequenceOfReferences!.InnerText);
    }

    [Fact]
    public void Validate_ReturnsError_WhenListIsLongerThan255Characters()
    {
        using var book = WorkbookSession.Create();
        var items = string.Join(",", Enumerable.Range(0, 30).Select(i => $"\"Item number {i:00}\""));

        var errors = book.Fail($$"""{"op":"add_data_validation","range":"Sheet1!A1","type":"list","items":[{{items}}]}""");

        Assert.Contains(errors, e => e.Path == "items" && e.Rule == "list_length" && e.Message.Contains("Given: 449", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReturnsErrors_NamingTheBadValues()
    {
        using var book = WorkbookSession.Create();

        var comma = book.Fail("""{"op":"add_data_validation","range":"Sheet1!A1","type":"list","items":["a,b"]}""");
        var both = book.Fail("""{"op":"add_data_validation","range":"Sheet1!A1","type":"list","items":["a"],"source":"B1:B2"}""");
        var whole = book.Fail("""{"op":"add_data_validation","range":"Sheet1!A1","type":"whole","operator":"equal","values":["2.5"]}""");
        var date = book.Fail("""{"op":"add_data_validation","range":"Sheet1!A1","type":"date","operator":"less_than","values":["soon"]}""");
        var title = book.Fail($$"""{"op":"add_data_validation","range":"Sheet1!A1","type":"custom","formula":"=A1>0","error_title":"{{new string('t', 40)}}"}""");

        Assert.Contains(comma, e => e.Path == "items[0]" && e.Message.Contains("'a,b'", StringComparison.Ordinal));
        Assert.Contains(both, e => e.Rule == "one_of");
        Assert.Contains(whole, e => e.Path == "values[0]" && e.Message.Contains("'2.5'", StringComparison.Ordinal));
        Assert.Contains(date, e => e.Path == "values[0]" && e.Message.Contains("'soon'", StringComparison.Ordinal));
        Assert.Contains(title, e => e.Path == "error_title" && e.Message.Contains("40", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_KeepsExistingValidationsAndComments_InRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataValidationEvaluations.xlsx");
        var sheet = book.Sheets[0].Name;
        var before = Validations(book, sheet).Select(v => v.OuterXml).ToList();
        var comments = book.Sheet(sheet)!.Part.WorksheetCommentsPart!.Comments.OuterXml;

        book.Run($$"""{"op":"add_data_validation","range":"'{{sheet}}'!AZ1:AZ5","type":"list","items":["Yes","No"]}""");
        using var reopened = book.Reopen();

        var after = Validations(reopened, sheet);
        Assert.Equal(before.Count + 1, after.Length);
        Assert.Equal(before, after.Take(before.Count).Select(v => v.OuterXml));
        Assert.Equal((uint)after.Length, reopened.Sheet(sheet)!.Worksheet.GetFirstChild<DataValidations>()!.Count!.Value);
        Assert.Equal("\"Yes,No\"", after[^1].Formula1!.Text);
        Assert.Equal(comments, reopened.Sheet(sheet)!.Part.WorksheetCommentsPart!.Comments.OuterXml);
    }
}
