using System.ComponentModel;
using System.Text;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Reads values (and formulas, shown as formulas) from a range, capped at 2,000 cells.</summary>
[Operation("read_range", "Read values and formulas from a range (at most 2,000 cells).")]
public sealed record ReadRange(
    [property: Description("Range to read, e.g. 'Data'!A1:F20")] string Range) : ReadOperation<WorkbookSession>, IReadsCellValues
{
    public const int MaxCells = 2000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session) =>
        session.TryResolve(Range, "range", [], out var range, out _) && range.CellCount <= MaxCells ? [("range", range)] : [];

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (session.TryResolve(Range, "range", errors, out var range, out _) && range.CellCount > MaxCells)
        {
            errors.Add(new("range", "max_cells", $"read_range reads at most {MaxCells} cells at once. Given: {range} ({range.CellCount} cells); read it in parts."));
        }

        return errors;
    }

    public override Observation Read(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var rows = new List<object?[]>();
        var text = new StringBuilder();
        for (var r = range.FirstRow; r <= range.LastRow; r++)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var row = new object?[range.ColumnCount];
            for (var c = range.FirstColumn; c <= range.LastColumn; c++)
            {
                var cell = sheet.FindCell(r, c);
                var formula = sheet.FormulaOf(cell, new(r, c));
                var value = sheet.ValueOf(cell);
                row[c - range.FirstColumn] = formula is not null ? new { formula, value = Plain(value) } : Plain(value);
                if (formula is not null || !value.IsEmpty)
                {
                    text.Append(new Addressing.CellAddress(r, c).A1).Append(": ").Append(formula is null ? value.ToString() : $"{formula} -> {value}").Append('\n');
                }
            }

            rows.Add(row);
        }

        return new Observation("read_range", range.ToString(), text.Length == 0 ? $"{range}: empty" : text.ToString(), rows);
    }

    private static object? Plain(CellValue value) => value.Kind switch
    {
        CellValueKind.Text => value.Text,
        CellValueKind.Number => value.Number,
        CellValueKind.Boolean => value.Boolean,
        _ => null,
    };
}
