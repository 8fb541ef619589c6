using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;

namespace Officina.Excel.Structure;

/// <summary>Moves the column widths and formats (<c>&lt;cols&gt;</c>) when columns are inserted or deleted.</summary>
internal static class ColumnSpans
{
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
