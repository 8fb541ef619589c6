using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class ImportCsvTests
{
    private static Func<Stream> Source(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>Rows of id, name, date, flag: numbers, text, dates and booleans.</summary>
    private static string Rows(int count)
    {
        var builder = new StringBuilder("id,name,when,ok\n");
        for (var i = 1; i <= count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{i * 1.5},item {i},2026-01-{1 + (i % 28):00},{(i % 2 == 0 ? "TRUE" : "FALSE")}\n");
        }

        return builder.ToString();
    }

    private static string DateFormatOf(WorkbookSession book, string sheet, int row, int column)
    {
        var style = book.Sheet(sheet)!.FindCell(row, column)!.StyleIndex!.Value;
        return book.Styles.NumberFormatCode(book.Styles.CellFormatAt(style).NumberFormatId!.Value)!;
    }

    [Fact]
    public void Apply_WritesTypedValuesThroughTheDom_WhenImportIsSmall()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("sales", Source("Year,Name,When,Ok,Code\n2026,Widget,2026-01-31,true,007\n-1.5e3,=SUM(1),2026-02-01T09:30,FALSE,12\n"));

        var change = book.Run("""{"op":"import_csv","source":"sales","destination":"Data!B2","has_header":true}""").Change!;
        using var reopened = book.Reopen();

        Assert.Equal("Data!B2:F4", change.Target);
        Assert.DoesNotContain("streamed", change.Summary);
        Assert.Equal("Year", reopened.Text("Data!B2"));
        Assert.Equal(2026, reopened.Number("Data!B3"));
        Assert.Equal("Widget", reopened.Text("Data!C3"));
        Assert.Equal(46053, reopened.Number("Data!D3"));
        Assert.Equal("yyyy-mm-dd", DateFormatOf(reopened, "Data", 3, 4));
        Assert.Equal("yyyy-mm-dd hh:mm", DateFormatOf(reopened, "Data", 4, 4));
        Assert.Equal("TRUE", reopened.Text("Data!E3"));
        Assert.Equal("007", reopened.Text("Data!F3"));
        Assert.Equal(-1500, reopened.Number("Data!B4"));
        Assert.Equal("=SUM(1)", reopened.Text("Data!C4"));
        Assert.Null(reopened.Formula("Data!C4"));
    }

    [Fact]
    public void Apply_KeepsQuotedDelimitersQuotesAndLineBreaks()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("notes", Source("\"a, b\";\"say \"\"hi\"\"\";\"line1\r\nline2\"\r\nplain;;\"\"\r\n"));

        book.Run("""{"op":"import_csv","source":"notes","destination":"Sheet1!A1","has_header":false,"delimiter":";"}""");
        using var reopened = book.Reopen();

        Assert.Equal("a, b", reopened.Text("A1"));
        Assert.Equal("say \"hi\"", reopened.Text("B1"));
        Assert.Equal("line1\nline2", reopened.Text("C1")); // XML parsers normalise CRLF in text to LF, as Excel shows it
        Assert.Equal("plain", reopened.Text("A2"));
        Assert.Equal("", reopened.Text("B2"));
    }

    [Fact]
    public void Save_StreamsRowsIntoThePackage_WhenImportIsLarge()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("big", Source(Rows(30_000)));

        var change = book.Run("""{"op":"import_csv","source":"big","destination":"Big!A1","has_header":true}""").Change!;
        Assert.Contains("streamed", change.Summary);
        Assert.Equal("Big!A1:D30001", change.Target);
        using var reopened = book.Reopen();

        Assert.Equal("id", reopened.Text("Big!A1"));
        Assert.Equal(1.5, reopened.Number("Big!A2"));
        Assert.Equal("item 1", reopened.Text("Big!B2"));
        Assert.Equal(46024, reopened.Number("Big!C2"));
        Assert.Equal("yyyy-mm-dd", DateFormatOf(reopened, "Big", 2, 3));
        Assert.Equal("FALSE", reopened.Text("Big!D2"));
        Assert.Equal(45_000, reopened.Number("Big!A30001"));
        Assert.Equal("item 30000", reopened.Text("Big!B30001"));
        Assert.Equal("TRUE", reopened.Text("Big!D30001"));
        var worksheet = reopened.Sheet("Big")!.Worksheet;
        Assert.Equal("A1:D30001", worksheet.SheetDimension!.Reference!.Value);
        Assert.Equal("Sheet1", reopened.Sheets[0].Name);
    }

    [Fact]
    public void Save_KeepsTheRestOfARealWorkbook_WhenStreamingIntoANewSheet()
    {
        var path = Workbooks.Asset("simple-monthly-budget.xlsx");
        var before = File.ReadAllBytes(path);
        using var input = new MemoryStream(before);
        using var book = WorkbookSession.Open(input);
        var csv = Encoding.UTF8.GetBytes(Rows(6_000));
        book.AddSource("big", () => new MemoryStream(csv, writable: false));
        var original = book.Sheets[0].Name;
        var firstText = book.Text($"'{original}'!B2");

        book.Run("""{"op":"import_csv","source":"big","destination":"Imported!A1","has_header":true}""");
        using var reopened = book.Reopen();

        Assert.Equal(before, input.ToArray());
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(firstText, reopened.Text($"'{original}'!B2"));
        Assert.Equal("item 6000", reopened.Text("Imported!B6001"));
        var parts = reopened.WorkbookPart.WorksheetParts.First(p => p.TableDefinitionParts.Any());
        Assert.Equal(2, parts.TableDefinitionParts.Count());
        Assert.Single(reopened.WorkbookPart.WorksheetParts.First().DrawingsPart!.ChartParts);
        using var zip = new ZipArchive(new MemoryStream(book.ToArray()));
        Assert.Contains(zip.Entries, e => e.FullName == "customXml/item1.xml");
    }

    [Fact]
    public void ReadRange_ReturnsImportedValues_WhenStreamedSheetIsSmallEnoughToLoad()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("big", Source(Rows(6_000)));
        book.Run("""{"op":"import_csv","source":"big","destination":"Big!A1","has_header":true}""");

        var observation = book.Run("""{"op":"read_range","range":"Big!A6001:D6001"}""").Observation!;
        book.Run("""{"op":"set_values","range":"Big!E1","values":[["note"]]}""");
        using var reopened = book.Reopen();

        Assert.Contains("A6001: 9000", observation.Text);
        Assert.Contains("B6001: item 6000", observation.Text);
        Assert.Equal("note", reopened.Text("Big!E1"));
        Assert.Equal("item 6000", reopened.Text("Big!B6001"));
    }

    [Fact]
    public void ReadRange_ReturnsError_WhenStreamedSheetIsTooLargeToLoad()
    {
        using var book = WorkbookSession.Create();
        book.MaxMaterializedCells = 20_000;
        book.AddSource("big", Source(Rows(6_000)));
        book.Run("""{"op":"import_csv","source":"big","destination":"Big!A1","has_header":true}""");

        var errors = book.Fail("""{"op":"read_range","range":"Big!A1:B2"}""");
        var listed = book.Run("""{"op":"list_sheets"}""").Observation!.Text;

        Assert.Contains(errors, e => e.Rule == "sheet_streamed" && e.Message.Contains("source 'big'") && e.Message.Contains("at save"));
        Assert.Contains("A1:D6001", listed);
        Assert.Contains("streamed", book.Inspect());
        using var reopened = book.Reopen();
        Assert.Equal("item 6000", reopened.Text("Big!B6001"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenSourceIsNotRegistered()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("sales", Source("a\n"));
        book.AddSource("costs", Source("b\n"));

        var errors = book.Fail("""{"op":"import_csv","source":"/etc/passwd","destination":"Sheet1!A1","has_header":false}""");

        var error = Assert.Single(errors);
        Assert.Equal("source_registered", error.Rule);
        Assert.Contains("'/etc/passwd'", error.Message);
        Assert.Contains("'costs', 'sales'", error.Message);
    }

    [Fact]
    public void Validate_ReturnsError_WhenDestinationIsNotEmpty()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!C3","values":[["taken"]]}""");
        book.AddSource("sales", Source("a,b,c\n1,2,3\n1,2,3\n"));

        var errors = book.Fail("""{"op":"import_csv","source":"sales","destination":"Sheet1!A1","has_header":true}""");

        var error = Assert.Single(errors);
        Assert.Equal("destination_empty", error.Rule);
        Assert.Contains("C3 holds 'taken'", error.Message);
        Assert.Equal("taken", book.Text("Sheet1!C3"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenQuoteIsNotClosed()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("bad", Source("a,b\n1,2\n3,\"open\n4,5\n"));

        var errors = book.Fail("""{"op":"import_csv","source":"bad","destination":"Sheet1!A1","has_header":true}""");

        Assert.Contains(errors, e => e.Rule == "csv_format" && e.Message.Contains("Line 3"));
        Assert.Single(book.Sheets);
    }

    [Fact]
    public void Validate_ReturnsError_WhenDelimiterIsNotOneCharacter()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("sales", Source("a\n"));

        var errors = book.Fail("""{"op":"import_csv","source":"sales","destination":"Sheet1!A1","has_header":true,"delimiter":";;"}""");

        Assert.Contains(errors, e => e.Path == "delimiter" && e.Message.Contains("';;'"));
    }

    [Fact]
    public void Open_ReturnsReadablePackage_WhenStreamedWorkbookIsReadByTheSdk()
    {
        using var book = WorkbookSession.Create();
        book.AddSource("big", Source(Rows(25_000)));
        book.Run("""{"op":"import_csv","source":"big","destination":"Sheet1!B3","has_header":false}""");

        using var stream = new MemoryStream(book.ToArray());
        using var document = SpreadsheetDocument.Open(stream, false);

        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal("B3:E25003", sheet.SheetDimension!.Reference!.Value);
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(25_001, rows.Count);
        Assert.Equal("B3", rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().CellReference!.Value);
    }
}
