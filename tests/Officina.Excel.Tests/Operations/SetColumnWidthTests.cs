using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetColumnWidthTests
{
    private static string Cols(WorkbookSession book, string sheet = "Sheet1") =>
        string.Join(" ", book.Sheet(sheet)!.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c =>
            $"{c.Min!.Value}-{c.Max!.Value}:{c.Width?.Value}{(c.Style is null ? "" : $":s{c.Style.Value}")}{(c.Hidden?.Value == true ? ":h" : "")}"));

    [Fact]
    public void Apply_WritesColsBeforeSheetData_WithCustomWidth()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1","values":[["x"]]}""");

        book.Run("""{"op":"set_column_width","columns":"B:D","width":20}""");
        using var reopened = book.Reopen();

        Assert.Equal("2-4:20", Cols(reopened));
        var col = reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<Columns>()!.GetFirstChild<Column>()!;
        Assert.True(col.CustomWidth!.Value);
        var names = reopened.Sheet("Sheet1")!.Worksheet.ChildElements.Select(e => e.LocalName).ToList();
        Assert.Equal(names.IndexOf("sheetData") - 1, names.IndexOf("cols"));
    }

    [Fact]
    public void Apply_SplitsExistingSpans_KeepingStyleAndHidden()
    {
        using var book = WorkbookSession.Create();
        var worksheet = book.Sheet("Sheet1")!.Worksheet;
        worksheet.InsertBefore(new Columns(new Column { Min = 1, Max = 6, Width = 9, Style = 3, Hidden = true, CustomWidth = true }), worksheet.GetFirstChild<SheetData>());

        book.Run("""{"op":"set_column_width","sheet":"Sheet1","columns":"C:D","width":15}""");
        book.Run("""{"op":"set_column_width","sheet":"Sheet1","columns":"E:H","width":15}""");
        using var reopened = book.Reopen();

        Assert.Equal("1-2:9:s3:h 3-6:15:s3:h 7-8:15", Cols(reopened));
    }

    [Fact]
    public void Apply_JoinsAdjacentSpans_WhenTheyBecomeIdentical()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_column_width","columns":"B","width":12}""");
        book.Run("""{"op":"set_column_width","columns":"C","width":12}""");
        using var reopened = book.Reopen();

        Assert.Equal("2-3:12", Cols(reopened));
    }

    [Fact]
    public void Apply_AutoFitsToLongestDisplayedText_ScaledByFont()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B3","values":[["short","x"],["a much longer label",1234567.891],[null,"yy"]]}""");
        book.Run("""{"op":"format_range","range":"Sheet1!B2","number_format":"#,##0.00"}""");
        book.Run("""{"op":"set_values","range":"Sheet1!D1","values":[["Header"]]}""");
        book.Run("""{"op":"format_range","range":"Sheet1!D1","font_size":22}""");

        book.Run("""{"op":"set_column_width","columns":"A:E","auto":true}""");
        using var reopened = book.Reopen();

        // 19 chars + 1; "1,234,567.89" is 12 + 1; "Header" at 22pt is 6 * 2 + 1; C and E are empty.
        Assert.Equal("1-1:20 2-2:13 3-3:8.43 4-4:13 5-5:8.43", Cols(reopened));
        Assert.True(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<Columns>()!.GetFirstChild<Column>()!.BestFit!.Value);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForBadColumnsWidthAndSheet()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"set_column_width","sheet":"Nope","columns":"B2","width":300}""");
        var both = book.Fail("""{"op":"set_column_width","columns":"B","width":10,"auto":true}""");

        Assert.Contains(errors, e => e.Path == "sheet" && e.Message.Contains("'Nope'"));
        Assert.Contains(errors, e => e.Path == "columns" && e.Message.Contains("'B2'"));
        Assert.Contains(errors, e => e.Path == "width" && e.Message.Contains("300"));
        Assert.Contains(both, e => e.Rule == "one_of");
    }

    [Fact]
    public void Apply_LeavesOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        var survey = PackageSurvey.Of(book, "Table");

        book.Run("""{"op":"set_column_width","sheet":"Table","columns":"C:E","width":30}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        Assert.StartsWith("2-2:16 3-5:30 6-6:15.28515625 9-9:", Cols(reopened, "Table"));
    }
}
