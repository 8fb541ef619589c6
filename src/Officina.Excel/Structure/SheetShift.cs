using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Layout;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Structure;

/// <summary>
/// Rows or columns inserted (<see cref="Count"/> &gt; 0) or deleted (&lt; 0) at
/// <see cref="At"/> on one sheet: checks what Excel would refuse, then moves the cells in one
/// pass and rewrites every reference in the workbook to match.
/// </summary>
public sealed record SheetShift(string Sheet, SheetAxis Axis, int At, int Count)
{
    private int Size => Math.Abs(Count);

    private int Max => Axis == SheetAxis.Rows ? CellAddress.MaxRow : CellAddress.MaxColumn;

    private string Noun => Axis == SheetAxis.Rows ? "row" : "column";

    /// <summary>The checks shared by the four operations: sheet, position, count and what the shift would break.</summary>
    public static IReadOnlyList<OperationError> Validate(WorkbookSession session, string? sheet, int at, string atPath, int count, SheetAxis axis, bool insert)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (string.IsNullOrWhiteSpace(sheet) || session.Sheet(sheet) is null)
        {
            errors.Add(new("sheet", "sheet_exists",
                $"There is no worksheet named '{sheet}'. Sheets: {string.Join(", ", session.Sheets.Where(s => s.IsWorksheet).Select(s => $"'{s.Name}'"))}."));
        }

        var max = axis == SheetAxis.Rows ? CellAddress.MaxRow : CellAddress.MaxColumn;
        if (count < 1)
        {
            errors.Add(new("count", "count_range", $"count must be at least 1. Given: {count}."));
        }
        else if (count > max)
        {
            errors.Add(new("count", "count_range", $"count must be at most {max}. Given: {count}."));
        }

        if (at < 1 || at > max)
        {
            // Callers with column letters report bad letters themselves.
            if (axis == SheetAxis.Rows)
            {
                errors.Add(new(atPath, "row_range", $"row must be between 1 and {CellAddress.MaxRow}. Given: {at}."));
            }
        }
        else if (!insert && count >= 1 && (long)at + count - 1 > max)
        {
            var last = axis == SheetAxis.Rows ? ((long)at + count - 1).ToString(CultureInfo.InvariantCulture) : "past XFD";
            errors.Add(new("count", "sheet_bounds",
                $"Deleting {count} {(axis == SheetAxis.Rows ? "row" : "column")}(s) from {Label(axis, at)} runs past the last {(axis == SheetAxis.Rows ? $"row ({CellAddress.MaxRow})" : "column (XFD)")}. Last would be {last}."));
        }

        if (errors.Count == 0)
        {
            var shift = new SheetShift(session.Sheet(sheet!)!.SheetName, axis, at, insert ? count : -count);
            errors.AddRange(shift.Conflicts(session));
        }

