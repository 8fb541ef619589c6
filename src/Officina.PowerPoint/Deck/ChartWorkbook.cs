using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.OpenXml.Charts;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// The data of a slide chart as PowerPoint keeps it: a small workbook embedded in the chart part
/// (categories in column A from row 2, one series per column from B, names in row 1), the
/// series referring to its cells, and <c>c:externalData</c> pointing at it, so PowerPoint's
/// "Edit Data" opens the numbers. The cached points in the chart are what viewers draw.
/// </summary>
public static class ChartWorkbook
{
    public const string Sheet = "Sheet1";

    /// <summary>The series of <paramref name="categories"/> × <paramref name="series"/>, referring to the embedded sheet's cells.</summary>
    public static IReadOnlyList<ChartSeriesSpec> Series(IReadOnlyList<string> categories, IReadOnlyList<(string Name, double?[] Values)> series, bool numericCategories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var last = categories.Count + 1;
        var categoryRange = $"{Sheet}!$A$2:$A${last}";
        var categoryData = numericCategories
            ? ChartData.OfNumbers(categoryRange, [.. categories.Select(c => (double?)double.Parse(c, CultureInfo.InvariantCulture))])
            : ChartData.OfText(categoryRange, categories);
        return [.. series.Select((s, i) =>
        {
            var column = Column(i + 2);
            return new ChartSeriesSpec(ChartData.OfText($"{Sheet}!${column}$1", [s.Name]), categoryData, ChartData.OfNumbers($"{Sheet}!${column}$2:${column}${last}", s.Values));
        })];
    }

    /// <summary>Embeds the workbook holding the data in <paramref name="chart"/> and points the chart at it.</summary>
    public static void Embed(ChartPart chart, IReadOnlyList<string> categories, IReadOnlyList<(string Name, double?[] Values)> series)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var embedded = chart.AddEmbeddedPackagePart("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = new MemoryStream(Build(categories, series)))
        {
            embedded.FeedData(workbook);
        }

        var external = new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = chart.GetIdOfPart(embedded) };
        chart.ChartSpace.AppendChild(external);
    }

    private static byte[] Build(IReadOnlyList<string> categories, IReadOnlyList<(string Name, double?[] Values)> series)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var s = 0; s < series.Count; s++)
            {
                header.AppendChild(Text($"{Column(s + 2)}1", series[s].Name));
            }

            data.AppendChild(header);
            for (var r = 0; r < categories.Count; r++)
            {
                var rowNumber = (uint)(r + 2);
                var row = new Row { RowIndex = rowNumber };
                row.AppendChild(Text($"A{rowNumber}", categories[r]));
                for (var s = 0; s < series.Count; s++)
                {
                    if (series[s].Values[r] is { } value)
                    {
                        row.AppendChild(new Cell { CellReference = $"{Column(s + 2)}{rowNumber}", CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) });
                    }
                }

                data.AppendChild(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = Sheet, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }

        return stream.ToArray();
    }

    private static Cell Text(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    /// <summary>The letters of 1-based column <paramref name="number"/>: 1 = A, 27 = AA.</summary>
    public static string Column(int number)
    {
        var letters = "";
        for (var n = number; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }
}
