using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Writes literal values into a range, row by row from its top-left cell. Strings are text,
/// never formulas; ISO 8601 dates (<c>2026-01-31</c>) become Excel dates; null clears a cell.
/// A single-cell range grows to the size of <see cref="Values"/>.
/// </summary>
[Operation("set_values", "Write literal values (never formulas) into a range.")]
public sealed record SetValues(
    [property: Description("Target range or its top-left cell, e.g. 'Data'!A1:C10 or Data!A1")] string Range,
    [property: Description("Rows of values: strings, numbers, booleans or null (clears). ISO dates like 2026-01-31 become dates.")] CellValue[][] Values)
    : WriteOperation<WorkbookSession>
{
    public const int MaxTextLength = 32_767;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (!session.TryResolve(Range, "range", errors, out var range, out _))
        {
            return errors;
        }

        if (Values is null || Values.Length == 0 || Values.All(r => r is null || r.Length == 0))
        {
            errors.Add(new("values", "values_shape", "values must hold at least one row with at least one value. Given: an empty array."));
            return errors;
        }

        var width = Values.Max(r => r?.Length ?? 0);
        if (!range.IsSingleCell && (Values.Length != range.RowCount || width > range.ColumnCount))
        {
            errors.Add(new("values", "values_shape",
                $"values must fit the range {range.Reference} ({range.RowCount} rows × {range.ColumnCount} columns). Given: {Values.Length} rows × {width} columns."));
        }

        if (range.FirstRow + Values.Length - 1 > CellAddress.MaxRow || range.FirstColumn + width - 1 > CellAddress.MaxColumn)
        {
            errors.Add(new("values", "sheet_bounds", $"values starting at {range.TopLeft} run past the last row or column of the sheet."));
        }

        for (var r = 0; r < Values.Length; r++)
        {
            for (var c = 0; c < (Values[r]?.Length ?? 0); c++)
            {
                if (Values[r][c].Text is { Length: > MaxTextLength } text)
                {
                    errors.Add(new($"values[{r}][{c}]", "text_length", $"A cell holds at most {MaxTextLength} characters. Given: {text.Length}."));
                }
            }
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        uint? dateStyle = null, dateTimeStyle = null;
        var count = 0;
        for (var r = 0; r < Values.Length; r++)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var row = Values[r] ?? [];
            for (var c = 0; c < row.Length; c++)
            {
                var value = row[c];
                uint? style = null;
                if (value.Kind == CellValueKind.Text && IsoDates.TryParse(value.Text!, out _))
                {
                    var existing = sheet.FindCell(range.FirstRow + r, range.FirstColumn + c)?.StyleIndex?.Value ?? 0;
                    style = IsoDates.HasTime(value.Text!)
                        ? dateTimeStyle ??= session.Styles.WithNumberFormat(existing, "yyyy-mm-dd hh:mm")
                        : dateStyle ??= session.Styles.WithNumberFormat(existing, "yyyy-mm-dd");
                }

                sheet.SetValue(range.FirstRow + r, range.FirstColumn + c, value, style);
                count++;
            }
        }

        var width = Values.Max(v => v?.Length ?? 0);
        var written = new RangeAddress(range.Sheet, range.FirstRow, range.FirstColumn, range.FirstRow + Values.Length - 1, range.FirstColumn + Math.Max(width, 1) - 1);
        return new Change("set_values", written.ToString(), $"Wrote {count} value(s) to {written}", count);
    }
}
