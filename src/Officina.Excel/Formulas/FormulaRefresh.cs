using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Verification;
using Officina.OpenXml.LibreOffice;
using Officina.Operations;

namespace Officina.Excel.Formulas;

/// <summary>
/// Formulas are computed at verification, after the whole plan; an operation that reads values
/// in between (copy values back over a helper column, sort by a computed column) would read
/// blanks or stale results. Before such an operation runs, the formula cells it reads whose
/// values the plan so far made unknown or stale (the same choice verification makes) are
/// computed with the calculators verification uses — ClosedXML in-process, LibreOffice for
/// what ClosedXML cannot compute — and their cached values written into the working copy.
/// When a value stays unknown, nothing is written and the operation is refused: reading on
/// would silently lose data.
/// </summary>
internal static class FormulaRefresh
{
    /// <summary>How many unknown cells an error names before it summarises.</summary>
    private const int MaxNamed = 5;

    public static IReadOnlyList<OperationError> Before(WorkbookSession session, string op, IEnumerable<(string Property, RangeAddress Range)> reads)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reads);
        var ranges = reads.ToList();

        // Nothing earlier in the plan changed the workbook: its cached values are the input's.
        if (session.Changes.Count == 0 || ranges.Count == 0 || !ranges.Any(r => HasFormulas(session, r.Range)))
        {
            return [];
        }

        var formulas = FormulaCells.Of(session, session.Cancellation);
        var graph = FormulaGraph.Build(session, formulas);
        var refresh = StaleFormulas.Select(session, graph);
        var targets = new List<(FormulaCell Formula, Cell Cell, string Property)>();
        for (var i = 0; i < formulas.Count; i++)
        {
            if (refresh[i] && ranges.FirstOrDefault(r => Reads(r.Range, formulas[i].Formula)) is { Property: { } property })
            {
                targets.Add((formulas[i].Formula, formulas[i].Cell, property));
            }
        }

        if (targets.Count == 0)
        {
            return [];
        }

        var cells = targets.Select(t => t.Formula).ToList();
        // The verifier's rules for what may be written: no server paths, nothing the engine is unsure of.
        var results = CircularReferences.Of(graph).Excuse(cells, ServerEnvironment.Excuse(cells, Calculate(session, cells, graph)))
            .Select((r, i) => UncertainResults.Judge(cells[i], r)).ToList();
        var unknown = targets.Select((t, i) => (t.Formula, t.Property, Result: results[i])).Where(t => !t.Result.IsComputed).ToList();
        if (unknown.Count > 0)
        {
            var named = string.Join("; ", unknown.Take(MaxNamed).Select(u => $"{u.Formula.Location} {u.Formula.Formula} ({u.Result.Reason ?? "not computed"})"));
            var more = unknown.Count > MaxNamed ? $" and {unknown.Count - MaxNamed} more" : "";
            return [new OperationError(unknown[0].Property, "formula_value_unknown",
                $"{op} reads the values of formulas written or changed earlier in this plan, and these could not be computed before it runs: {named}{more}. " +
                "Their values are known only once the workbook is recalculated, so reading them now would read blanks or stale values. " +
                "Apply the formulas in one plan and this step in a second plan, or write the values with set_values.")];
        }

        for (var i = 0; i < targets.Count; i++)
        {
            CachedValues.Write(targets[i].Cell, cells[i].Formula, results[i]);
        }

        return [];
    }

    private static bool HasFormulas(WorkbookSession session, RangeAddress range) =>
        range.Sheet is { } name && session.Sheet(name) is { } sheet && sheet.CellsIn(range).Any(c => c.Cell.CellFormula is not null);

    private static bool Reads(RangeAddress range, FormulaCell formula) =>
        string.Equals(range.Sheet, formula.Sheet, StringComparison.OrdinalIgnoreCase) && range.Contains(formula.Address.Row, formula.Address.Column);

    /// <summary>ClosedXML first; what it could not compute goes to LibreOffice, whose values win as they do at verification.</summary>
    private static IReadOnlyList<FormulaResult> Calculate(WorkbookSession session, List<FormulaCell> cells, FormulaGraph graph)
    {
        var package = session.ToArray();
        var (results, _) = ClosedXmlCalculator.Calculate(package, cells, EvaluationPlan.For(session, graph), session.Cancellation);
        if (results.All(r => r.IsComputed) || !session.LibreOffice.IsInstalled)
        {
            return results;
        }

        var fileName = session.Document.DocumentType == DocumentFormat.OpenXml.SpreadsheetDocumentType.MacroEnabledWorkbook ? "workbook.xlsm" : "workbook.xlsx";
        IReadOnlyList<FormulaResult> recalculated;
        try
        {
            // Operations are synchronous; this runs only when ClosedXML could not compute a value the operation needs.
            recalculated = LibreOfficeCalculator.CalculateAsync(session.LibreOffice, package, fileName, cells, session.Cancellation).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is LibreOfficeException or TimeoutException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException)
        {
            return [.. results.Select(r => r.IsComputed ? r : FormulaResult.NotComputed($"{r.Reason}; LibreOffice failed: {ex.Message}"))];
        }

        return [.. results.Select((r, i) => recalculated[i].IsComputed || !r.IsComputed ? recalculated[i] : r)];
    }
}
