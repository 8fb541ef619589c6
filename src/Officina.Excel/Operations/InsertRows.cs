using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Inserts empty rows before <see cref="Row"/>; rows from there down move down, and every
/// reference in the workbook (formulas, names, merged cells, formats, validations, tables,
/// charts, pivot sources) follows them, as Excel does: <c>=SUM(A1:A10)</c> becomes
/// <c>=SUM(A1:A12)</c> after inserting 2 rows at row 5.
/// </summary>
[Operation("insert_rows", "Insert empty rows; references follow.")]
public sealed record InsertRows(
    [property: Description("Worksheet name, e.g. Data")] string Sheet,
    [property: Description("1-based row the new rows take; the row there and those below move down")] int Row,
    [property: Description("How many rows to insert (at least 1)")] int Count)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session) =>
        SheetShift.Validate(session, Sheet, Row, "row", Count, SheetAxis.Rows, insert: true);

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.Sheet(Sheet)!.SheetName;
        var formulas = new SheetShift(sheet, SheetAxis.Rows, Row, Count).Apply(session);
        return new Change("insert_rows", $"{RangeAddress.QuoteSheet(sheet)}!{Row}:{Row + Count - 1}",
            $"Inserted {Count} row(s) at row {Row} of '{sheet}'" + (formulas > 0 ? $"; {formulas} formula(s) adjusted" : ""), Count);
    }
}
