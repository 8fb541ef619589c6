using System.ComponentModel;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Hides columns (<c>hidden="1"</c> on their <c>&lt;col&gt;</c> spans, split where the change
/// covers part of one; each keeps its width, so unhiding restores it), or with
/// <see cref="Unhide"/> shows them again. A span without a width gets Excel's default, since
/// Excel shows a width-less column as zero wide.
/// </summary>
[Operation("hide_columns", "Hide or unhide columns.")]
public sealed record HideColumns(
    [property: Description("Columns, e.g. B or B:D")] string Columns,
    [property: Description("Worksheet name; null means the only worksheet")] string? Sheet = null,
    [property: Description("True to show the columns again instead of hiding them (default false)")] bool? Unhide = null)
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
        if (!RowSpans.TryColumns(Columns, out _, out _))
        {
            errors.Add(new("columns", "columns", $"columns must be a column or span of columns, e.g. B or B:D. Given: '{Columns}'."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.ResolveSheet(Sheet);
        RowSpans.TryColumns(Columns, out var first, out var last);
        var span = RowSpans.ColumnName(first, last);
        var target = $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{span}";
        if (Unhide == true)
        {
            if (sheet.Worksheet.GetFirstChild<Columns>() is not null)
            {
                ColumnSpans.Update(sheet.Worksheet, first, last, col => col.Hidden = null, addMissing: false);
            }

            return new Change("hide_columns", target, $"Unhid column(s) {span} on '{sheet.SheetName}'", last - first + 1);
        }

        ColumnSpans.Update(sheet.Worksheet, first, last, col =>
        {
            col.Hidden = true;
            col.Width ??= RowSpans.DefaultColumnWidth;
        });
        return new Change("hide_columns", target, $"Hid column(s) {span} on '{sheet.SheetName}'", last - first + 1);
    }
}
