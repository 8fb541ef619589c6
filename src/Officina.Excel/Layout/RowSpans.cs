using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;

namespace Officina.Excel.Layout;

/// <summary>
/// What the row and column operations share: reading <c>2</c>, <c>2:10</c>, <c>B</c>,
/// <c>B:D</c> (optionally with <c>$</c>), editing the <c>&lt;row&gt;</c> elements of a span
/// (creating empty ones where a row has none yet, as Excel writes a hidden or resized empty
/// row), and the sheet's <c>&lt;sheetFormatPr&gt;</c>.
/// </summary>
public static class RowSpans
{
    /// <summary>At most this many rows are edited by one operation (each needs its own element).</summary>
    public const int MaxRows = 100_000;

    /// <summary>What Excel writes as the width of a column left at the default width (8.43 characters of Calibri 11).</summary>
    public const double DefaultColumnWidth = 9.140625;

    public static bool TryRows(string? text, out int first, out int last)
    {
        first = last = 0;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length > 2
            || !int.TryParse(parts[0].Trim().TrimStart('$'), NumberStyles.None, CultureInfo.InvariantCulture, out first)
            || !int.TryParse(parts[^1].Trim().TrimStart('$'), NumberStyles.None, CultureInfo.InvariantCulture, out last))
        {
            return false;
        }

        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        return first >= 1 && last <= CellAddress.MaxRow;
    }

    public static bool TryColumns(string? text, out int first, out int last)
    {
        first = last = 0;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length > 2)
        {
            return false;
        }

        first = CellAddress.ColumnIndex(parts[0].Trim().TrimStart('$'));
        last = CellAddress.ColumnIndex(parts[^1].Trim().TrimStart('$'));
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        return first > 0 && last <= CellAddress.MaxColumn;
    }

    public static string Name(int first, int last) =>
        first == last ? first.ToString(CultureInfo.InvariantCulture) : $"{first}:{last}";

    public static string ColumnName(int first, int last) =>
        first == last ? CellAddress.ColumnName(first) : $"{CellAddress.ColumnName(first)}:{CellAddress.ColumnName(last)}";

    /// <summary>Applies <paramref name="change"/> to rows <paramref name="first"/>..<paramref name="last"/>, creating missing ones.</summary>
    public static void Update(SheetCells sheet, int first, int last, Action<Row> change)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(change);
        var cancellation = sheet.Cancellation;
        for (var r = first; r <= last; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            change(sheet.GetOrAddRow(r));
        }
    }

    /// <summary>The sheet's format properties, created with Excel's default row height (required) when missing.</summary>
    public static SheetFormatProperties SheetFormat(Worksheet worksheet) =>
        worksheet.GetFirstChild<SheetFormatProperties>() ?? WorksheetLayout.Insert(worksheet, new SheetFormatProperties { DefaultRowHeight = 15 });

    /// <summary>The widest outline level among rows, to keep <c>sheetFormatPr outlineLevelRow</c> right.</summary>
    public static void RefreshOutlineLevels(SheetCells sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = sheet.Rows.Select(r => (int)(r.OutlineLevel?.Value ?? 0)).DefaultIfEmpty(0).Max();
        var columns = sheet.Worksheet.GetFirstChild<Columns>()?.Elements<Column>().Select(c => (int)(c.OutlineLevel?.Value ?? 0)).DefaultIfEmpty(0).Max() ?? 0;
        var format = sheet.Worksheet.GetFirstChild<SheetFormatProperties>();
        if (format is null && rows == 0 && columns == 0)
        {
            return;
        }

        format ??= SheetFormat(sheet.Worksheet);
        format.OutlineLevelRow = rows == 0 ? null : (byte)rows;
        format.OutlineLevelColumn = columns == 0 ? null : (byte)columns;
    }

    /// <summary>Removes rows of the span left with no cells and no attributes but their number: Excel does not write those.</summary>
    public static void DropBare(SheetCells sheet, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var bare = sheet.Rows.Where(r => r.RowIndex!.Value >= first && r.RowIndex.Value <= last && !r.HasChildren
            && r.GetAttributes().All(a => a.LocalName is "r" or "spans")).ToList();
        foreach (var row in bare)
        {
            row.Remove();
        }

        if (bare.Count > 0)
        {
            sheet.Invalidate();
        }
    }
}
