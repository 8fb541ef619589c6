using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class ApplyCellStyleTests
{
    private static (CellStyle Style, CellFormat StyleFormat) Style(WorkbookSession book, uint builtinId)
    {
        var sheet = book.Styles.Stylesheet;
        var style = sheet.CellStyles!.Elements<CellStyle>().Single(s => s.BuiltinId?.Value == builtinId);
        return (style, sheet.CellStyleFormats!.Elements<CellFormat>().ElementAt((int)style.FormatId!.Value));
    }

    private static CellFormat FormatOf(WorkbookSession book, string cell)
    {
        var (range, sheet) = book.Resolve(cell);
        return book.Styles.CellFormatAt(sheet.FindCell(range.FirstRow, range.FirstColumn)!.StyleIndex?.Value ?? 0);
    }

    [Fact]
    public void Apply_AddsGoodAsExcelDoes_FontAndFillOnly()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"A1:B1","values":[["ok",0.5]]}""");
        book.Run("""{"op":"format_range","range":"B1","number_format":"0%"}""");

        var outcome = book.Run("""{"op":"apply_cell_style","range":"A1:B1","style":"good"}""");
        using var reopened = book.Reopen();

        var (style, xf) = Style(reopened, 26);
        Assert.Equal("Good", style.Name!.Value);
        Assert.False(xf.ApplyNumberFormat!.Value);
        Assert.False(xf.ApplyBorder!.Value);
        Assert.Equal("FFC6EFCE", reopened.Styles.FillAt(xf.FillId!.Value).PatternFill!.ForegroundColor!.Rgb!.Value);
        Assert.Equal("FF006100", reopened.Styles.FontAt(xf.FontId!.Value).Color!.Rgb!.Value);
        var b1 = FormatOf(reopened, "B1");
        Assert.Equal(style.FormatId!.Value, b1.FormatId!.Value);
        Assert.Equal(xf.FillId!.Value, b1.FillId!.Value);
        Assert.Equal(9u, b1.NumberFormatId!.Value); // the cell keeps its percent format
        Assert.Equal(2, outcome.Change!.Count);
        Assert.Contains("'Good'", outcome.Change.Summary);
    }

    [Fact]
    public void Apply_ReusesTheStyle_AndBuildsHeadingsAndNumberStyles()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"apply_cell_style","range":"A1","style":"heading_1"}""");
        book.Run("""{"op":"apply_cell_style","range":"A2","style":"heading_1"}""");
        book.Run("""{"op":"apply_cell_style","range":"B2:B5","style":"currency"}""");
        book.Run("""{"op":"apply_cell_style","range":"C2","style":"total"}""");
        using var reopened = book.Reopen();

        Assert.Single(reopened.Styles.Stylesheet.CellStyles!.Elements<CellStyle>(), s => s.BuiltinId?.Value == 16);
        var (_, heading) = Style(reopened, 16);
        Assert.Equal(15, reopened.Styles.FontAt(heading.FontId!.Value).FontSize!.Val!.Value);
        Assert.Equal(BorderStyleValues.Thick, reopened.Styles.BorderAt(heading.BorderId!.Value).BottomBorder!.Style!.Value);
        Assert.Equal(44u, FormatOf(reopened, "B3").NumberFormatId!.Value);
        Assert.Equal(BorderStyleValues.Double, reopened.Styles.BorderAt(FormatOf(reopened, "C2").BorderId!.Value).BottomBorder!.Style!.Value);
        Assert.Equal(reopened.Styles.Stylesheet.CellStyles!.Elements<CellStyle>().Count(), (int)reopened.Styles.Stylesheet.CellStyles.Count!.Value);
    }

    [Fact]
    public void Apply_UsesAStyleTheWorkbookAlreadyHas_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("simple-monthly-budget.xlsx");
        var sheetName = book.Sheets.First(s => s.IsWorksheet).Name;
        var before = book.Styles.Stylesheet.CellStyles?.Elements<CellStyle>().FirstOrDefault(s => s.BuiltinId?.Value == 26)?.FormatId?.Value;

        book.Run($$"""{"op":"apply_cell_style","range":"'{{sheetName}}'!B2","style":"good"}""");
        using var reopened = book.Reopen();

        var (style, _) = Style(reopened, 26);
        if (before is not null)
        {
            Assert.Equal(before, style.FormatId!.Value);
        }

        Assert.Equal(style.FormatId!.Value, FormatOf(reopened, $"'{sheetName}'!B2").FormatId!.Value);
    }

    [Fact]
    public void Validate_ReturnsErrors_ForABadRange()
    {
        using var book = WorkbookSession.Create();

        Assert.Contains(book.Fail("""{"op":"apply_cell_style","range":"Nope!A1","style":"bad"}"""), e => e.Path == "range" && e.Rule == "sheet_exists");
    }
}
