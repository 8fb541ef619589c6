using System.Globalization;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>
/// Whole-column and whole-row references (<c>A:B</c>, <c>3:5</c>, <c>$A:$A</c>) evaluated over the
/// used range. ClosedXML walks all 1,048,576 rows of <c>Sheet2!A:B</c> for every lookup that
/// finds nothing (20 s a cell), so before it evaluates, such a reference becomes the same
/// columns from row 1 to the last used row (<c>Sheet2!A$1:B$311</c>; a row reference, from
/// column A to the last used column) — the same bound for every whole-line reference of a
/// formula, so ranges that must match in size still do.
/// <para>
/// That changes nothing only where the blank cells past the used range cannot change the result.
/// A reference is bounded when it is a whole argument of a function that ignores blank cells
/// there: aggregates (SUM, COUNT, COUNTA, AVERAGE, MIN, MAX, PRODUCT, SUMPRODUCT, MEDIAN,
/// STDEV/VAR, LARGE, SMALL, RANK, ...), SUMIF/SUMIFS (blank rows add 0), lookups (VLOOKUP,
/// HLOOKUP, LOOKUP, MATCH with match type 0 or 1, XMATCH and XLOOKUP without binary search —
/// approximate lookups assume sorted data, as Excel's do) and INDEX's array. COUNTIF(S),
/// AVERAGEIF(S), MAXIFS and MINIFS are bounded only when a criterion cannot match a blank cell
/// (a number, <c>"x"</c>, <c>"&gt;5"</c>, <c>"&lt;&gt;"</c>, a cell holding such a value — not
/// <c>""</c>, <c>"="</c> or <c>"&lt;&gt;x"</c>). Anything else — COUNTBLANK, ROWS, COLUMNS, a
/// reference inside an expression (<c>SUMPRODUCT((A:A="")*1)</c>), array formulas — is withheld:
/// ClosedXML does not evaluate it, so LibreOffice (which evaluates whole columns itself) computes
/// it or the cell keeps its cached value and is listed as not recalculated. INDEX past the last
/// used row answers <c>#REF!</c> where Excel answers a blank, so that error is never taken from a
/// bounded formula. Whole-line references inside defined names are left as they are.
/// </para>
/// </summary>
internal sealed class WholeLineReferences(WorkbookSession session)
{
    private static readonly HashSet<string> IgnoreBlanks =
    [
        "SUM", "SUMSQ", "PRODUCT", "COUNT", "COUNTA", "AVERAGE", "AVERAGEA", "MIN", "MAX", "MINA", "MAXA", "MEDIAN",
        "MODE", "MODE.SNGL", "STDEV", "STDEV.S", "STDEV.P", "STDEVA", "STDEVP", "STDEVPA", "VAR", "VAR.S", "VAR.P",
        "VARA", "VARP", "VARPA", "AVEDEV", "DEVSQ", "GEOMEAN", "HARMEAN", "KURT", "SKEW", "AND", "OR",
    ];

    private static readonly HashSet<string> FirstArgument =
    [
        "LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE", "QUARTILE.INC", "QUARTILE.EXC", "INDEX",
    ];

    private readonly Dictionary<string, RangeAddress?> _used = new(StringComparer.OrdinalIgnoreCase);
    private List<string>? _order;

    /// <summary>The formula with its whole-line references bounded, or why it is withheld; both null when it has none.</summary>
    public (string? Formula, string? Withheld) Bound(FormulaCell cell, bool arrayFormula)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var formula = cell.Formula;
        if (!formula.Contains(':', StringComparison.Ordinal))
        {
            return (null, null);
        }

        var whole = FormulaReferences.Find(formula).Where(IsWholeLine).ToList();
        if (whole.Count == 0)
        {
            return (null, null);
        }

        if (arrayFormula)
        {
            return (null, "an array formula reads whole columns or rows");
        }

        var calls = FunctionCalls.Find(formula);
        foreach (var reference in whole)
        {
            var text = formula.Substring(reference.Start, reference.Length);
            if (FunctionCalls.ArgumentAt(formula, calls, reference.Start, reference.Start + reference.Length) is not var (call, index))
            {
                return (null, $"{text} is not an argument of its own, so the blank cells past the used range could change the result");
            }

            if (!Allowed(cell, formula, call, index, whole))
            {
                return (null, $"{text} in {call.Name} could count the blank cells past the used range");
            }
        }

        _order ??= [.. session.Sheets.Select(s => s.Name)];
        int lastRow = 1, lastColumn = 1;
        foreach (var reference in whole)
        {
            foreach (var sheet in reference.Sheets(cell.Sheet, _order))
            {
                if (!_used.TryGetValue(sheet, out var used))
                {
                    _used[sheet] = used = session.Sheet(sheet)?.UsedRange();
                }

                lastRow = Math.Max(lastRow, used?.LastRow ?? 1);
                lastColumn = Math.Max(lastColumn, used?.LastColumn ?? 1);
            }
        }

