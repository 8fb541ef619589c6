using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Inserts empty columns before <see cref="Column"/>; columns from there right move right,
/// with their widths, and every reference in the workbook follows.
/// </summary>
[Operation("insert_columns", "Insert empty columns; references follow.")]
public sealed record InsertColumns(
    [property: Description("Worksheet name, e.g. Data")] string Sheet,
    [property: Description("Column letter the new columns take, e.g. C; that column and those right of it move right")] string Column,
    [property: Description("How many columns to insert (at least 1)")] int Count)
    : WriteOperation<WorkbookSession>
{
    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesSheet(Sheet);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session) =>
        ColumnArgument.Validate(session, Sheet, Column, Count, insert: true);

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sheet = session.Sheet(Sheet)!.SheetName;
        var at = ColumnArgument.Index(Column);
        var formulas = new SheetShift(sheet, SheetAxis.Columns, at, Count).Apply(session);
        var target = $"{RangeAddress.QuoteSheet(sheet)}!{CellAddress.ColumnName(at)}:{CellAddress.ColumnName(Math.Min(at + Count - 1, CellAddress.MaxColumn))}";
        return new Change("insert_columns", target,
            $"Inserted {Count} column(s) at column {CellAddress.ColumnName(at)} of '{sheet}'" + (formulas > 0 ? $"; {formulas} formula(s) adjusted" : ""), Count);
    }
}

/// <summary>The column-letter argument shared by insert_columns and delete_columns.</summary>
internal static class ColumnArgument
{
    public static int Index(string? letters) => CellAddress.ColumnIndex((letters ?? "").Trim().TrimStart('$'));

    public static IEnumerable<OperationError> Validate(WorkbookSession session, string? sheet, string? column, int count, bool insert)
    {
        var at = Index(column);
        if (at == 0)
        {
            return [new("column", "column_letter", $"column must be a column letter from A to XFD, e.g. C. Given: '{column}'."),
                .. SheetShift.Validate(session, sheet, 1, "column", count, SheetAxis.Columns, insert).Where(e => e.Path != "column")];
        }

        return SheetShift.Validate(session, sheet, at, "column", count, SheetAxis.Columns, insert);
    }
}
