using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>Turns recalculated values into findings: errors with their cell and formula, formulas no engine computed.</summary>
internal static class FormulaFindings
{
    public static IEnumerable<Finding> From(IReadOnlyList<FormulaCell> cells, IReadOnlyList<FormulaResult> results, int cap)
    {
        var errors = 0;
        var uncomputed = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var result = results[i];
            var formula = FunctionNames.RemovePrefixes(cell.Formula);
            if (result.Kind == FormulaResultKind.Error || (!result.IsComputed && result.Text is not null))
            {
                if (++errors <= cap)
                {
                    var code = result.Text!;
                    var source = result.IsComputed ? "" : " (reported by ClosedXML; no second engine confirmed it)";
                    yield return new Finding(FindingSeverity.Error, "formula_error", cell.Location, $"{code} from {formula}: {Explain(code)}{source}");
                }
            }
            else if (!result.IsComputed && ++uncomputed <= cap)
            {
                yield return new Finding(FindingSeverity.Warning, "formula_not_computed", cell.Location,
                    $"{formula} could not be recalculated here ({result.Reason}); its value is unchecked.");
            }
        }

        if (errors > cap)
        {
            yield return new Finding(FindingSeverity.Error, "formula_error", "workbook", $"{errors - cap} more formula error(s) not listed.");
        }

        if (uncomputed > cap)
        {
            yield return new Finding(FindingSeverity.Warning, "formula_not_computed", "workbook", $"{uncomputed - cap} more formula(s) not recalculated.");
        }
    }

    /// <summary>Error values a formula cell already shows (its cached value), for formulas that were not recalculated.</summary>
    public static IEnumerable<Finding> FromCachedErrors(IEnumerable<(FormulaCell Formula, DocumentFormat.OpenXml.Spreadsheet.Cell Cell)> cells, int cap)
    {
        var count = 0;
        foreach (var (formula, cell) in cells)
        {
            if (cell.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Error && cell.CellValue?.Text is { } code && ++count <= cap)
            {
                yield return new Finding(FindingSeverity.Error, "formula_error", formula.Location,
                    $"{code} from {FunctionNames.RemovePrefixes(formula.Formula)}: {Explain(code)} (as saved in the input)");
            }
        }
    }

    /// <summary>The error value a <c>formula_error</c> finding reports (its message starts with it).</summary>
    public static string CodeOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var end = finding.Message.IndexOf(" from ", StringComparison.Ordinal);
        return end > 0 ? finding.Message[..end] : finding.Message;
    }

    /// <summary>
    /// Keeps the first <paramref name="cap"/> findings of each formula code and sums up the rest
    /// in one finding of the same severity, so one broken column cannot flood a report.
    /// </summary>
    public static List<Finding> Cap(IEnumerable<Finding> findings, int cap)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var kept = new List<Finding>();
        var dropped = new Dictionary<(string Code, FindingSeverity Severity), int>();
        var counts = new Dictionary<string, int>();
        foreach (var finding in findings)
        {
            if (finding.Code is not ("formula_error" or "formula_not_computed"))
            {
                kept.Add(finding);
                continue;
            }

            counts[finding.Code] = counts.GetValueOrDefault(finding.Code) + 1;
            if (counts[finding.Code] <= cap)
            {
                kept.Add(finding);
            }
            else
            {
                dropped[(finding.Code, finding.Severity)] = dropped.GetValueOrDefault((finding.Code, finding.Severity)) + 1;
            }
        }

        foreach (var ((code, severity), count) in dropped)
        {
            kept.Add(new Finding(severity, code, "workbook", code == "formula_error"
                ? $"{count} more formula error(s) not listed."
                : $"{count} more formula(s) not recalculated."));
        }

        return kept;
    }

    private static string Explain(string code) => code.ToUpperInvariant() switch
    {
        "#DIV/0!" => "a division by zero (the divisor is 0 or empty)",
        "#REF!" => "a reference to a cell or sheet that does not exist (deleted rows, columns or sheets)",
        "#NAME?" => "an unknown function or defined name (misspelt, or a newer function without its _xlfn. prefix)",
        "#VALUE!" => "an argument of the wrong type (text where a number is needed)",
        "#N/A" => "a lookup found no match, or a value is not available",
        "#NUM!" => "an invalid number (out of range, or an iteration that does not converge)",
        "#NULL!" => "ranges that do not intersect (a space between two references)",
        "#SPILL!" => "a dynamic array result that cannot spill into its neighbouring cells",
        _ => "an error value",
    };
}
