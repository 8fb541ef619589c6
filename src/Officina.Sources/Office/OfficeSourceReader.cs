using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Officina.Excel;
using Officina.OpenXml.Packaging;
using Officina.Operations;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Officina.Sources.Office;

/// <summary>
/// Reads other Office files as sources: a workbook through the Excel digest (sheets, headers,
/// sample rows with cell addresses, one unit per sheet; the model asks for exact cells with
/// <c>read_source</c>), a Word document as paragraphs in blocks anchored <c>[para N]</c> with
/// tables as <c>|</c>-separated rows, a deck as one unit per slide anchored <c>[slide N]</c>.
/// </summary>
public static class OfficeSourceReader
{
    private const int ParagraphsPerUnit = 20;

    public static SourceDocument ReadWorkbook(string name, byte[] bytes, int tokenBudget, PackageLimits? limits = null)
    {
        using var book = WorkbookSession.Open(new MemoryStream(bytes), limits);
        var digest = book.Inspect(Math.Max(200, tokenBudget));
        var units = new List<SourceUnit> { new(1, $"[workbook digest; cite cells as Sheet!A1]\n{digest}") };
        var number = 1;
        foreach (var sheet in book.Sheets.Where(s => s.IsWorksheet))
        {
            number++;
            var cells = book.Sheet(sheet.Name);
            if (cells is null)
            {
                continue;
            }

            var outcome = book.Execute(new Officina.Excel.Operations.ReadRange($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!A1:T100"));
            units.Add(new SourceUnit(number, $"[sheet {sheet.Name}]\n{outcome.Observation?.Text ?? string.Join("; ", outcome.Errors.Select(e => e.Message))}"));
        }

        return new SourceDocument(name, SourceKind.Workbook, "part", units);
    }

    public static SourceDocument ReadDocument(string name, byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart?.Document?.Body;
        var lines = new List<string>();
        foreach (var element in body?.ChildElements ?? Enumerable.Empty<DocumentFormat.OpenXml.OpenXmlElement>())
        {
            if (element is W.Paragraph paragraph)
            {
                var text = paragraph.InnerText;
                if (text.Length > 0)
                {
                    var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                    lines.Add(style is not null && style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) ? $"# {text}" : text);
                }
            }
            else if (element is W.Table table)
            {
                lines.AddRange(table.Elements<W.TableRow>().Select(r => string.Join(" | ", r.Elements<W.TableCell>().Select(c => c.InnerText))));
            }
        }

        var units = new List<SourceUnit>();
        for (var i = 0; i < lines.Count; i++)
        {
            var block = new StringBuilder();
            for (var j = i; j < Math.Min(lines.Count, i + ParagraphsPerUnit); j++)
            {
                block.AppendLine($"[para {j + 1}] {lines[j]}");
            }

            units.Add(new SourceUnit(i + 1, block.ToString()));
            i += ParagraphsPerUnit - 1;
        }

        return new SourceDocument(name, SourceKind.Document, "paragraph", units);
    }

    public static SourceDocument ReadPresentation(string name, byte[] bytes)
    {
        using var deck = PresentationDocument.Open(new MemoryStream(bytes), false);
        var units = new List<SourceUnit>();
        foreach (var slide in SlideTexts(deck))
        {
            units.Add(new SourceUnit(units.Count + 1, $"[slide {units.Count + 1}]\n{slide}"));
        }

        return new SourceDocument(name, SourceKind.Presentation, "slide", units);
    }

    /// <summary>Each slide's text, one line per paragraph, in slide order.</summary>
    public static IEnumerable<string> SlideTexts(PresentationDocument deck)
    {
        ArgumentNullException.ThrowIfNull(deck);
        var part = deck.PresentationPart;
        var ids = part?.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>() ?? [];
        foreach (var id in ids)
        {
            if (id.RelationshipId?.Value is not { } rel || part!.GetPartById(rel) is not SlidePart slide)
            {
                continue;
            }

            var paragraphs = slide.Slide?.Descendants<A.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0) ?? [];
            yield return string.Join("\n", paragraphs);
        }
    }
}
