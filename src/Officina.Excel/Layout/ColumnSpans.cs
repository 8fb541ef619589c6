using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;

namespace Officina.Excel.Layout;

/// <summary>
/// Edits a worksheet's <c>&lt;cols&gt;</c>: a <c>&lt;col min max&gt;</c> span that a change
/// covers only in part is split, the covered part takes the change and keeps its other
/// attributes (style, hidden, outline level), uncovered columns get new spans, and adjacent
/// spans left identical are joined again.
/// </summary>
public static class ColumnSpans
{
    /// <summary>
    /// Applies <paramref name="change"/> to columns <paramref name="first"/>..<paramref name="last"/>;
    /// with <paramref name="addMissing"/> false, only to columns that already have a span.
    /// </summary>
    public static void Update(Worksheet worksheet, int first, int last, Action<Column> change, bool addMissing = true)
    {
        ArgumentNullException.ThrowIfNull(worksheet);
        ArgumentNullException.ThrowIfNull(change);
        var cols = WorksheetLayout.GetOrInsert<Columns>(worksheet);
        var result = new List<Column>();
        var covered = new List<(int Min, int Max)>();
        foreach (var col in cols.Elements<Column>())
        {
            int min = (int)(col.Min?.Value ?? 0), max = (int)(col.Max?.Value ?? 0);
            if (max < first || min > last)
            {
                result.Add((Column)col.CloneNode(true));
                continue;
            }

            if (min < first)
            {
                result.Add(Span(col, min, first - 1));
            }

            var inside = Span(col, Math.Max(min, first), Math.Min(max, last));
            change(inside);
            result.Add(inside);
            covered.Add((Math.Max(min, first), Math.Min(max, last)));
            if (max > last)
            {
                result.Add(Span(col, last + 1, max));
            }
        }

        var next = first;
        foreach (var (min, max) in covered.OrderBy(c => c.Min).Append((last + 1, last + 1)))
        {
            if (min > next && addMissing)
            {
                var added = new Column { Min = (uint)next, Max = (uint)(min - 1) };
                change(added);
                result.Add(added);
            }

            next = Math.Max(next, max + 1);
        }

        cols.RemoveAllChildren<Column>();
        foreach (var col in Join(result.OrderBy(c => c.Min!.Value)))
        {
            cols.AppendChild(col);
        }
    }

    private static Column Span(Column template, int min, int max)
    {
        var copy = (Column)template.CloneNode(true);
        copy.Min = (uint)min;
        copy.Max = (uint)max;
        return copy;
    }

    private static IEnumerable<Column> Join(IEnumerable<Column> sorted)
    {
        Column? open = null;
        foreach (var col in sorted)
        {
            if (open is not null && open.Max!.Value + 1 == col.Min!.Value && SameBut(open, col))
            {
                open.Max = col.Max;
                continue;
            }

            if (open is not null)
            {
                yield return open;
            }

            open = col;
        }

        if (open is not null)
        {
            yield return open;
        }
    }

    private static bool SameBut(Column a, Column b) => Key(a) == Key(b);

    private static string Key(Column col) => string.Join(";", col.GetAttributes()
        .Where(a => a.LocalName is not ("min" or "max"))
        .OrderBy(a => a.NamespaceUri + a.LocalName, StringComparer.Ordinal)
        .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.NamespaceUri}:{a.LocalName}={a.Value}")));

    /// <summary>
    /// Inserted columns inside a span widen it (they take the format around them, as in
    /// Excel); deleted columns shrink spans or remove them.
    /// </summary>
    public static void Shift(Worksheet worksheet, int at, int count)
    {
        if (worksheet.GetFirstChild<Columns>() is not { } columns)
        {
            return;
        }

        foreach (var column in columns.Elements<Column>().ToList())
        {
            if (column.Min?.Value is not { } minValue || column.Max?.Value is not { } maxValue)
            {
                continue;
            }

            int min = (int)minValue, max = (int)maxValue;
            if (count > 0)
            {
                if (min >= at)
                {
                    min += count;
                }

                if (max >= at)
                {
                    max += count;
                }
            }
            else
            {
                var lastDeleted = at - count - 1;
                min = min < at ? min : min > lastDeleted ? min + count : at;
                max = max < at ? max : max > lastDeleted ? max + count : at - 1;
            }

            max = Math.Min(max, CellAddress.MaxColumn);
            if (min > max)
            {
                column.Remove();
                continue;
            }

            column.Min = (uint)min;
            column.Max = (uint)max;
        }

        if (!columns.HasChildren)
        {
            columns.Remove();
        }
    }
}
