using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class FormatRangeTests
{
    private static CellFormat Xf(WorkbookSession book, string reference)
    {
        var (range, sheet) = book.Resolve(reference);
        return book.Styles.CellFormatAt(sheet.FindCell(range.FirstRow, range.FirstColumn)?.StyleIndex?.Value ?? 0);
    }

    private static Font FontOf(WorkbookSession book, string reference) => book.Styles.FontAt(Xf(book, reference).FontId!.Value);

    [Fact]
    public void Apply_SetsFontFillAndNumberFormat_ThatSurviveReopen()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B1","values":[[1234.5,"x"]]}""");

        book.Run("""{"op":"format_range","range":"Sheet1!A1:B1","number_format":"#,##0.00 \"EUR\"","bold":true,"italic":true,"underline":true,"font_color":"1f4e79","font_size":14,"font_name":"Arial","fill_color":"#FFFF00"}""");
        using var reopened = book.Reopen();

        var xf = Xf(reopened, "A1");
        Assert.Equal("#,##0.00 \"EUR\"", reopened.Styles.NumberFormatCode(xf.NumberFormatId!.Value));
        var font = FontOf(reopened, "A1");
        Assert.NotNull(font.Bold);
        Assert.NotNull(font.Italic);
        Assert.NotNull(font.Underline);
        Assert.Equal("FF1F4E79", font.Color!.Rgb!.Value);
        Assert.Equal(14, font.FontSize!.Val!.Value);
        Assert.Equal("Arial", font.FontName!.Val!.Value);
        Assert.Null(font.FontScheme);
        var fill = reopened.Styles.FillAt(xf.FillId!.Value).PatternFill!;
        Assert.Equal(PatternValues.Solid, fill.PatternType!.Value);
        Assert.Equal("FFFFFF00", fill.ForegroundColor!.Rgb!.Value);
        Assert.Equal(xf.OuterXml, Xf(reopened, "B1").OuterXml);
        Assert.Equal(1234.5, reopened.Number("A1"));
    }

    [Fact]
    public void Apply_DerivesNewFormats_WithoutChangingCellsThatSharedTheOldOne()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");
        book.Run("""{"op":"format_range","range":"Sheet1!A1:A3","number_format":"0.0"}""");
        book.Run("""{"op":"format_range","range":"Sheet1!A1","italic":true}""");

        book.Run("""{"op":"format_range","range":"Sheet1!A1:A2","bold":true}""");
        using var reopened = book.Reopen();

        Assert.NotNull(FontOf(reopened, "A1").Italic);
        Assert.NotNull(FontOf(reopened, "A1").Bold);
        Assert.Null(FontOf(reopened, "A2").Italic);
        Assert.NotNull(FontOf(reopened, "A2").Bold);
        Assert.Null(FontOf(reopened, "A3").Bold);
        Assert.All(["A1", "A2", "A3"], r => Assert.Equal("0.0", reopened.Styles.NumberFormatCode(Xf(reopened, r).NumberFormatId!.Value)));
    }

    [Fact]
    public void Apply_CreatesMissingCells_AndSetsAlignment()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"format_range","range":"Sheet1!B2:C3","horizontal_alignment":"center","vertical_alignment":"top","wrap_text":true,"indent":2}""");
        using var reopened = book.Reopen();

        var alignment = Xf(reopened, "C3").Alignment!;
        Assert.Equal(HorizontalAlignmentValues.Center, alignment.Horizontal!.Value);
        Assert.Equal(VerticalAlignmentValues.Top, alignment.Vertical!.Value);
        Assert.True(alignment.WrapText!.Value);
        Assert.Equal(2u, alignment.Indent!.Value);
        Assert.True(Xf(reopened, "B2").ApplyAlignment!.Value);
    }

    [Fact]
    public void Apply_DrawsBordersAroundEachCell_OrOnlyTheOutline()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"format_range","range":"Sheet1!A1:B2","border":"medium","border_color":"FF0000"}""");
        book.Run("""{"op":"format_range","range":"Sheet1!D1:F3","border":"outline"}""");
        using var reopened = book.Reopen();

        var each = reopened.Styles.BorderAt(Xf(reopened, "B2").BorderId!.Value);
        Assert.Equal(BorderStyleValues.Medium, each.TopBorder!.Style!.Value);
        Assert.Equal(BorderStyleValues.Medium, each.LeftBorder!.Style!.Value);
        Assert.Equal("FFFF0000", each.BottomBorder!.Color!.Rgb!.Value);
        var corner = reopened.Styles.BorderAt(Xf(reopened, "D1").BorderId!.Value);
        Assert.Equal(BorderStyleValues.Thin, corner.TopBorder!.Style!.Value);
        Assert.Equal(BorderStyleValues.Thin, corner.LeftBorder!.Style!.Value);
        Assert.Null(corner.RightBorder!.Style);
        var middle = reopened.Styles.BorderAt(Xf(reopened, "E2").BorderId!.Value);
        Assert.Null(middle.TopBorder?.Style);
        Assert.Null(middle.LeftBorder?.Style);
        var bottomRight = reopened.Styles.BorderAt(Xf(reopened, "F3").BorderId!.Value);
        Assert.Equal(BorderStyleValues.Thin, bottomRight.BottomBorder!.Style!.Value);
        Assert.Equal(BorderStyleValues.Thin, bottomRight.RightBorder!.Style!.Value);
    }

    [Fact]
    public void Validate_ReturnsErrors_NamingThePropertyAndValue()
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail("""{"op":"format_range","range":"Sheet1!A1","font_color":"red","fill_color":"12345","font_size":500,"number_format":"0.00\"x","indent":300}""");
        var nothing = book.Fail("""{"op":"format_range","range":"Sheet1!A1"}""");
        var brackets = book.Fail("""{"op":"format_range","range":"Sheet1!A1","number_format":"[Red0.00"}""");

        Assert.Contains(errors, e => e.Path == "font_color" && e.Message.Contains("'red'"));
        Assert.Contains(errors, e => e.Path == "fill_color" && e.Message.Contains("'12345'"));
        Assert.Contains(errors, e => e.Path == "font_size" && e.Message.Contains("500"));
        Assert.Contains(errors, e => e.Path == "number_format" && e.Message.Contains("unclosed '\"'"));
        Assert.Contains(errors, e => e.Path == "indent" && e.Message.Contains("300"));
        Assert.Contains(nothing, e => e.Rule == "format_required");
        Assert.Contains(brackets, e => e.Path == "number_format" && e.Message.Contains("unclosed '['"));
    }

    [Fact]
    public void Apply_FormatsWholeColumnsOnlyAsFarAsCellsExist()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:A3","values":[[1],[2],[3]]}""");

        var change = book.Run("""{"op":"format_range","range":"Sheet1!A:A","number_format":"0%"}""").Change!;
        using var reopened = book.Reopen();

        Assert.Equal(3, change.Count);
        Assert.Equal("0%", reopened.Styles.NumberFormatCode(Xf(reopened, "A3").NumberFormatId!.Value));
        Assert.Null(reopened.Sheet("Sheet1")!.FindRow(4));
    }

    [Fact]
    public void Apply_LeavesOtherContentOfRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        var survey = PackageSurvey.Of(book, "Formula");
        var before = Xf(book, "Formula!D5");

        book.Run("""{"op":"format_range","range":"Formula!A5:D5","bold":true,"fill_color":"DDEBF7"}""");
        using var reopened = book.Reopen();

        survey.AssertKeptBy(reopened);
        Assert.NotNull(FontOf(reopened, "Formula!D5").Bold);
        Assert.Equal(before.NumberFormatId!.Value, Xf(reopened, "Formula!D5").NumberFormatId!.Value);
        Assert.Equal(198905700, reopened.Number("Formula!D5"));
    }
}
