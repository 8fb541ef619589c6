using System.ComponentModel;
using System.Globalization;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Sets the height of one row or a span in points (<c>ht</c> with <c>customHeight</c>, 0 to
/// 409), or with <c>auto: true</c> gives the rows back to Excel, which sizes them to their
/// content when the file opens. Rows without cells get an empty <c>&lt;row&gt;</c>, as Excel
/// writes one; each row keeps its other attributes (style, hidden, outline level).
/// </summary>
[Operation("set_row_height", "Set row heights in points, or reset them to fit their content.")]
public sealed record SetRowHeight(
    [property: Description("Rows, e.g. 3 or 2:10")] string Rows,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("Height in points (0 to 409); null when auto is true")] double? Height = null,
    [property: Description("True to let Excel fit the rows to their content")] bool? Auto = null)
    : WriteOperation<WorkbookSession>
{
    public const double MaxHeight = 409;

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
        if (!RowSpans.TryRows(Rows, out var first, out var last))
        {
            errors.Add(new("rows", "rows", $"rows must be a row number or span of rows, e.g. 3 or 2:10 (1 to {CellAddress.MaxRow}). Given: '{Rows}'."));
        }
        else if (last - first + 1 > RowSpans.MaxRows)
        {
            errors.Add(new("rows", "max_rows", $"set_row_height changes at most {RowSpans.MaxRows:N0} rows at once. Given: {Rows} ({last - first + 1:N0} rows)."));
        }

        if ((Height is null) == (Auto != true))
        {
            errors.Add(new("height", "one_of", $"Give either height (in points) or auto: true, not both and not neither. Given: height {Height?.ToString(CultureInfo.InvariantCulture) ?? "null"}, auto {Auto?.ToString() ?? "null"}."));
        }
        else if (Height is { } height && (double.IsNaN(height) || height < 0 || height > MaxHeight))
        {
            errors.Add(new("height", "height_range", $"height must be between 0 and {MaxHeight} points. Given: {height.ToString(CultureInfo.InvariantCulture)}."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        RowSpans.TryRows(Rows, out var first, out var last);
        var span = RowSpans.Name(first, last);
        var target = $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{first}:{last}";
        if (Height is { } height)
        {
            RowSpans.Update(sheet, first, last, row =>
            {
                row.Height = height;
                row.CustomHeight = true;
            });
            return new Change("set_row_height", target,
                $"Set the height of row(s) {span} on '{sheet.SheetName}' to {height.ToString(CultureInfo.InvariantCulture)} pt", last - first + 1);
        }

        foreach (var row in sheet.Rows.Where(r => r.RowIndex!.Value >= first && r.RowIndex.Value <= last))
        {
            row.Height = null;
            row.CustomHeight = null;
        }

        RowSpans.DropBare(sheet, first, last);
        return new Change("set_row_height", target, $"Reset row(s) {span} on '{sheet.SheetName}' to fit their content", last - first + 1);
    }
}
