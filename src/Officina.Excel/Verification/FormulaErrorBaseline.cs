using System.Text.RegularExpressions;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using Officina.Operations;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace Officina.Excel.Verification;

/// <summary>
/// Decides which formula errors of an edited workbook the input already had, so that a workbook
/// holding a <c>#REF!</c> the plan never went near can still be edited. An error is pre-existing
/// when both hold:
/// <list type="number">
/// <item>the plan did not write the cell, nor — directly or through other formulas, tables or
/// defined names — any cell the formula reads (<see cref="PlanFootprint"/>,
/// <see cref="StaleFormulas.Touched"/>); a formula the plan wrote is the plan's even when the
/// input had the same error there;</item>
/// <item>the input held the same error value in the same cell, followed through the plan's row
/// and column insertions and deletions (an <c>insert_rows</c> of 3 rows above a <c>#REF!</c> in
/// A10 compares output A13 with input A10; a deleted cell matches nothing) and sheet renames
/// (sheets are matched by <c>sheetId</c>). Where the plan reordered rows (<c>sort_range</c>,
/// <c>remove_rows_where</c>) cells cannot be followed one by one: there an error also matches an
/// input error on the same sheet with the same value and the same formula once its cell
/// references are set aside, each input error at most once.</item>
/// </list>
/// The input's error is its cached value (<c>t="e"</c>); a formula saved without a cached value
/// whose text holds a literal <c>#REF!</c> counts as <c>#REF!</c> as well (it can be nothing else).
/// An error the plan caused in a cell it did not write — a <c>delete_rows</c> that removes what a
/// formula reads — is new: the input had no error there.
/// </summary>
internal sealed partial class FormulaErrorBaseline
{
    private readonly Dictionary<(uint Sheet, CellAddress Cell), string> _cells = [];
    private readonly Dictionary<(uint Sheet, string Code, string Shape), int> _reordered = [];

    public static FormulaErrorBaseline Read(WorkbookSession input, PlanFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(footprint);
        var baseline = new FormulaErrorBaseline();
        foreach (var (formula, cell) in FormulaCells.Of(input))
        {
            var code = cell.DataType?.Value == Spreadsheet.CellValues.Error ? cell.CellValue?.Text
                : cell.CellValue is null && formula.Formula.Contains("#REF!", StringComparison.OrdinalIgnoreCase) ? "#REF!"
                : null;
            if (code is null || input.SheetElement(formula.Sheet)?.SheetId?.Value is not { } sheetId)
            {
                continue;
            }

            if (footprint.Reordered.Contains(sheetId))
            {
                var key = (sheetId, code.ToUpperInvariant(), Shape(formula.Formula));
                baseline._reordered[key] = baseline._reordered.GetValueOrDefault(key) + 1;
            }
            else if (footprint.Follow(sheetId, formula.Address) is { } moved)
            {
                baseline._cells[(sheetId, moved)] = code.ToUpperInvariant();
            }
        }

        return baseline;
    }

    /// <summary>Whether the input held <paramref name="code"/> where the edited workbook holds it; each input error is claimed once.</summary>
    public bool Claim(uint sheetId, FormulaCell cell, string code)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(code);
        var upper = code.ToUpperInvariant();
        if (_cells.TryGetValue((sheetId, cell.Address), out var had) && had == upper)
        {
            _cells.Remove((sheetId, cell.Address));
            return true;
        }

        var key = (sheetId, upper, Shape(cell.Formula));
        if (_reordered.GetValueOrDefault(key) is var n && n > 0)
        {
            _reordered[key] = n - 1;
            return true;
        }

        return false;
    }

    /// <summary>The formula with its cell references set aside: <c>=SUM(B2:B9)/#REF!</c> reads <c>=SUM(@:@)/#REF!</c>.</summary>
    private static string Shape(string formula) => Reference().Replace(FunctionNames.RemovePrefixes(formula), "@").ToUpperInvariant();

    [GeneratedRegex(@"\$?\b[A-Za-z]{1,3}\$?[0-9]+\b|\$?\b[0-9]+:\$?[0-9]+\b")]
    private static partial Regex Reference();
}