        var bounded = FormulaReferences.Rewrite(formula, r =>
        {
            if (!IsWholeLine(r))
            {
                return null;
            }

            var last = r.Last ?? r.First;
            return r.First.Row is null
                ? r.Render(r.First with { Row = 1, RowAbsolute = true }, last with { Row = lastRow, RowAbsolute = true })
                : r.Render(r.First with { Column = 1, ColumnAbsolute = true }, last with { Column = lastColumn, ColumnAbsolute = true });
        });
        return (bounded, null);
    }

    private static bool IsWholeLine(FormulaReference reference) => reference.First.Row is null || reference.First.Column is null;

    private bool Allowed(FormulaCell cell, string formula, FunctionCall call, int index, List<FormulaReference> whole)
    {
        bool IsWhole(int argument) => argument < call.Arguments.Count
            && whole.Any(r => FunctionCalls.ArgumentAt(formula, [call], r.Start, r.Start + r.Length) is (_, var i) && i == argument);
        bool Ranges(Func<int, bool> isRange) => Enumerable.Range(0, call.Arguments.Count).Where(isRange).All(IsWhole);
        bool SomeCriterion(Func<int, bool> isCriterion) =>
            Enumerable.Range(0, call.Arguments.Count).Where(isCriterion).Any(i => CannotMatchBlank(cell, call.Argument(formula, i)));
        var count = call.Arguments.Count;
        return call.Name switch
        {
            var name when IgnoreBlanks.Contains(name) => true,
            var name when FirstArgument.Contains(name) => index == 0,
            "RANK" or "RANK.EQ" or "RANK.AVG" => index == 1,
            "SUMPRODUCT" => Ranges(_ => true),
            "SUMIF" => index is 0 or 2,
            "SUMIFS" => (index == 0 || index % 2 == 1) && Ranges(i => i == 0 || i % 2 == 1),
            "COUNTIF" => index == 0 && CannotMatchBlank(cell, call.Argument(formula, 1)),
            "AVERAGEIF" => index is 0 or 2 && CannotMatchBlank(cell, call.Argument(formula, 1)),
            "COUNTIFS" => index % 2 == 0 && Ranges(i => i % 2 == 0) && SomeCriterion(i => i % 2 == 1),
            "AVERAGEIFS" or "MAXIFS" or "MINIFS" => (index == 0 || index % 2 == 1) && Ranges(i => i == 0 || i % 2 == 1) && SomeCriterion(i => i > 0 && i % 2 == 0),
            "VLOOKUP" or "HLOOKUP" => index == 1,
            "MATCH" => index == 1 && (count < 3 || call.Argument(formula, 2) is "0" or "1" or ""),
            "XMATCH" => index == 1 && (count < 4 || call.Argument(formula, 3) is "1" or "-1" or ""),
            "LOOKUP" => index is 1 or 2 && Ranges(i => i is 1 or 2),
            "XLOOKUP" => index is 1 or 2 && Ranges(i => i is 1 or 2) && (count < 6 || call.Argument(formula, 5) is "1" or "-1" or ""),
            _ => false,
        };
    }

    /// <summary>Whether a COUNTIF-style criterion, as written, can never match an empty cell.</summary>
    private bool CannotMatchBlank(FormulaCell cell, string criterion)
    {
        if (criterion.Length == 0)
        {
            return false;
        }

        if (double.TryParse(criterion, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || criterion.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || criterion.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (criterion.Length >= 2 && criterion[0] == '"' && criterion[^1] == '"')
        {
            // One string literal ("a""b"), not an expression of several ("<"&"5").
            var inner = criterion[1..^1];
            return !inner.Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal)
                && TextCannotMatchBlank(inner.Replace("\"\"", "\"", StringComparison.Ordinal));
        }

        var references = FormulaReferences.Find(criterion);
        if (references.Count != 1 || references[0].Length != criterion.Length || references[0].Last is not null || IsWholeLine(references[0]))
        {
            return false;
        }

        var reference = references[0];
        var sheet = session.Sheet(reference.Sheet ?? cell.Sheet);
        var target = sheet?.FindCell(reference.First.Row!.Value, reference.First.Column!.Value);
        if (sheet is null || target?.CellFormula is not null)
        {
            return false;
        }

        var value = sheet.ValueOf(target);
        return value.Kind switch
        {
            CellValueKind.Number or CellValueKind.Boolean => true,
            CellValueKind.Text => TextCannotMatchBlank(value.Text!),
            _ => false,
        };
    }

    /// <summary>
    /// Plain text (<c>x</c>, <c>a*</c>) and <c>=x</c> match only that text; <c>&lt;&gt;</c> alone
    /// matches non-empty cells; a comparison with a number never matches an empty cell. Empty
    /// text, <c>=</c>, <c>&lt;&gt;x</c> and comparisons with text may.
    /// </summary>
    private static bool TextCannotMatchBlank(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text.StartsWith("<>", StringComparison.Ordinal))
        {
            return text.Length == 2;
        }

        var op = text.StartsWith(">=", StringComparison.Ordinal) || text.StartsWith("<=", StringComparison.Ordinal) ? 2
            : text[0] is '=' or '<' or '>' ? 1 : 0;
        var operand = text[op..];
        return op == 0
            || (operand.Length > 0 && (text[0] == '=' || double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
    }
}
