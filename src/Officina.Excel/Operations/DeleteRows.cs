using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Deletes whole rows; rows below move up and every reference in the workbook follows.
/// References to deleted cells become <c>#REF!</c>; ranges that lose some rows shrink
/// (<c>=SUM(A1:A10)</c> becomes <c>=SUM(A1:A8)</c> after deleting rows 5–6).
/// </summary>
[Operation("delete_rows", "Delete rows; references follow.")]
public sealed record DeleteRows(
    [property: Description("Worksheet name, e.g. Data")] string Sheet,
    [property: Description("1-based first row to delete")] int Row,
    [property: Description("How many rows to delete (at least 1)")] int Count)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session) =>
        SheetShift.Validate(session, Sheet, Row, "row", Count, SheetAxis.Rows, insert: false);

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.Sheet(Sheet)!.SheetName;
        var formulas = new SheetShift(sheet, SheetAxis.Rows, Row, -Count).Apply(session);
        return new Change("delete_rows", $"{RangeAddress.QuoteSheet(sheet)}!{Row}:{Row + Count - 1}",
            $"Deleted {Count} row(s) from row {Row} of '{sheet}'" + (formulas > 0 ? $"; {formulas} formula(s) adjusted" : ""), Count);
    }
}
