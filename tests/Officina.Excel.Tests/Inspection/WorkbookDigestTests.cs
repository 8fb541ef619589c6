using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Inspection;
using Officina.Operations;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Officina.Excel.Tests.Inspection;

/// <summary>A 100,000 x 10 workbook (1,000,000 cells) built once with OpenXmlWriter, plus a small second sheet.</summary>
public sealed class MillionCellWorkbook
{
    public const int Rows = 100_000;
    public const int Columns = 10;

    public static readonly string[] Headers = ["OrderId", "Region", "Product", "Quantity", "UnitPrice", "Discount", "Freight", "Tax", "Total", "Margin"];

    public MillionCellWorkbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(Headers.Select(h => new SharedStringItem(new Text(h))));
            var data = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(data))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                for (var row = 1; row <= Rows; row++)
                {
                    writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture))]);
                    for (var column = 0; column < Columns; column++)
                    {
                        var reference = (char)('A' + column) + row.ToString(CultureInfo.InvariantCulture);
                        if (row == 1)
                        {
                            writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(column.ToString(CultureInfo.InvariantCulture)) });
                        }
                        else
                        {
                            writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(((row * 10) + column).ToString(CultureInfo.InvariantCulture)) });
                        }
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var summary = workbook.AddNewPart<WorksheetPart>();
            summary.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Total quantity")) },
                        new Cell { CellReference = "B1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Orders")) }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A2", CellFormula = new CellFormula("SUM(Data!D2:D100000)") },
                        new Cell { CellReference = "B2", CellFormula = new CellFormula("_xlfn.COUNTIFS(Data!B:B,\">0\")") }) { RowIndex = 2 }));
            workbook.Workbook = new Workbook(new Sheets(
                new Sheet { Name = "Data", SheetId = 1, Id = workbook.GetIdOfPart(data) },
                new Sheet { Name = "Summary", SheetId = 2, Id = workbook.GetIdOfPart(summary) }));
        }

        Bytes = stream.ToArray();
    }

    public byte[] Bytes { get; }
}

public sealed class WorkbookDigestTests(MillionCellWorkbook large) : IClassFixture<MillionCellWorkbook>
{
    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(4000)]
    public void Create_StaysWithinBudget_ForRealWorkbooks(int budget)
    {
        foreach (var asset in new[] { "basicspread.xlsx", "ConditionalFormattingSamples.xlsx", "DataTableCities.xlsx", "Complex01.xlsx", "simple-monthly-budget.xlsx", "57181.xlsm" })
        {
            using var book = Workbooks.OpenAsset(asset);

            var digest = book.Inspect(budget);

            Assert.True(TokenCounter.Count(digest) <= budget, $"{asset}: {TokenCounter.Count(digest)} tokens > {budget}\n{digest}");
            Assert.StartsWith("Workbook:", digest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_NamesEverySheetAndHeader_ForMillionCellWorkbook()
    {
        using var book = WorkbookSession.Open(new MemoryStream(large.Bytes));
        var clock = Stopwatch.StartNew();

        var digest = book.Inspect(4000);

        clock.Stop();
        Console.WriteLine($"Million-cell digest: {clock.ElapsedMilliseconds} ms, {TokenCounter.Count(digest)} tokens\n{digest}");
        Assert.True(TokenCounter.Count(digest) <= 4000, digest);
        Assert.Contains("## Data (visible): used A1:J100000, 100,000 row(s) x 10 col(s), 1,000,000 cell(s)", digest, StringComparison.Ordinal);
        Assert.Contains("## Summary", digest, StringComparison.Ordinal);
        Assert.All(MillionCellWorkbook.Headers, h => Assert.Contains(h, digest, StringComparison.Ordinal));
        Assert.Contains("100000: 1000000 | 1000001", digest, StringComparison.Ordinal);
        Assert.Contains("=SUM(Data!D2:D100000)", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DegradesButKeepsSheetsAndHeaders_WhenBudgetIsTight()
    {
        using var book = WorkbookSession.Open(new MemoryStream(large.Bytes));

        var digest = book.Inspect(150);

        Assert.True(TokenCounter.Count(digest) <= 150, digest);
        Assert.Contains("## Data", digest, StringComparison.Ordinal);
        Assert.Contains("## Summary", digest, StringComparison.Ordinal);
        Assert.Contains("A:OrderId", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ShowsFormulasAsFormulas_WithoutStoragePrefixes()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:B3","values":[["Item","Amount"],["a",1],["b",2]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!B4:C4","formulas":[["=SUM(B2:B3)","=XLOOKUP(\"b\",A2:A3,B2:B3)"]]}""");

        var digest = book.Inspect();

        Assert.Contains("header row 1: A:Item | B:Amount", digest, StringComparison.Ordinal);
        Assert.Contains("=SUM(B2:B3)", digest, StringComparison.Ordinal);
        Assert.Contains("=XLOOKUP(\"b\",A2:A3,B2:B3)", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("_xlfn", digest, StringComparison.Ordinal);
        Assert.Contains("2: a | 1", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NamesTablesChartsAndPivots_ForRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        var tables = book.WorkbookPart.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Select(t => t.Table.DisplayName!.Value!).ToList();
        var pivots = book.WorkbookPart.WorksheetParts.SelectMany(p => p.PivotTableParts).Select(p => p.PivotTableDefinition.Name!.Value!).ToList();

        var digest = book.Inspect();
        Console.WriteLine(digest);

        Assert.NotEmpty(tables);
        Assert.NotEmpty(pivots);
        Assert.All(tables, t => Assert.Contains($"table {t} ", digest, StringComparison.Ordinal));
        Assert.All(pivots, p => Assert.Contains($"pivot {p} at ", digest, StringComparison.Ordinal));
        Assert.Contains("  chart ", digest, StringComparison.Ordinal);
        Assert.Contains("1 chart(s)", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DescribesChartSheetsAndSeries_ForWorkbookWithChartSheets()
    {
        using var book = Workbooks.OpenAsset("57181.xlsm");

        var digest = book.Inspect();

        Assert.Contains("chart sheet", digest, StringComparison.Ordinal);
        Assert.Contains(" val ", digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ReflectsUnsavedEdits_WhenSheetWasChanged()
    {
        using var book = Workbooks.OpenAsset("basicspread.xlsx");
        var sheet = book.Sheets.First(s => s.IsWorksheet).Name;
        book.Run($$"""{"op":"set_values","range":"'{{sheet}}'!A1","values":[["Edited header"]]}""");

        var digest = book.Inspect();

        Assert.Contains("Edited header", digest, StringComparison.Ordinal);
    }
}
