using System.ComponentModel;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Structure;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>How <see cref="RemoveRowsWhere"/> compares a cell with its value.</summary>
public enum RowCondition
{
    /// <summary>Same text (case-insensitive) or same number.</summary>
    [JsonStringEnumMemberName("equals")]
    EqualTo,
    NotEquals,

    /// <summary>The cell's text contains the value, case-insensitive.</summary>
    Contains,

    /// <summary>The cell's text begins with the value, case-insensitive.</summary>
    BeginsWith,

    /// <summary>The cell's text ends with the value, case-insensitive.</summary>
    EndsWith,

    /// <summary>The cell's text matches the value as a .NET regular expression, case-insensitive (<c>(?-i)</c> turns that off).</summary>
    Regex,
    GreaterThan,
    LessThan,
    IsEmpty,
    IsNotEmpty,
}

/// <summary>
/// Deletes the data rows of a range (below its header row) whose cell in one column meets a
/// condition. Whole sheet rows are deleted, bottom-up, through the same machinery as
/// delete_rows, so every reference in the workbook stays right. A <c>regex</c> pattern is
/// matched with a time limit per cell (<see cref="ValueComparison.RegexTimeout"/>): a pattern
/// that backtracks past it fails the operation with rule <c>regex_timeout</c>, nothing removed.
/// </summary>
[Operation("remove_rows_where", "Delete the data rows whose column meets a condition.")]
public sealed record RemoveRowsWhere(
    [property: Description("Range whose first row is the header, e.g. Data!A1:F500")] string Range,
    [property: Description("Header text of the column to test, or its letter, e.g. Status or D")] string Column,
    [property: Description("Comparison: equals, not_equals, contains, begins_with, ends_with, regex, greater_than, less_than, is_empty, is_not_empty")] RowCondition Operator,
    [property: Description("Value to compare with, as text (numbers like \"1500\" compare as numbers); null for is_empty and is_not_empty")] string? Value = null)
    : WriteOperation<WorkbookSession>, IReadsCellValues
{
    /// <summary>The tested column, header included (it may be found by a header a formula shows).</summary>
    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session) =>
        session.TryResolve(Range, "range", [], out var range, out var sheet) && FindColumn(range, sheet) is { } column
            ? [("column", range with { FirstColumn = column, LastColumn = column })]
            : [];

    /// <summary>The value as a cell would hold it: a number when the text reads as one.</summary>
    private CellValue Expected => ValueComparison.Parse(Value);

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

        if (range.RowCount < 2)
        {
            errors.Add(new("range", "range_rows", $"The range needs a header row and at least one data row. Given: {range}."));
        }

        if (FindColumn(range, sheet) is null)
        {
            var headers = Enumerable.Range(range.FirstColumn, Math.Min(range.ColumnCount, 50))
                .Select(c => sheet.ValueOf(sheet.FindCell(range.FirstRow, c)).ToString()).Where(h => h.Length > 0);
            errors.Add(new("column", "column_exists",
                $"column must be a header in row {range.FirstRow} of {range} or a column letter inside it. Given: '{Column}'. Headers: {string.Join(", ", headers.Select(h => $"'{h}'"))}."));
        }

        var needsValue = Operator is not (RowCondition.IsEmpty or RowCondition.IsNotEmpty);
        if (needsValue && Expected.IsEmpty)
        {
            errors.Add(new("value", "value_required", $"The {Operator} condition needs a value to compare with. Given: null."));
        }

        if (Operator == RowCondition.Regex && !Expected.IsEmpty && ValueComparison.Pattern(Value, out var problem) is null)
        {
            errors.Add(new("value", "regex", $"value must be a valid .NET regular expression for the regex condition: {problem} Given: '{Value}'."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        List<(int First, int Count)> runs;
        try
        {
            runs = Runs(Matches(range, sheet));
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(new("value", "regex_timeout",
                $"The pattern took longer than {ValueComparison.RegexTimeout.TotalMilliseconds} ms on one cell; simplify it (avoid nested repetition such as (a+)+). Given: '{Value}'."));
            return errors;
        }

        foreach (var (first, count) in runs)
        {
            errors.AddRange(SheetShift.Validate(session, sheet.SheetName, first, "range", count, SheetAxis.Rows, insert: false)
                .Select(e => e with { Path = "range" }));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var runs = Runs(Matches(range, sheet));
        var removed = 0;
        foreach (var (first, count) in runs)
        {
            session.Cancellation.ThrowIfCancellationRequested();
            new SheetShift(sheet.SheetName, SheetAxis.Rows, first, -count).Apply(session);
            removed += count;
        }

        return new Change("remove_rows_where", range.ToString(),
            $"Removed {removed} row(s) of {range} where {Column} {Operator}{(Value is null ? "" : $" '{Value}'")}", removed);
    }

    private int? FindColumn(RangeAddress range, SheetCells sheet)
    {
        var wanted = (Column ?? "").Trim();
        if (wanted.Length == 0)
        {
            return null;
        }

        foreach (var (address, cell) in sheet.CellsIn(range with { LastRow = range.FirstRow }))
        {
            if (string.Equals(sheet.ValueOf(cell).ToString().Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return address.Column;
            }
        }

        var index = CellAddress.ColumnIndex(wanted.TrimStart('$'));
        return index >= range.FirstColumn && index <= range.LastColumn ? index : null;
    }

    /// <summary>Matching data rows, in ascending order.</summary>
    private List<int> Matches(RangeAddress range, SheetCells sheet)
    {
        var column = FindColumn(range, sheet)!.Value;
        var lastRow = Math.Min(range.LastRow, sheet.Rows.Select(r => (int)r.RowIndex!.Value).DefaultIfEmpty(range.FirstRow).Max());
        var matches = new List<int>();
        var cancellation = sheet.Cancellation;
        var pattern = Operator == RowCondition.Regex ? ValueComparison.Pattern(Value, out _) : null;
        for (var row = range.FirstRow + 1; row <= lastRow; row++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (Meets(sheet.ValueOf(sheet.FindCell(row, column)), pattern))
            {
                matches.Add(row);
            }
        }

        return matches;
    }

    private bool Meets(CellValue cell, Regex? pattern)
    {
        var text = cell.ToString();
        var expected = Expected;
        return Operator switch
        {
            RowCondition.IsEmpty => text.Length == 0,
            RowCondition.IsNotEmpty => text.Length > 0,
            RowCondition.EqualTo => ValueComparison.Same(cell, expected),
            RowCondition.NotEquals => !ValueComparison.Same(cell, expected),
            RowCondition.Contains => ValueComparison.Contains(cell, Value!),
            RowCondition.BeginsWith => ValueComparison.BeginsWith(cell, Value!),
            RowCondition.EndsWith => ValueComparison.EndsWith(cell, Value!),
            RowCondition.Regex => pattern!.IsMatch(text),
            RowCondition.GreaterThan => ValueComparison.Compare(cell, expected) > 0,
            RowCondition.LessThan => ValueComparison.Compare(cell, expected) is { } c && c < 0,
            _ => false,
        };
    }

    /// <summary>Consecutive rows grouped as (first, count), bottom-up so each deletion leaves the rows above in place.</summary>
    private static List<(int First, int Count)> Runs(List<int> rows)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < rows.Count)
        {
            var j = i;
            while (j + 1 < rows.Count && rows[j + 1] == rows[j] + 1)
            {
                j++;
            }

            runs.Add((rows[i], j - i + 1));
            i = j + 1;
        }

        runs.Reverse();
        return runs;
    }
}
