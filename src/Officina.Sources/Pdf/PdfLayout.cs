using UglyToad.PdfPig.Content;

namespace Officina.Sources.Pdf;

/// <summary>A run of words on one line with no wide gap inside: a phrase of text or one table cell.</summary>
internal sealed record LayoutCell(string Text, double Left, double Right);

/// <summary>One line of a page: its baseline and its cells from left to right.</summary>
internal sealed record LayoutLine(double Baseline, IReadOnlyList<LayoutCell> Cells)
{
    public string Text => string.Join("  ", Cells.Select(c => c.Text));
}

/// <summary>A simple table found by layout: rows of cells aligned in columns.</summary>
internal sealed record LayoutTable(IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public int Columns => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);
}

/// <summary>
/// Reads a page's words into lines and simple tables by layout alone: words are grouped into
/// lines by their baseline, a line is split into cells where the gap between words is wider
/// than a few spaces, and two or more consecutive lines with two or more cells whose x-spans
/// line up form a table (columns are the union of overlapping cell spans, so right-aligned
/// numbers fall under their header). Ruled borders, merged cells and tables spanning pages are
/// not recognised; such content stays plain text lines.
/// </summary>
internal static class PdfLayout
{
    public static IReadOnlyList<LayoutLine> Lines(IEnumerable<Word> words)
    {
        var horizontal = words.Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.TextOrientation == TextOrientation.Horizontal).ToList();
        if (horizontal.Count == 0)
        {
            return [];
        }

        var heights = horizontal.Select(w => w.BoundingBox.Height).Where(h => h > 0).Order().ToList();
        var height = heights.Count > 0 ? heights[heights.Count / 2] : 10;
        var tolerance = Math.Max(1.5, height * 0.4);
        var gap = Math.Max(6, height * 1.2);

        var lines = new List<(double Baseline, List<Word> Words)>();
        foreach (var word in horizontal.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var line = lines.FirstOrDefault(l => Math.Abs(l.Baseline - word.BoundingBox.Bottom) <= tolerance);
            if (line.Words is null)
            {
                lines.Add((word.BoundingBox.Bottom, [word]));
            }
            else
            {
                line.Words.Add(word);
            }
        }

        return [.. lines.OrderByDescending(l => l.Baseline).Select(l => new LayoutLine(l.Baseline, Cells(l.Words, gap)))];
    }

    /// <summary>Splits the page's lines into text lines and tables, in reading order.</summary>
    public static IEnumerable<object> Blocks(IReadOnlyList<LayoutLine> lines)
    {
        var index = 0;
        while (index < lines.Count)
        {
            var end = index;
            while (end < lines.Count && lines[end].Cells.Count >= 2)
            {
                end++;
            }

            if (end - index >= 2 && ToTable(lines.Skip(index).Take(end - index).ToList()) is { } table)
            {
                yield return table;
                index = end;
                continue;
            }

            yield return lines[index];
            index++;
        }
    }

    private static List<LayoutCell> Cells(List<Word> words, double gap)
    {
        var cells = new List<LayoutCell>();
        var current = new List<Word>();
        foreach (var word in words.OrderBy(w => w.BoundingBox.Left))
        {
            if (current.Count > 0 && word.BoundingBox.Left - current[^1].BoundingBox.Right > gap)
            {
                cells.Add(Cell(current));
                current = [];
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            cells.Add(Cell(current));
        }

        return cells;
    }

    private static LayoutCell Cell(List<Word> words) =>
        new(string.Join(" ", words.Select(w => w.Text)), words[0].BoundingBox.Left, words.Max(w => w.BoundingBox.Right));

    private static LayoutTable? ToTable(List<LayoutLine> rows)
    {
        // Columns: merge the x-spans of every cell that overlap.
        var spans = rows.SelectMany(r => r.Cells).Select(c => (c.Left, c.Right)).OrderBy(s => s.Left).ToList();
        var columns = new List<(double Left, double Right)>();
        foreach (var span in spans)
        {
            if (columns.Count > 0 && span.Left <= columns[^1].Right)
            {
                columns[^1] = (columns[^1].Left, Math.Max(columns[^1].Right, span.Right));
            }
            else
            {
                columns.Add(span);
            }
        }

        if (columns.Count < 2)
        {
            return null;
        }

        var table = new List<IReadOnlyList<string>>();
        foreach (var row in rows)
        {
            var cells = new string[columns.Count];
            foreach (var cell in row.Cells)
            {
                var column = columns.FindIndex(c => cell.Left >= c.Left - 0.5 && cell.Right <= c.Right + 0.5);
                cells[column] = cells[column] is null ? cell.Text : cells[column] + " " + cell.Text;
            }

            table.Add([.. cells.Select(c => c ?? "")]);
        }

        // A table has most of its columns filled in most rows; otherwise it is text in two flows.
        var filled = table.Sum(r => r.Count(c => c.Length > 0));
        return filled >= table.Count * columns.Count * 0.6 ? new LayoutTable(table) : null;
    }
}
