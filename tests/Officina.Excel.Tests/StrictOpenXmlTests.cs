using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Operations;
using Officina.Testing;

namespace Officina.Excel.Tests;

/// <summary>
/// A workbook saved by Excel as Strict Open XML (apache/poi's SimpleStrict.xlsx) opens, takes
/// an edit and is saved as Transitional with the same content, dates included.
/// </summary>
public sealed class StrictOpenXmlTests
{
    private const string Asset = "SimpleStrict.xlsx";

    [Fact]
    public void Save_WritesTransitionalWithContentIntact_WhenWorkbookIsStrict()
    {
        var input = File.ReadAllBytes(Workbooks.Asset(Asset));
        Assert.NotEmpty(StrictPackages.PartsNamingStrict(input));
        using var book = WorkbookSession.Open(new MemoryStream(input));

        book.Run("""{"op":"set_values","range":"Sheet1!B1","values":[["edited"]]}""");
        var saved = book.ToArray();
        using var reopened = WorkbookSession.Open(new MemoryStream(saved));

        Assert.Empty(StrictPackages.PartsNamingStrict(saved));
        Assert.DoesNotContain("conformance", StrictPackages.PartText(saved, "xl/workbook.xml"), StringComparison.Ordinal);
        Assert.Empty(reopened.Repairs);
        Assert.Equal(["Sheet1", "Sheet Number 2"], reopened.Sheets.Select(s => s.Name));
        Assert.Equal("edited", reopened.Text("Sheet1!B1"));
        Assert.Equal("test", reopened.Text("Sheet1!A1"));
        Assert.Equal("This is sheet 2", reopened.Text("'Sheet Number 2'!A1"));
        Assert.Equal(6, reopened.Number("Sheet1!C6"));
        Assert.Equal("SUM(A3:D3)", reopened.Formula("'Sheet Number 2'!A7")?.TrimStart('='));
        Assert.Empty(StrictPackages.SchemaErrors(reopened.Document));
        Assert.Contains(book.Repairs, r => r.Contains("Strict Open XML", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_ConvertsIsoDateCellToDateSerial_WhenWorkbookIsStrict()
    {
        using var book = Workbooks.OpenAsset(Asset);
        book.Run("""{"op":"add_sheet","name":"More"}""");
        using var reopened = book.Reopen();

        // 1990-01-01 is serial 32874 in the 1900 date system; the cell keeps its date format (numFmtId 14).
        Assert.Equal(32874, reopened.Number("'Sheet Number 2'!A4"));
        var cell = reopened.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<Cell>()).Single(c => c.CellReference == "A4");
        Assert.Null(cell.DataType);
        var format = reopened.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.Equal(14u, format.NumberFormatId!.Value);
        Assert.Contains(book.Repairs, r => r.Contains("1 date cells", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_RefusesNamingTheCell_WhenStrictDateIsBefore1900()
    {
        var input = HostilePackages.ReplaceText(File.ReadAllBytes(Workbooks.Asset(Asset)), "xl/worksheets/sheet2.xml",
            xml => xml.Replace("<v>1990-01-01</v>", "<v>1850-06-01</v>", StringComparison.Ordinal));

        var error = Assert.Throws<DocumentRejectedException>(() => WorkbookSession.Open(new MemoryStream(input)));

        Assert.Equal("strict_date", error.Reason);
        Assert.Contains("'Sheet Number 2'!A4", error.Message, StringComparison.Ordinal);
        Assert.Contains("'1850-06-01'", error.Message, StringComparison.Ordinal);
    }
}
