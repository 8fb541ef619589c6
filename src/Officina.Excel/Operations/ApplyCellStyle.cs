using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Styles;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Applies one of Excel's built-in cell styles (Good, Bad, Neutral, Title, Heading 1-4, Total,
/// Currency, Percent, Comma, Note, Input, …) to a range, the way Home > Cell Styles does: the
/// style is added to the stylesheet once (<c>cellStyleXfs</c> + <c>cellStyle</c> with its
/// <c>builtinId</c>, see <see cref="BuiltInCellStyles"/>), and each cell's format is derived to
/// point at it, taking from the style the parts the style includes (Good sets font and fill,
/// Currency only the number format, Normal everything) and keeping the rest of the cell's own
/// format. Cells that do not exist yet are created so the style shows; whole rows or columns
/// are styled only as far as cells exist.
/// </summary>
[Operation("apply_cell_style", "Apply a built-in Excel cell style (Good, Bad, Heading 1, Total, Currency, …) to a range.")]
public sealed record ApplyCellStyle(
    [property: Description("Range to style, e.g. 'Report'!A1:F1")] string Range,
    [property: Description("normal, good, bad, neutral, title, heading_1..heading_4, total, currency, currency_0, percent, comma, comma_0, hyperlink, note, warning_text, input, output, calculation, check_cell, explanatory_text, linked_cell")] BuiltInCellStyle Style)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (session.TryResolve(Range, "range", errors, out var range, out var sheet)
            && (CopyRange.Clip(range, sheet)?.CellCount ?? 0) > FormatRange.MaxCells)
        {
            errors.Add(new("range", "max_cells", $"apply_cell_style styles at most {FormatRange.MaxCells:N0} cells. Given: {range} ({range.CellCount:N0} cells)."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var name = BuiltInCellStyles.NameOf(Style);
        var target = CopyRange.Clip(range, sheet);
        if (target is null)
        {
            return new Change("apply_cell_style", range.ToString(), $"Nothing to style: {range} has no cells", 0);
        }

        var styleFormat = BuiltInCellStyles.Ensure(session.Styles, Style);
        var derived = new Dictionary<uint, uint>();
        var count = 0;
        for (var r = target.FirstRow; r <= target.LastRow; r++)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            for (var c = target.FirstColumn; c <= target.LastColumn; c++)
            {
                var cell = sheet.GetOrAddCell(r, c);
                var current = cell.StyleIndex?.Value ?? 0;
                if (!derived.TryGetValue(current, out var style))
                {
                    style = Derive(session.Styles, current, styleFormat, BuiltInCellStyles.PartsOf(Style));
                    derived[current] = style;
                }

                cell.StyleIndex = style == 0 ? null : style;
                count++;
            }
        }

        return new Change("apply_cell_style", target.ToString(), $"Applied the cell style '{name}' to {count} cell(s) in {target}", count);
    }

    /// <summary>A cell format based on style <paramref name="styleFormat"/>: the style's parts from the style, the others from the cell's format.</summary>
    internal static uint Derive(WorkbookStyles styles, uint cellFormat, uint styleFormat, StyleParts parts)
    {
        var format = styles.CellFormatAt(cellFormat);
        var style = styles.Stylesheet.CellStyleFormats!.Elements<CellFormat>().ElementAt((int)styleFormat);
        format.FormatId = styleFormat;
        if (parts.HasFlag(StyleParts.Number))
        {
            format.NumberFormatId = style.NumberFormatId?.Value ?? 0;
        }

        if (parts.HasFlag(StyleParts.Font))
        {
            format.FontId = style.FontId?.Value ?? 0;
        }

        if (parts.HasFlag(StyleParts.Fill))
        {
            format.FillId = style.FillId?.Value ?? 0;
        }

        if (parts.HasFlag(StyleParts.Border))
        {
            format.BorderId = style.BorderId?.Value ?? 0;
        }

        if (parts == StyleParts.All)
        {
            format.Alignment = null;
            format.Protection = null;
            format.ApplyAlignment = null;
            format.ApplyProtection = null;
        }

        // apply* on a cell format says it overrides its style there; set it where the cell differs from the style.
        format.ApplyNumberFormat = Differs(format.NumberFormatId, style.NumberFormatId);
        format.ApplyFont = Differs(format.FontId, style.FontId);
        format.ApplyFill = Differs(format.FillId, style.FillId);
        format.ApplyBorder = Differs(format.BorderId, style.BorderId);
        return styles.AddCellFormat(format);
    }

    private static bool? Differs(DocumentFormat.OpenXml.UInt32Value? cell, DocumentFormat.OpenXml.UInt32Value? style) =>
        (cell?.Value ?? 0) != (style?.Value ?? 0) ? true : null;
}
