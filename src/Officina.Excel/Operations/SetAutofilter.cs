using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Layout;
using Officina.Excel.Names;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>How <see cref="SetAutofilter"/> tests a column's values.</summary>
public enum FilterCondition
{
    /// <summary>Same text (case-insensitive) or same number.</summary>
    [JsonStringEnumMemberName("equals")]
    EqualTo,
    NotEquals,
    Contains,
    BeginsWith,
    EndsWith,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,

    /// <summary>The N largest numbers (or N percent of them, with percent).</summary>
    Top,

    /// <summary>The N smallest numbers (or N percent of them, with percent).</summary>
    Bottom,
}

/// <summary>
/// Puts an autofilter on a range (its first row is the header) and, with a column and a
/// condition, filters it as Excel does: the <c>&lt;autoFilter&gt;</c> gets a
/// <c>&lt;filterColumn&gt;</c> (<c>filters</c> for equal text, <c>customFilters</c> with
/// wildcards or operators, <c>top10</c> with its threshold in <c>filterVal</c>) and the data rows
/// that do not match get <c>hidden="1"</c>; nothing is deleted. Excel does not re-run a filter
/// when it opens a file, so the hidden rows are what it shows. Values are the cells' shown
/// values (cached results for formulas). A second call on the same range adds or replaces the
/// condition for its column and keeps the others (rows must match all of them); a call on
/// another range replaces the sheet's filter and shows the rows the old one hid. A range that
/// is exactly a table's filters the table (its own autoFilter). <see cref="Remove"/> takes the
/// filter off and shows every row of its range.
/// </summary>
[Operation("set_autofilter", "Add an autofilter to a range and hide the rows not matching a column's condition.")]
public sealed record SetAutofilter(
    [property: Description("Range whose first row is the header, e.g. Data!A1:F500")] string Range,
    [property: Description("Header text or column letter to filter on; null only adds the filter buttons")] string? Column = null,
    [property: Description("equals, not_equals, contains, begins_with, ends_with, greater_than, greater_than_or_equal, less_than, less_than_or_equal, top, bottom")] FilterCondition? Operator = null,
    [property: Description("Value to compare with (numbers like \"1500\" compare as numbers); for top/bottom the count N")] string? Value = null,
    [property: Description("With top/bottom: N is a percentage of the rows")] bool? Percent = null,
    [property: Description("True to remove the filter and show all its rows")] bool? Remove = null)
    : WriteOperation<WorkbookSession>, IReadsCellValues
{
    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session) =>
        session.TryResolve(Range, "range", [], out var range, out _) ? [("range", range)] : [];

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (!session.TryResolve(Range, "range", errors, out var range, out var sheet))
        {
            return errors;
        }

        if (Remove == true)
        {
            if (Column is not null || Operator is not null || Value is not null)
            {
                errors.Add(new("remove", "one_of", "remove takes the filter off; give it without column, operator or value."));
            }

            return errors;
        }

        if (range.RowCount < 2 || range.ColumnCount == CellAddress.MaxColumn)
        {
            errors.Add(new("range", "range_rows", $"The range needs a header row and at least one data row, within columns A to XFD. Given: {range}."));
        }

        if (FilterTables.Overlapping(sheet, range) is { } table && !table.Range.Equals(range))
        {
            errors.Add(new("range", "table_overlap", $"{range} overlaps table '{table.Name}' ({table.Range}); filter the table's exact range or pick another range."));
        }

        if ((Column is null) != (Operator is null))
        {
            errors.Add(new(Column is null ? "column" : "operator", "column_and_operator", "Give column and operator together (or neither, for filter buttons only)."));
        }
        else if (Column is not null && FilterColumns.Find(Column, range, sheet) is null)
        {
            var headers = Enumerable.Range(range.FirstColumn, Math.Min(range.ColumnCount, 50))
                .Select(c => sheet.ValueOf(sheet.FindCell(range.FirstRow, c)).ToString()).Where(h => h.Length > 0);
            errors.Add(new("column", "column_exists",
                $"column must be a header in row {range.FirstRow} of {range} or a column letter inside it. Given: '{Column}'. Headers: {string.Join(", ", headers.Select(h => $"'{h}'"))}."));
        }

        if (Operator is not null && string.IsNullOrEmpty(Value))
        {
            errors.Add(new("value", "value_required", $"The {Operator} condition needs a value to compare with. Given: null."));
        }
        else if (Operator is FilterCondition.Top or FilterCondition.Bottom
            && (!int.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > (Percent == true ? 100 : 500)))
        {
            errors.Add(new("value", "top_count", $"top and bottom take a whole count N from 1 to {(Percent == true ? "100 (percent)" : "500")}, as in Excel. Given: '{Value}'."));
        }

        if (Percent is not null && Operator is not (FilterCondition.Top or FilterCondition.Bottom))
        {
            errors.Add(new("percent", "percent", "percent applies only to the top and bottom conditions."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var position = BuiltInNames.PositionOf(session, sheet.SheetName);
        var table = FilterTables.Overlapping(sheet, range);
        if (table?.Table.TotalsRowCount?.Value is { } totals and > 0 && range.RowCount > totals + 1)
        {
            range = range with { LastRow = range.LastRow - (int)totals }; // a table's filter leaves its totals row out
        }

        if (table is null && range.LastRow == CellAddress.MaxRow)
        {
            range = range with { LastRow = Math.Max(range.FirstRow + 1, DataRows(range, sheet).DefaultIfEmpty(range.FirstRow + 1).Max()) }; // whole columns filter as far as data goes, as in Excel
        }

        var existing = table is not null ? table.Table.AutoFilter : sheet.Worksheet.GetFirstChild<AutoFilter>();
        var existingRange = existing?.Reference?.Value is { } reference && RangeAddress.TryParse(reference, out var parsed, out _) ? parsed.WithSheet(sheet.SheetName) : null;
        var shown = 0;
        if (existing is not null && existingRange is not null && (Remove == true || !existingRange.Equals(range)))
        {
            shown = ShowRows(sheet, existingRange);
        }

        if (Remove == true)
        {
            if (table is not null)
            {
                existing?.RemoveAllChildren<FilterColumn>();
            }
            else
            {
                existing?.Remove();
                BuiltInNames.Set(session, BuiltInNames.FilterDatabase, position, null);
            }

            return new Change("set_autofilter", range.ToString(), existing is null
                ? $"No autofilter on '{sheet.SheetName}'; nothing to remove"
                : $"Removed the autofilter on {existingRange?.ToString() ?? range.ToString()}; {shown} hidden row(s) shown again");
        }

        var filter = existing is not null && range.Equals(existingRange) ? existing : Replace(table, sheet, existing, range);
        if (table is null)
        {
            BuiltInNames.Set(session, BuiltInNames.FilterDatabase, position, DefineName.Absolute(range), hidden: true);
        }

        var description = "filter buttons only";
        if (Column is not null && Operator is { } op)
        {
            var column = FilterColumns.Find(Column, range, sheet)!.Value;
            var values = DataRows(range, sheet).Select(r => sheet.ValueOf(sheet.FindCell(r, column))).ToList();
            FilterColumns.Put(filter, FilterColumns.Create((uint)(column - range.FirstColumn), op, Value!, Percent == true, values));
            var condition = op == FilterCondition.EqualTo ? "equals" : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(op.ToString());
            description = $"{Column} {condition.Replace('_', ' ')} '{Value}'{(Percent == true ? "%" : "")}";
        }

        var (visible, hidden) = FilterRows(filter, range, sheet);
        return new Change("set_autofilter", range.ToString(),
            $"Filtered {range} ({description}): {visible} data row(s) shown, {hidden} hidden{(shown > 0 ? $"; the previous filter's rows shown first" : "")}", hidden);
    }

    private static AutoFilter Replace(FilterTables.Found? table, SheetCells sheet, AutoFilter? existing, RangeAddress range)
    {
        var filter = new AutoFilter { Reference = range.Reference };
        if (table is not null)
        {
            existing?.Remove();
            table.Table.AutoFilter = filter;
            return filter;
        }

        existing?.Remove();
        return WorksheetLayout.Insert(sheet.Worksheet, filter);
    }

    /// <summary>Hides the data rows that fail any condition the filter holds, shows the others; conditions it cannot evaluate keep a row's state.</summary>
    private static (int Visible, int Hidden) FilterRows(AutoFilter filter, RangeAddress range, SheetCells sheet)
    {
        var tests = filter.Elements<FilterColumn>()
            .Select(f => (Column: range.FirstColumn + (int)(f.ColumnId?.Value ?? 0), Test: FilterColumns.Test(f)))
            .ToList();
        int visible = 0, hidden = 0;
        foreach (var r in DataRows(range, sheet))
        {
            sheet.Cancellation.ThrowIfCancellationRequested();
            var row = sheet.FindRow(r);
            var keepState = tests.Any(t => t.Test is null);
            var match = tests.Where(t => t.Test is not null).All(t => t.Test!(sheet.ValueOf(sheet.FindCell(r, t.Column))));
            var hide = !match || (keepState && row?.Hidden?.Value == true);
            if (hide)
            {
                sheet.GetOrAddRow(r).Hidden = true;
                hidden++;
            }
            else
            {
                if (row is not null)
                {
                    row.Hidden = null;
                }

                visible++;
            }
        }

        RowSpans.DropBare(sheet, range.FirstRow + 1, range.LastRow);
        return (visible, hidden);
    }

    private static int ShowRows(SheetCells sheet, RangeAddress range)
    {
        var shown = 0;
        foreach (var row in sheet.Rows.Where(r => r.RowIndex!.Value > range.FirstRow && r.RowIndex.Value <= range.LastRow && r.Hidden?.Value == true))
        {
            row.Hidden = null;
            shown++;
        }

        RowSpans.DropBare(sheet, range.FirstRow + 1, range.LastRow);
        return shown;
    }

    /// <summary>The data rows below the header, as far as the sheet has rows.</summary>
    private static IEnumerable<int> DataRows(RangeAddress range, SheetCells sheet)
    {
        var last = Math.Min(range.LastRow, sheet.Rows.Select(r => (int)r.RowIndex!.Value).DefaultIfEmpty(range.FirstRow).Max());
        return Enumerable.Range(range.FirstRow + 1, Math.Max(0, last - range.FirstRow));
    }
}

/// <summary>The table a filter range falls on, if any.</summary>
internal static class FilterTables
{
    public sealed record Found(string Name, RangeAddress Range, Table Table);

    public static Found? Overlapping(SheetCells sheet, RangeAddress range)
    {
        foreach (var part in sheet.Part.TableDefinitionParts)
        {
            if (part.Table is { Reference.Value: { } reference } table && RangeAddress.TryParse(reference, out var tableRange, out _)
                && tableRange.WithSheet(sheet.SheetName) is var onSheet && onSheet.Intersects(range))
            {
                return new Found(table.DisplayName?.Value ?? table.Name?.Value ?? "", onSheet, table);
            }
        }

        return null;
    }
}
