using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Deletes whole columns; columns to the right move left, with their widths, and every
/// reference in the workbook follows. References to deleted cells become <c>#REF!</c>.
/// </summary>
[Operation("delete_columns", "Delete columns; references follow.")]
public sealed record DeleteColumns(
    [property: Description("Worksheet name, e.g. Data")] string Sheet,
    [property: Description("Letter of the first column to delete, e.g. C")] string Column,
    [property: Description("How many columns to delete (at least 1)")] int Count)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session) =>
        ColumnArgument.Validate(session, Sheet, Column, Count, insert: false);

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.Sheet(Sheet)!.SheetName;
        var at = ColumnArgument.Index(Column);
        var formulas = new SheetShift(sheet, SheetAxis.Columns, at, -Count).Apply(session);
        var target = $"{RangeAddress.QuoteSheet(sheet)}!{CellAddress.ColumnName(at)}:{CellAddress.ColumnName(at + Count - 1)}";
        return new Change("delete_columns", target,
            $"Deleted {Count} column(s) from column {CellAddress.ColumnName(at)} of '{sheet}'" + (formulas > 0 ? $"; {formulas} formula(s) adjusted" : ""), Count);
    }
}
