using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Hides rows (<c>hidden="1"</c> on their <c>&lt;row&gt;</c>, created empty where a row has no
/// cells yet), or with <see cref="Unhide"/> shows them again. The data stays; formulas still
/// read hidden rows, except SUBTOTAL 101-111 and AGGREGATE, which skip them as in Excel.
/// </summary>
[Operation("hide_rows", "Hide or unhide rows.")]
public sealed record HideRows(
    [property: Description("Rows, e.g. 3 or 2:10")] string Rows,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("True to show the rows again instead of hiding them (default false)")] bool? Unhide = null)
    : WriteOperation<WorkbookSession>
{
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
        else if (Unhide != true && last - first + 1 > RowSpans.MaxRows)
        {
            errors.Add(new("rows", "max_rows", $"hide_rows hides at most {RowSpans.MaxRows:N0} rows at once. Given: {Rows} ({last - first + 1:N0} rows)."));
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
        if (Unhide == true)
        {
            var shown = 0;
            foreach (var row in sheet.Rows.Where(r => r.RowIndex!.Value >= first && r.RowIndex.Value <= last && r.Hidden?.Value == true))
            {
                row.Hidden = null;
                shown++;
            }

            RowSpans.DropBare(sheet, first, last);
            return new Change("hide_rows", target, shown == 0
                ? $"No hidden rows in {span} on '{sheet.SheetName}'; nothing to unhide"
                : $"Unhid {shown} row(s) in {span} on '{sheet.SheetName}'", shown);
        }

        RowSpans.Update(sheet, first, last, row => row.Hidden = true);
        return new Change("hide_rows", target, $"Hid row(s) {span} on '{sheet.SheetName}'", last - first + 1);
    }
}
