using System.ComponentModel;
using System.Text;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>How <see cref="FindCells"/> compares a cell with what is sought.</summary>
public enum FindMatch
{
    Contains,
    Equals,
    StartsWith,
}

/// <summary>What <see cref="FindCells"/> searches in.</summary>
public enum FindLookIn
{
    /// <summary>The values cells show (formula cells by their cached result).</summary>
    Values,

    /// <summary>Formula text (with '=') for formula cells, the value for literals, like Excel's Find "Look in: Formulas".</summary>
    Formulas,
}

/// <summary>
/// Finds cells whose value (or formula) matches text or a number, case-insensitively, in a
/// range, one sheet, or every worksheet. A number sought with <c>equals</c> matches numeric
/// cells by value (2 finds 2.0); otherwise numbers compare as their shortest text (1.5 → "1.5").
/// Returns at most <see cref="MaxResults"/> matches (default 100, at most 1,000) in sheet,
/// row, column order, each with its address, value and formula.
/// </summary>
[Operation("find_cells", "Find cells whose value or formula matches text or a number.")]
public sealed record FindCells(
    [property: Description("Text or number to find (case-insensitive)")] CellValue Value,
    [property: Description("Range or sheet name to search, e.g. 'Data'!A:D or Data; null searches every worksheet")] string? Range = null,
    [property: Description("contains (default), equals or starts_with")] FindMatch? Match = null,
    [property: Description("values (default) or formulas")] FindLookIn? LookIn = null,
    [property: Description("At most this many matches are returned (default 100, at most 1000)")] int? MaxResults = null)
    : ReadOperation<WorkbookSession>, IReadsCellValues
{
    /// <summary>Searching values reads what every searched cell shows; searching formulas reads no values.</summary>
    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session) =>
        LookIn == FindLookIn.Formulas || (Range is not null && session.Sheet(Unquote(Range)) is null && !session.TryResolve(Range, "range", [], out _, out _))
            ? []
            : Targets(session).Select(t => (Range is null ? "$" : "range", t.Range));

    public const int DefaultMaxResults = 100;
    public const int Cap = 1000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (Value.IsEmpty || (Value.Kind == CellValueKind.Text && Value.Text!.Length == 0))
        {
            errors.Add(new("value", "value_required", "value must be the text or number to find. Given: an empty value."));
        }

        if (MaxResults is { } max && (max < 1 || max > Cap))
        {
            errors.Add(new("max_results", "max_results_range", $"max_results must be between 1 and {Cap}. Given: {max}."));
        }

        if (Range is not null && session.Sheet(Unquote(Range)) is null)
        {
            session.TryResolve(Range, "range", errors, out _, out _);
        }

        return errors;
    }

    public override Observation Read(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var targets = Targets(session);
        var max = MaxResults ?? DefaultMaxResults;
        var found = new List<object>();
        var text = new StringBuilder();
        var more = false;
        foreach (var (sheet, range) in targets)
        {
            foreach (var (address, cell) in sheet.CellsIn(range))
            {
                session.Cancellation.ThrowIfCancellationRequested();
                var value = sheet.ValueOf(cell);
                var formula = sheet.FormulaOf(cell, address);
                if (!Matches(value, LookIn == FindLookIn.Formulas ? formula : null))
                {
                    continue;
                }

                if (found.Count == max)
                {
                    more = true;
                    break;
                }

                var where = $"{RangeAddress.QuoteSheet(sheet.SheetName)}!{address.A1}";
                found.Add(new { address = where, value = Plain(value), formula });
                text.Append(where).Append(": ").Append(formula is null ? value.ToString() : $"{formula} -> {value}").Append('\n');
            }

            if (more)
            {
                break;
            }
        }

        var sought = Value.ToString();
        var header = found.Count == 0
            ? $"No cells match '{sought}'."
            : $"{found.Count} cell(s) match '{sought}'" + (more ? $" (first {max} shown; narrow the range or raise max_results)" : "") + ":\n";
        return new Observation("find_cells", Range ?? "(all sheets)", header + text, new { matches = found, truncated = more });
    }

    private List<(SheetCells Sheet, RangeAddress Range)> Targets(WorkbookSession session)
    {
        var targets = new List<(SheetCells Sheet, RangeAddress Range)>();
        if (Range is null)
        {
            targets.AddRange(session.Sheets.Where(s => s.IsWorksheet).Select(s => session.Sheet(s.Name)!)
                .Select(s => (s, new RangeAddress(s.SheetName, 1, 1, CellAddress.MaxRow, CellAddress.MaxColumn))));
        }
        else if (session.Sheet(Unquote(Range)) is { } whole)
        {
            targets.Add((whole, new RangeAddress(whole.SheetName, 1, 1, CellAddress.MaxRow, CellAddress.MaxColumn)));
        }
        else
        {
            var (range, sheet) = session.Resolve(Range);
            targets.Add((sheet, range));
        }

        return targets;
    }

    private bool Matches(CellValue value, string? formula)
    {
        var match = Match ?? FindMatch.Contains;
        if (formula is null && value.IsEmpty)
        {
            return false;
        }

        if (formula is null && Value.Kind == CellValueKind.Number && value.Kind == CellValueKind.Number && match == FindMatch.Equals)
        {
            return value.Number == Value.Number;
        }

        var haystack = formula ?? value.ToString();
        var needle = Value.ToString();
        return match switch
        {
            FindMatch.Equals => string.Equals(haystack, needle, StringComparison.OrdinalIgnoreCase),
            FindMatch.StartsWith => haystack.StartsWith(needle, StringComparison.OrdinalIgnoreCase),
            _ => haystack.Contains(needle, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string Unquote(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '\'' && trimmed[^1] == '\'' ? trimmed[1..^1].Replace("''", "'", StringComparison.Ordinal) : trimmed;
    }

    private static object? Plain(CellValue value) => value.Kind switch
    {
        CellValueKind.Text => value.Text,
        CellValueKind.Number => value.Number,
        CellValueKind.Boolean => value.Boolean,
        _ => null,
    };
}
