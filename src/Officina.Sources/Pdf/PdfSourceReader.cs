using System.Text;
using UglyToad.PdfPig;

namespace Officina.Sources.Pdf;

/// <summary>
/// Reads a PDF into one unit per page, anchored <c>[p.N]</c>: the page's lines in reading
/// order (top to bottom), and each simple table found by layout as numbered rows with the
/// cells separated by <c>|</c>, so a value can be cited as <c>p.2 table 1 r3c2</c>.
/// Pages without text (scans) say so; no OCR is done.
/// </summary>
public static class PdfSourceReader
{
    public static SourceDocument Read(string name, byte[] bytes, Func<Stream>? open = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var document = PdfDocument.Open(bytes);
        var units = new List<SourceUnit>();
        foreach (var page in document.GetPages())
        {
            units.Add(new SourceUnit(page.Number, PageText(page.Number, PdfLayout.Lines(page.GetWords()))));
        }

        return new SourceDocument(name, SourceKind.Pdf, "page", units, open: open);
    }

    internal static string PageText(int number, IReadOnlyList<LayoutLine> lines)
    {
        var text = new StringBuilder($"[p.{number}]\n");
        if (lines.Count == 0)
        {
            text.AppendLine("(no text on this page: an image or a scan)");
            return text.ToString();
        }

        var tables = 0;
        foreach (var block in PdfLayout.Blocks(lines))
        {
            if (block is LayoutTable table)
            {
                tables++;
                text.AppendLine($"[p.{number} table {tables}: {table.Rows.Count} rows x {table.Columns} columns; cite a cell as p.{number} table {tables} rRcC]");
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    text.AppendLine($"r{r + 1}: {string.Join(" | ", table.Rows[r])}");
                }
            }
            else
            {
                text.AppendLine(((LayoutLine)block).Text);
            }
        }

        return text.ToString();
    }
}
