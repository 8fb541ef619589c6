using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>Sort direction.</summary>
public enum SortOrder
{
    Asc,
    Desc,
}

/// <summary>One sort key: a column of the range and a direction.</summary>
public sealed record SortKey(
    [property: Description("Column letter inside the range (e.g. C) or, when has_header is true, the header text (e.g. Revenue)")] string Column,
    [property: Description("asc (default) or desc")] SortOrder? Order = null);

/// <summary>
/// Sorts the rows of a range by one or more keys like Excel's Data > Sort: stable (ties keep
/// their order), text case-insensitive, and by kind: ascending puts numbers, then text, then
/// booleans, then errors; descending the reverse; blanks always go last. Whole rows of the
/// range move together with their cell formatting. Formulas move with their row and their
/// relative references shift by the row delta as Excel does, so <c>=B2*C2</c> moved from row 2
/// to row 5 reads <c>=B5*C5</c> (absolute references stay; a formula that points at other rows
/// relatively points at different cells after the sort, exactly as in Excel). Cached results
/// move with their row and the workbook recalculates on open. Row heights, conditional formats
/// and data validations stay where they are. Ranges crossing merged cells are refused, as Excel does.
/// </summary>
[Operation("sort_range", "Sort a range's rows by one or more columns.")]
public sealed record SortRange(
    [property: Description("Range whose rows are sorted, e.g. 'Data'!A1:F200 (whole columns like A:F stop at the last used row)")] string Range,
    [property: Description("Sort keys in priority order, e.g. [{\"column\":\"C\",\"order\":\"desc\"}]")] SortKey[] Keys,
    [property: Description("True when the range's first row holds headers that stay in place (default false)")] bool? HasHeader = null)
    : WriteOperation<WorkbookSession>, IReadsCellValues
{
    public const int MaxKeys = 64;
    public const int MaxRows = 1_000_000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    /// <summary>Sorting reads the key columns' values; the other columns move as they are.</summary>
    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session)
    {
        if (Keys is null || !session.TryResolve(Range, "range", [], out var range, out var sheet)
            || CopyRange.Clip(range, sheet) is not { } used || Body(used) is not { } body)
        {
            return [];
        }

        return [.. Keys.Select((k, i) => (Property: $"keys[{i}].column", Column: k is null ? null : ColumnOf(k.Column, used, sheet)))
            .Where(k => k.Column is not null)
            .Select(k => (k.Property, body with { FirstColumn = k.Column!.Value, LastColumn = k.Column!.Value }))];
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (!session.TryResolve(Range, "range", errors, out var range, out var sheet))
        {
            return errors;
        }

        if (Keys is null || Keys.Length == 0 || Keys.Length > MaxKeys)
        {
            errors.Add(new("keys", "keys_count", $"keys must hold between 1 and {MaxKeys} sort keys. Given: {Keys?.Length ?? 0}."));
            return errors;
        }

        var used = CopyRange.Clip(range, sheet) ?? range;
        for (var i = 0; i < Keys.Length; i++)
        {
            if (Keys[i] is null)
            {
                errors.Add(new($"keys[{i}]", "key_required", "A sort key must not be null."));
            }
            else if (ColumnOf(Keys[i].Column, used, sheet) is null)
            {
                var headers = HasHeader == true ? $" or a header ({string.Join(", ", Headers(used, sheet).Select(h => $"'{h.Text}'"))})" : "";
                errors.Add(new($"keys[{i}].column", "key_column",
                    $"A sort key must be a column letter inside {used.Reference}{headers}. Given: '{Keys[i].Column}'."));
            }
        }

        var body = Body(used);
        if (body is not null && MergedRanges.Of(sheet.Worksheet).FirstOrDefault(m => m.Range.Intersects(body)) is { Range: { } merged })
        {
            errors.Add(new("range", "merged_cells", $"Rows that cross merged cells cannot be sorted; unmerge {merged.Reference} first. Given: {range}."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var body = CopyRange.Clip(range, sheet) is { } used ? Body(used) : null;
        if (body is null)
        {
            return new Change("sort_range", range.ToString(), $"Nothing to sort: {range} has no rows below its header", 0);
        }

        var columns = Keys.Select(k => ColumnOf(k.Column, range with { LastRow = body.LastRow }, sheet)!.Value).ToArray();
        var cells = CellSnapshot.Take(sheet, body).ToLookup(s => s.Address.Row);
        IOrderedEnumerable<int>? ordered = null;
        var rows = Enumerable.Range(body.FirstRow, body.RowCount);
        for (var k = 0; k < Keys.Length; k++)
        {
            var column = columns[k];
            var comparer = new SortValueComparer(Keys[k].Order == SortOrder.Desc);
            Func<int, (CellValue, bool)> key = row =>
            {
                session.Cancellation.ThrowIfCancellationRequested();
                return cells[row].FirstOrDefault(c => c.Address.Column == column) is { } c ? (c.Value, c.IsError) : (CellValue.Empty, false);
            };
            ordered = ordered is null ? rows.OrderBy(key, comparer) : ordered.ThenBy(key, comparer);
        }

        var order = ordered!.ToList();
        foreach (var (_, cell) in sheet.CellsIn(body).ToList())
        {
            session.Cancellation.ThrowIfCancellationRequested();
            sheet.ClearContent(cell);
            cell.Remove();
        }

        var moved = 0;
        var formulas = false;
        for (var i = 0; i < order.Count; i++)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            var to = body.FirstRow + i;
            moved += order[i] != to ? 1 : 0;
            foreach (var cell in cells[order[i]])
            {
                cell.PlaceAll(sheet, new CellAddress(to, cell.Address.Column), keepCachedValue: true);
                formulas |= cell.Formula is not null;
            }
        }

        if (formulas)
        {
            session.MarkFormulasDirty();
        }

        var by = string.Join(", ", Keys.Select(k => $"{k.Column} {(k.Order ?? SortOrder.Asc).ToString().ToLowerInvariant()}"));
        return new Change("sort_range", body.ToString(), $"Sorted {body.RowCount} row(s) of {body} by {by}; {moved} row(s) moved", body.RowCount);
    }

    private RangeAddress? Body(RangeAddress used)
    {
        var first = used.FirstRow + (HasHeader == true ? 1 : 0);
        return first > used.LastRow || used.RowCount > MaxRows ? null : used with { FirstRow = first };
    }

    /// <summary>A header name wins over a column letter when has_header is true ("ID" is also column 238).</summary>
    private int? ColumnOf(string? text, RangeAddress range, SheetCells sheet)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (HasHeader == true && Headers(range, sheet).FirstOrDefault(h => string.Equals(h.Text.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase)) is { Text: not null } header)
        {
            return header.Column;
        }

        var column = CellAddress.ColumnIndex(text.Trim().TrimStart('$'));
        return column >= range.FirstColumn && column <= range.LastColumn && column > 0 ? column : null;
    }

    private static IEnumerable<(int Column, string Text)> Headers(RangeAddress range, SheetCells sheet) =>
        sheet.CellsIn(range with { LastRow = range.FirstRow })
            .Select(p => (p.Address.Column, sheet.ValueOf(p.Cell).ToString()))
            .Where(h => h.Item2.Length > 0);

    /// <summary>Excel's order: numbers, text, booleans, errors (reversed when descending); blanks last either way.</summary>
    private sealed class SortValueComparer(bool descending) : IComparer<(CellValue Value, bool IsError)>
    {
        public int Compare((CellValue Value, bool IsError) x, (CellValue Value, bool IsError) y)
        {
            int rx = Rank(x), ry = Rank(y);
            if (rx == 4 || ry == 4)
            {
                return rx.CompareTo(ry);
            }

            var result = rx != ry ? rx.CompareTo(ry) : rx switch
            {
                0 => x.Value.Number.CompareTo(y.Value.Number),
                1 => string.Compare(x.Value.Text, y.Value.Text, StringComparison.OrdinalIgnoreCase),
                2 => x.Value.Boolean.CompareTo(y.Value.Boolean),
                _ => 0,
            };
            return descending ? -result : result;
        }

        private static int Rank((CellValue Value, bool IsError) v) => v.IsError ? 3 : v.Value.Kind switch
        {
            CellValueKind.Number => 0,
            CellValueKind.Text when v.Value.Text!.Length > 0 => 1,
            CellValueKind.Boolean => 2,
            _ => 4,
        };
    }
}
