using System.ComponentModel;
using System.Globalization;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Sets the width of one column or a span (in Excel's unit: characters of the default font's
/// digit width, 8.43 by default), or fits each column to its content with <c>auto: true</c>.
/// Auto-fit is an estimate, since no fonts are measured here: each cell's displayed text
/// (numbers formatted roughly by their number format, General numbers at most 11 characters,
/// the longest line of wrapped text) counts one unit per character, scaled by the cell's font
/// size over 11 and by 1.1 when bold, plus one unit of padding; empty columns get 8.43.
/// Existing <c>&lt;col&gt;</c> spans are split where the change covers part of them and keep
/// their style, hidden state and outline level.
/// </summary>
[Operation("set_column_width", "Set or auto-fit column widths.")]
public sealed record SetColumnWidth(
    [property: Description("Columns, e.g. B or B:D")] string Columns,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("Width in characters (0 to 255); null when auto is true")] double? Width = null,
    [property: Description("True to fit each column to its longest displayed value")] bool? Auto = null)
    : WriteOperation<WorkbookSession>
{
    public const double DefaultWidth = 8.43;
    public const double MaxWidth = 255;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSheet(Sheet, "sheet", errors, out _);
        if (!TryColumns(Columns, out _, out _))
        {
            errors.Add(new("columns", "columns", $"columns must be a column or span of columns, e.g. B or B:D. Given: '{Columns}'."));
        }

        if ((Width is null) == (Auto != true))
        {
            errors.Add(new("width", "one_of", $"Give either width (in characters) or auto: true, not both and not neither. Given: width {Width?.ToString(CultureInfo.InvariantCulture) ?? "null"}, auto {Auto?.ToString() ?? "null"}."));
        }
        else if (Width is { } width && (double.IsNaN(width) || width < 0 || width > MaxWidth))
        {
            errors.Add(new("width", "width_range", $"width must be between 0 and {MaxWidth} characters. Given: {width.ToString(CultureInfo.InvariantCulture)}."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        TryColumns(Columns, out var first, out var last);
        var span = first == last ? CellAddress.ColumnName(first) : $"{CellAddress.ColumnName(first)}:{CellAddress.ColumnName(last)}";
        if (Width is { } width)
        {
            ColumnSpans.Update(sheet.Worksheet, first, last, col => SetWidth(col, width, bestFit: false));
            return new Change("set_column_width", $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{span}",
                $"Set the width of column(s) {span} on '{sheet.SheetName}' to {width.ToString(CultureInfo.InvariantCulture)}", last - first + 1);
        }

        var widths = new ColumnWidthEstimate(session, sheet).For(first, last);
        for (var c = first; c <= last; c++)
        {
            var fitted = widths[c - first];
            ColumnSpans.Update(sheet.Worksheet, c, c, col => SetWidth(col, fitted, bestFit: true));
        }

        var shown = string.Join(", ", widths.Take(10).Select((w, i) => $"{CellAddress.ColumnName(first + i)} {w.ToString(CultureInfo.InvariantCulture)}"));
        return new Change("set_column_width", $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{span}",
            $"Auto-fitted column(s) {span} on '{sheet.SheetName}' ({shown}{(widths.Length > 10 ? ", …" : "")})", last - first + 1);
    }

    private static void SetWidth(DocumentFormat.OpenXml.Spreadsheet.Column col, double width, bool bestFit)
    {
        col.Width = width;
        col.CustomWidth = true;
        col.BestFit = bestFit ? true : null;
    }

    private static bool TryColumns(string? text, out int first, out int last)
    {
        first = last = 0;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length is 0 or > 2)
        {
            return false;
        }

        first = CellAddress.ColumnIndex(parts[0].Trim().TrimStart('$'));
        last = CellAddress.ColumnIndex(parts[^1].Trim().TrimStart('$'));
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        return first > 0;
    }
}

/// <summary>The auto-fit estimate described on <see cref="SetColumnWidth"/>.</summary>
internal sealed class ColumnWidthEstimate(WorkbookSession session, SheetCells sheet)
{
    private readonly Dictionary<uint, (double Scale, string? Format)> _styles = [];

    public double[] For(int first, int last)
    {
        var longest = new double[last - first + 1];
        var range = new RangeAddress(sheet.SheetName, 1, first, CellAddress.MaxRow, last);
        foreach (var (address, cell) in sheet.CellsIn(range))
        {
            var value = sheet.ValueOf(cell);
            if (value.IsEmpty)
            {
                continue;
            }

            var (scale, format) = Style(cell.StyleIndex?.Value ?? 0);
            var index = address.Column - first;
            longest[index] = Math.Max(longest[index], Length(value, format) * scale);
        }

        return [.. longest.Select(l => l == 0 ? SetColumnWidth.DefaultWidth : Math.Min(SetColumnWidth.MaxWidth, Math.Round(l + 1, 2)))];
    }

    private (double Scale, string? Format) Style(uint index)
    {
        if (!_styles.TryGetValue(index, out var style))
        {
            var xf = session.Styles.CellFormatAt(index);
            var font = session.Styles.FontAt(xf.FontId?.Value ?? 0);
            var size = font.FontSize?.Val?.Value ?? 11;
            var bold = font.Bold is { } b && (b.Val?.Value ?? true);
            style = (size / 11 * (bold ? 1.1 : 1.0), session.Styles.NumberFormatCode(xf.NumberFormatId?.Value ?? 0));
            _styles[index] = style;
        }

        return style;
    }

    private static int Length(CellValue value, string? format) => value.Kind switch
    {
        CellValueKind.Number => NumberLength(value.Number, format),
        CellValueKind.Boolean => 5,
        _ => value.Text!.Split('\n').Max(line => line.Length),
    };

    private static int NumberLength(double number, string? format)
    {
        if (format is null || format == "General")
        {
            return Math.Min(11, number.ToString("0.#########", CultureInfo.InvariantCulture).Length);
        }

        var section = format.Split(';')[0];
        var plain = new string([.. section.Where(c => c is not ('"' or '\\' or '_' or '*'))]);
        if (plain.Contains('y') || plain.Contains('d') || plain.Contains('h') || (plain.Contains('m') && !plain.Contains('0') && !plain.Contains('#')))
        {
            return plain.Replace("mmmm", "september", StringComparison.Ordinal).Length;
        }

        var dot = section.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : section[(dot + 1)..].TakeWhile(c => c is '0' or '#').Count();
        var shown = section.Contains('%', StringComparison.Ordinal) ? number * 100 : number;
        var pattern = (section.Contains(',', StringComparison.Ordinal) ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
        var extras = section.Count(c => c is '%' or '$' or '€' or '£' or '(' or ')' or ' ');
        return shown.ToString(pattern, CultureInfo.InvariantCulture).Length + extras;
    }
}
