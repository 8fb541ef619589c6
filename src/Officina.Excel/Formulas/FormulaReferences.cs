using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Officina.Excel.Addressing;

namespace Officina.Excel.Formulas;

/// <summary>Whether rows or columns are inserted or deleted.</summary>
public enum SheetAxis
{
    Rows,
    Columns,
}

/// <summary>
/// Finds and rewrites the A1 references in formula text, skipping string literals,
/// structured references (<c>Table1[Col]</c>), function names and external workbook
/// references. Serves formula fill, copy, row/column insertion and deletion, and sheet renames.
/// </summary>
public static partial class FormulaReferences
{
    public const string RefError = "#REF!";

    /// <summary>Every A1 reference in <paramref name="formula"/> (with or without a leading '=').</summary>
    public static IReadOnlyList<FormulaReference> Find(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var found = new List<FormulaReference>();
        var i = 0;
        var afterExternal = false;
        while (i < formula.Length)
        {
            var c = formula[i];
            if (c == '"')
            {
                i = SkipString(formula, i);
                continue;
            }

            if (c == '[')
            {
                i = SkipBrackets(formula, i);
                afterExternal = true;
                continue;
            }

            var previous = i > 0 ? formula[i - 1] : ' ';
            var startsToken = !(char.IsLetterOrDigit(previous) || previous is '_' or '.' or '$' or '\'' or '!' or '#');
            if (startsToken && (char.IsLetter(c) || c is '$' or '\'' or '_' || char.IsAsciiDigit(c)))
            {
                var match = Reference().Match(formula, i);
                if (match.Success && match.Index == i && IsReferenceEnd(formula, i + match.Length) && TryBuild(match, out var reference))
                {
                    if (!afterExternal)
                    {
                        found.Add(reference);
                    }

                    afterExternal = false;
                    i += match.Length;
                    continue;
                }

                if (c == '\'')
                {
                    i = SkipQuoted(formula, i);
                    continue;
                }
            }

            afterExternal = afterExternal && (char.IsLetterOrDigit(c) || c is '_' or '.' or '\'' or '!');
            i++;
        }

        return found;
    }

    /// <summary>
    /// Moves relative references by <paramref name="rows"/> and <paramref name="columns"/>, as
    /// Excel does when a formula is filled or copied; absolute parts stay. References pushed off
    /// the sheet become <c>#REF!</c>.
    /// </summary>
    public static string Shift(string formula, int rows, int columns) =>
        rows == 0 && columns == 0 ? formula : Rewrite(formula, r =>
        {
            var first = ShiftPoint(r.First, rows, columns);
            ReferencePoint? last = r.Last is { } l ? ShiftPoint(l, rows, columns) : null;
            return first is null || (r.Last is not null && last is null) ? RefError : r.Render(first.Value, last);
        });