        return errors;
    }

    /// <summary>Moves the cells and rewrites references; returns how many formulas changed.</summary>
    public int Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var cells = session.Sheet(Sheet) ?? throw new InvalidOperationException($"There is no worksheet named '{Sheet}'.");
        var rewriter = new ReferenceRewriter(session,
            (formula, sheet) => FormulaReferences.InsertOrDelete(formula, sheet, Sheet, Axis, At, Count),
            Move);
        rewriter.Apply();
        if (Axis == SheetAxis.Rows)
        {
            MoveRows(cells.Data, session.Cancellation);
        }
        else
        {
            MoveColumns(cells.Data, session.Cancellation);
            ColumnSpans.Shift(cells.Worksheet, At, Count);
        }

        SheetAnchors.Shift(cells.Part, Axis, MapIndex);
        cells.Invalidate();
        // The calculation chain lists formula cells by address; Excel rebuilds it when it is missing.
        if (session.WorkbookPart.CalculationChainPart is { } chain)
        {
            session.WorkbookPart.DeletePart(chain);
        }

        if (rewriter.FormulasChanged > 0)
        {
            session.MarkFormulasDirty();
        }

        return rewriter.FormulasChanged;
    }

    /// <summary>The new index of <paramref name="index"/> on the shifted axis, or null when it is deleted or pushed off.</summary>
    public int? MapIndex(int index)
    {
        if (index < At)
        {
            return index;
        }

        if (Count > 0)
        {
            return index + Count <= Max ? index + Count : null;
        }

        return index < At + Size ? null : index - Size;
    }

    private CellAddress? Move(string sheet, CellAddress address)
    {
        if (!string.Equals(sheet, Sheet, StringComparison.OrdinalIgnoreCase))
        {
            return address;
        }

        var index = Axis == SheetAxis.Rows ? address.Row : address.Column;
        return MapIndex(index) is { } moved
            ? Axis == SheetAxis.Rows ? address with { Row = moved } : address with { Column = moved }
            : null;
    }

    private void MoveRows(SheetData data, CancellationToken cancellationToken)
    {
        foreach (var row in data.Elements<Row>().ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = (int)row.RowIndex!.Value;
            if (index < At)
            {
                continue;
            }

            if (MapIndex(index) is not { } moved)
            {
                row.Remove();
                continue;
            }

            row.RowIndex = (uint)moved;
            var suffix = moved.ToString(CultureInfo.InvariantCulture);
            foreach (var cell in row.Elements<Cell>())
            {
                cell.CellReference = CellAddress.ColumnName(SheetCells.ColumnOf(cell)) + suffix;
            }
        }
    }

    private void MoveColumns(SheetData data, CancellationToken cancellationToken)
    {
        foreach (var row in data.Elements<Row>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var suffix = row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
            var touched = false;
            foreach (var cell in row.Elements<Cell>().ToList())
            {
                var column = SheetCells.ColumnOf(cell);
                if (column < At)
                {
                    continue;
                }

                touched = true;
                if (MapIndex(column) is { } moved)
                {
                    cell.CellReference = CellAddress.ColumnName(moved) + suffix;
                }
                else
                {
                    cell.Remove();
                }
            }

            if (touched)
            {
                // spans is an optional hint that no longer holds.
                row.Spans = null;
            }
        }
    }

    /// <summary>What Excel would refuse: cutting through a table or pivot table, or pushing data off the sheet.</summary>
    private IEnumerable<OperationError> Conflicts(WorkbookSession session)
    {
        var cells = session.Sheet(Sheet)!;
        var atPath = Axis == SheetAxis.Rows ? "row" : "column";
        foreach (var table in cells.Part.TableDefinitionParts.Select(p => p.Table).OfType<Table>())
        {
            if (table.Reference?.Value is { } reference && RangeAddress.TryParse(reference, out var range, out _)
                && TableProblem(range, (int)(table.TotalsRowCount?.Value ?? 0), table.HeaderRowCount?.Value != 0) is { } problem)
            {
                yield return new(atPath, "table_intact", $"{Describe()} would {problem} of table '{table.Name?.Value}' ({reference}). Move the insertion or deletion outside the table, or change the table first.");
            }
        }

        foreach (var pivot in cells.Part.PivotTableParts.Select(p => p.PivotTableDefinition).OfType<PivotTableDefinition>())
        {
            if (pivot.Location?.Reference?.Value is { } reference && RangeAddress.TryParse(reference, out var range, out _) && Cuts(range))
            {
                yield return new(atPath, "pivot_intact", $"{Describe()} would cut through pivot table '{pivot.Name?.Value}' ({reference}); Excel cannot change part of a pivot table.");
            }
        }

        if (Count > 0 && PushedOff(cells) is { } pushed)
        {
            yield return new("count", "sheet_bounds",
                $"{Describe()} would push data off the sheet: {pushed} is within the last {Size} {Noun}(s). Clear or move it first.");
        }
    }

    private string Describe() => (Count > 0 ? "Inserting " : "Deleting ") + $"{Size} {Noun}(s) at {Label(Axis, At)}";

    private static string Label(SheetAxis axis, int at) =>
        axis == SheetAxis.Rows ? $"row {at}" : $"column {(at is >= 1 and <= CellAddress.MaxColumn ? CellAddress.ColumnName(at) : at.ToString(CultureInfo.InvariantCulture))}";

    private (int First, int Last) Span(RangeAddress range) =>
        Axis == SheetAxis.Rows ? (range.FirstRow, range.LastRow) : (range.FirstColumn, range.LastColumn);

    private bool Cuts(RangeAddress range)
    {
        var (first, last) = Span(range);
        return Count > 0 ? At > first && At <= last : At <= last && At + Size - 1 >= first;
    }

    private string? TableProblem(RangeAddress range, int totals, bool header)
    {
        var (first, last) = Span(range);
        if (Count > 0)
        {
            return Axis == SheetAxis.Columns && At > first && At <= last ? "add columns inside the columns" : null;
        }

        var lastDeleted = At + Size - 1;
        if (lastDeleted < first || At > last)
        {
            return null;
        }

        if (Axis == SheetAxis.Columns)
        {
            return "delete columns";
        }

        var dataFirst = header ? first + 1 : first;
        var dataLast = last - totals;
        if ((header && At <= first) || (totals > 0 && lastDeleted > dataLast))
        {
            return At <= first && lastDeleted >= last ? "delete all rows" : "delete the header or totals row";
        }

        var remaining = (dataLast - dataFirst + 1) - (Math.Min(lastDeleted, dataLast) - Math.Max(At, dataFirst) + 1);
        return remaining < 1 ? "delete every data row" : null;
    }

    private string? PushedOff(SheetCells cells)
    {
        var limit = Max - Size;
        if (Axis == SheetAxis.Rows)
        {
            foreach (var row in cells.Rows.Reverse())
            {
                if (row.RowIndex!.Value <= limit)
                {
                    break;
                }

                if (row.Elements<Cell>().FirstOrDefault(HasContent) is { } cell)
                {
                    return cell.CellReference?.Value;
                }
            }

            return null;
        }

        foreach (var row in cells.Rows)
        {
            if (row.Elements<Cell>().LastOrDefault() is { } last && SheetCells.ColumnOf(last) > limit
                && row.Elements<Cell>().FirstOrDefault(c => SheetCells.ColumnOf(c) > limit && HasContent(c)) is { } cell)
            {
                return cell.CellReference?.Value;
            }
        }

        return null;
    }

    private static bool HasContent(Cell cell) => cell.CellValue is not null || cell.CellFormula is not null || cell.InlineString is not null;
}