    /// <summary>
    /// Adjusts references for <paramref name="count"/> rows or columns inserted (count &gt; 0)
    /// or deleted (count &lt; 0) at <paramref name="at"/> on <paramref name="targetSheet"/>.
    /// Unqualified references count as being on <paramref name="formulaSheet"/>.
    /// </summary>
    public static string InsertOrDelete(string formula, string formulaSheet, string targetSheet, SheetAxis axis, int at, int count) =>
        count == 0 ? formula : Rewrite(formula, r =>
        {
            // Excel adjusts a 3-D reference only when every sheet of its span changes (grouped sheets).
            var sheet = r.Sheet ?? formulaSheet;
            if (r.LastSheet is not null || !string.Equals(sheet, targetSheet, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var (a, b) = axis == SheetAxis.Rows ? (r.First.Row, r.Last?.Row) : (r.First.Column, r.Last?.Column);
            if (a is null)
            {
                return null;
            }

            var max = axis == SheetAxis.Rows ? CellAddress.MaxRow : CellAddress.MaxColumn;
            int newA, newB;
            var end = b ?? a.Value;
            if (count > 0)
            {
                newA = a.Value >= at ? a.Value + count : a.Value;
                newB = end >= at ? end + count : end;
                if (newB > max)
                {
                    // Whole-column or whole-row references stay whole.
                    if (end == max)
                    {
                        newB = max;
                    }
                    else
                    {
                        return RefError;
                    }
                }

                if (newA > max)
                {
                    return RefError;
                }
            }
            else
            {
                var deleted = -count;
                var lastDeleted = at + deleted - 1;
                if (a.Value >= at && end <= lastDeleted)
                {
                    return RefError;
                }

                newA = a.Value < at ? a.Value : a.Value > lastDeleted ? a.Value - deleted : at;
                newB = end < at ? end : end > lastDeleted ? end - deleted : at - 1;
                if (end == max && b is not null)
                {
                    newB = max;
                }
            }

            var first = axis == SheetAxis.Rows ? r.First with { Row = newA } : r.First with { Column = newA };
            ReferencePoint? last = r.Last is { } l ? (axis == SheetAxis.Rows ? l with { Row = newB } : l with { Column = newB }) : null;
            return r.Render(first, last);
        });

    /// <summary>Rewrites references to sheet <paramref name="oldName"/> (either end of a 3-D span too) to name <paramref name="newName"/>.</summary>
    public static string RenameSheet(string formula, string oldName, string newName) =>
        Rewrite(formula, r =>
        {
            var first = string.Equals(r.Sheet, oldName, StringComparison.OrdinalIgnoreCase);
            var last = string.Equals(r.LastSheet, oldName, StringComparison.OrdinalIgnoreCase);
            return first || last
                ? (r with { Sheet = first ? newName : r.Sheet, LastSheet = last ? newName : r.LastSheet }).Render(r.First, r.Last)
                : null;
        });

    /// <summary>
    /// Turns references to a deleted sheet into <c>#REF!</c>. A 3-D span that ends on the
    /// deleted sheet shrinks to the next sheet inward, as Excel does; <paramref name="order"/>
    /// is the sheets' tab order before the deletion.
    /// </summary>
    public static string DeleteSheet(string formula, string sheet, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Rewrite(formula, r =>
        {
            var first = string.Equals(r.Sheet, sheet, StringComparison.OrdinalIgnoreCase);
            var last = string.Equals(r.LastSheet, sheet, StringComparison.OrdinalIgnoreCase);
            if (r.LastSheet is null || !(first || last))
            {
                return first ? RefError : null;
            }

            var (from, to) = (FormulaReference.IndexOf(order, r.Sheet!), FormulaReference.IndexOf(order, r.LastSheet));
            if (from < 0 || to < 0 || from > to)
            {
                return RefError;
            }

            from += first ? 1 : 0;
            to -= last ? 1 : 0;
            return from > to ? RefError
                : (r with { Sheet = order[from], LastSheet = from == to ? null : order[to] }).Render(r.First, r.Last);
        });
    }

    /// <summary>True when any reference names <paramref name="sheet"/> explicitly (as a sheet or an end of a 3-D span).</summary>
    public static bool MentionsSheet(string formula, string sheet) =>
        Find(formula).Any(r => string.Equals(r.Sheet, sheet, StringComparison.OrdinalIgnoreCase) || string.Equals(r.LastSheet, sheet, StringComparison.OrdinalIgnoreCase));

    /// <summary>Applies <paramref name="replace"/> to each reference; null keeps it as written.</summary>
    public static string Rewrite(string formula, Func<FormulaReference, string?> replace)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(replace);
        var references = Find(formula);
        if (references.Count == 0)
        {
            return formula;
        }

        var builder = new StringBuilder(formula.Length + 8);
        var position = 0;
        foreach (var reference in references)
        {
            var replacement = replace(reference);
            if (replacement is null)
            {
                continue;
            }

            builder.Append(formula, position, reference.Start - position).Append(replacement);
            position = reference.Start + reference.Length;
        }

        return builder.Append(formula, position, formula.Length - position).ToString();
    }

    private static ReferencePoint? ShiftPoint(ReferencePoint point, int rows, int columns)
    {
        var row = point.Row;
        if (row is { } r && !point.RowAbsolute)
        {
            row = r + rows;
            if (row is < 1 or > CellAddress.MaxRow)
            {
                return null;
            }
        }

        var column = point.Column;
        if (column is { } c && !point.ColumnAbsolute)
        {
            column = c + columns;
            if (column is < 1 or > CellAddress.MaxColumn)
            {
                return null;
            }
        }

        return point with { Row = row, Column = column };
    }

    private static bool TryBuild(Match match, out FormulaReference reference)
    {
        reference = null!;
        var first = Point(match.Groups["a"].Value);
        ReferencePoint? last = match.Groups["b"].Success ? Point(match.Groups["b"].Value) : null;
        if (first is null || (match.Groups["b"].Success && last is null))
        {
            return false;
        }

        // A lone row or column (no ':') is not a reference: 'A' or '12' alone are names or numbers.
        var f = first.Value;
        if (last is null && (f.Row is null || f.Column is null))
        {
            return false;
        }

        if (last is { } l && ((f.Row is null) != (l.Row is null) || (f.Column is null) != (l.Column is null)))
        {
            return false;
        }

        string? sheet = null;
        string? lastSheet = null;
        if (match.Groups["sheet"].Success)
        {
            var raw = match.Groups["sheet"].Value;
            sheet = raw.StartsWith('\'') ? raw[1..^1].Replace("''", "'", StringComparison.Ordinal) : raw;

            // Sheet names cannot contain ':', so one inside the sheet part separates the ends of a 3-D span.
            if (sheet.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && colon < sheet.Length - 1)
            {
                (sheet, lastSheet) = (sheet[..colon], sheet[(colon + 1)..]);
            }
        }

        reference = new FormulaReference(match.Index, match.Length, sheet, f, last, lastSheet);
        return true;
    }

    private static ReferencePoint? Point(string text)
    {
        var m = PointPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        int? column = null;
        if (m.Groups["col"].Success)
        {
            column = CellAddress.ColumnIndex(m.Groups["col"].Value);
            if (column == 0)
            {
                return null;
            }
        }

        int? row = null;
        if (m.Groups["row"].Success)
        {
            if (!int.TryParse(m.Groups["row"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r is < 1 or > CellAddress.MaxRow)
            {
                return null;
            }

            row = r;
        }

        return column is null && row is null ? null
            : new ReferencePoint(row, m.Groups["rowAbs"].Success, column, m.Groups["colAbs"].Success);
    }

    private static bool IsReferenceEnd(string formula, int end) =>
        end >= formula.Length || !(char.IsLetterOrDigit(formula[end]) || formula[end] is '_' or '(' or '.' or '!' or '[' or '$');

    private static int SkipString(string formula, int i)
    {
        i++;
        while (i < formula.Length)
        {
            if (formula[i] == '"')
            {
                if (i + 1 < formula.Length && formula[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }

    private static int SkipQuoted(string formula, int i)
    {
        i++;
        while (i < formula.Length)
        {
            if (formula[i] == '\'')
            {
                if (i + 1 < formula.Length && formula[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }

    private static int SkipBrackets(string formula, int i)
    {
        var depth = 0;
        while (i < formula.Length)
        {
            if (formula[i] == '[')
            {
                depth++;
            }
            else if (formula[i] == ']' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    [GeneratedRegex(@"\G(?:(?<sheet>'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_\.]*(?::[\p{L}_][\p{L}\p{N}_\.]*)?)!)?(?<a>\$?[A-Za-z]{1,3}\$?[0-9]{1,7}|\$?[A-Za-z]{1,3}(?=:)|\$?[0-9]{1,7}(?=:))(?::(?<b>\$?[A-Za-z]{1,3}\$?[0-9]{1,7}|\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}))?")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?:(?<colAbs>\$)?(?<col>[A-Za-z]{1,3}))?(?:(?<rowAbs>\$)?(?<row>[0-9]{1,7}))?$")]
    private static partial Regex PointPattern();
}
