using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Validation;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>
/// Checks a workbook after operations. Circular references are found first, on the workbook's
/// <see cref="FormulaGraph"/>, and reported (<see cref="CircularReferences"/>); their cells and
/// the formulas that read them are not recalculated. Every other formula is recalculated: first in-process with
/// ClosedXML's engine on a temporary copy; when it could not compute something (a function it
/// lacks, an error it raised, a workbook it cannot load) and LibreOffice is installed, the whole
/// workbook is recalculated by LibreOffice and its values are used (one engine for the whole
/// workbook, so dependent cells agree). Results no engine here can be sure of
/// (<see cref="UncertainResults"/>) count as not computed. The values are written as cached
/// values into the working copy's formula cells, keeping their type (<see cref="CachedValues"/>);
/// a cell not computed keeps its cached value. Every error value becomes an Error finding, every
/// formula no engine computed a Warning. Finally the schema is validated against the input's
/// baseline. After an edit, formula errors the input already had (see
/// <see cref="FormulaErrorBaseline"/> for the rule) and schema errors it already had are
/// reported apart as pre-existing and never fail the edit; a session with no changes (the
/// verify command) judges the workbook itself.
/// </summary>
public static class WorkbookVerifier
{
    /// <summary>Cap on error findings, so one broken column cannot flood a report.</summary>
    public const int MaxFormulaFindings = 200;

    /// <summary>Verifies with the session's own <see cref="WorkbookSession.LibreOffice"/> (the runner its front end configured) as the fallback engine.</summary>
    public static Task<VerificationReport> VerifyAsync(WorkbookSession session, CancellationToken cancellationToken = default) =>
        VerifyAsync(session, (session ?? throw new ArgumentNullException(nameof(session))).LibreOffice, cancellationToken);

    /// <summary>Verifies with <paramref name="libreOffice"/> as the fallback engine (tests pass a missing one).</summary>
    public static async Task<VerificationReport> VerifyAsync(WorkbookSession session, LibreOfficeRunner libreOffice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(libreOffice);
        cancellationToken.ThrowIfCancellationRequested();
        var checks = new List<string>();
        var found = new List<Finding>();
        var formulas = FormulaCells.Of(session, cancellationToken);
        var graph = FormulaGraph.Build(session, formulas);
        var circular = CircularReferences.Of(graph);
        var (circles, knownCircles) = circular.Findings(session, MaxFormulaFindings);
        found.AddRange(circles);
        if (formulas.Count == 0)
        {
            checks.Add("recalculation: no formulas");
        }
        else
        {
            var refresh = StaleFormulas.Select(session, graph);
            var stale = formulas.Where((_, i) => refresh[i]).ToList();
            var kept = formulas.Where((_, i) => !refresh[i]).ToList();
            if (kept.Count > 0)
            {
                checks.Add($"recalculation: {kept.Count} formula(s) do not depend on what the plan changed and keep the input's cached values");
                found.AddRange(FormulaFindings.FromCachedErrors(kept.Select(k => (k.Formula, k.Cell)), int.MaxValue));
            }

            if (circular.Count > 0)
            {
                var inCircles = graph.Circular.Count(c => c);
                checks.Add($"recalculation: {circular.Count} circular reference(s) found before recalculating; their {inCircles} formula(s) and the formulas that read them are not evaluated and keep their cached values");
            }

            if (stale.Count > 0)
            {
                var cells = stale.Select(f => f.Formula).ToList();
                var calculated = ServerEnvironment.Excuse(cells, await RecalculateAsync(session, cells, graph, circular, libreOffice, checks, cancellationToken).ConfigureAwait(false));
                var results = calculated.Select((r, i) => UncertainResults.Judge(cells[i], r)).ToList();
                var excused = KeptExcelValues(session, graph, stale, calculated, results);
                if (excused.Count > 0)
                {
                    checks.Add($"recalculation: {excused.Count} formula(s) not recalculated here keep the value Excel saved (outside data sources, SUBTOTAL/AGGREGATE over tables, unresolved structured references) and the plan did not change what they read: "
                        + string.Join(", ", excused.Take(20).Select(i => cells[i].Location)) + (excused.Count > 20 ? ", …" : ""));
                }

                var written = 0;
                for (var i = 0; i < stale.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    written += CachedValues.Write(stale[i].Cell, cells[i].Formula, results[i]) ? 1 : 0;
                }

                checks.Add($"cached values: {written} of {stale.Count} recalculated formula cell(s) updated");

                // A cell of a circle is reported once, with its circle.
                var listed = Enumerable.Range(0, cells.Count)
                    .Where(i => !excused.Contains(i) && !circular.Contains(graph.IndexOf(cells[i].Sheet, cells[i].Address))).ToList();
                found.AddRange(FormulaFindings.From([.. listed.Select(i => cells[i])], [.. listed.Select(i => results[i])], int.MaxValue));
            }
        }

        var (findings, preExisting) = session.Changes.Count > 0 && found.Any(f => f.Code == "formula_error")
            ? CompareWithInput(session, graph, found, checks)
            : (found, []);
        preExisting.AddRange(knownCircles);
        findings = FormulaFindings.Cap(findings, MaxFormulaFindings);
        preExisting = FormulaFindings.Cap(preExisting, MaxFormulaFindings);
        session.Document.Save();
        var (schema, knownSchema) = PackageValidation.Judge(session.Document, () => session.Baseline, cancellationToken);
        findings.AddRange(schema);
        preExisting.AddRange(knownSchema);
        checks.Add("schema: OpenXmlValidator (Office 2019), against the input's baseline");
        findings.AddRange(session.Repairs.Select(r => new Finding(FindingSeverity.Info, "package_repaired", "package", r)));
        return new VerificationReport(findings, checks) { PreExisting = preExisting };
    }

    /// <summary>
    /// Formulas whose computed value was not trusted (<see cref="UncertainResults"/>) but which
    /// hold the value Excel saved, and read nothing the plan wrote: that value is Excel's own and
    /// stays, so they are listed in a check rather than warned about. Without a saved value, or
    /// when the plan changed what they read, the kept value is unchecked and they are warnings.
    /// </summary>
    private static HashSet<int> KeptExcelValues(
        WorkbookSession session, FormulaGraph graph,
        List<(FormulaCell Formula, DocumentFormat.OpenXml.Spreadsheet.Cell Cell)> stale, IReadOnlyList<FormulaResult> calculated, List<FormulaResult> results)
    {
        var excused = new HashSet<int>();
        bool[]? touched = null;
        for (var i = 0; i < stale.Count; i++)
        {
            if (results[i].Equals(calculated[i]) || stale[i].Cell.CellValue is null)
            {
                continue;
            }

            if (session.Changes.Count > 0)
            {
                touched ??= StaleFormulas.Touched(session, graph, PlanFootprint.Of(session, null));
                if (graph.IndexOf(stale[i].Formula.Sheet, stale[i].Formula.Address) is var index and >= 0 && touched[index])
                {
                    continue;
                }
            }

            excused.Add(i);
        }

        return excused;
    }

    /// <summary>Moves the formula errors the input already had, by <see cref="FormulaErrorBaseline"/>'s rule, to the pre-existing list.</summary>
    private static (List<Finding> Findings, List<Finding> PreExisting) CompareWithInput(
        WorkbookSession session, FormulaGraph graph, List<Finding> found, List<string> checks)
    {
        using var input = session.OpenInput();
        if (input is null)
        {
            return (found, []);
        }

        var footprint = PlanFootprint.Of(session, input);
        var baseline = FormulaErrorBaseline.Read(input, footprint);
        var formulas = graph.Formulas;
        var touched = StaleFormulas.Touched(session, graph, footprint);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < formulas.Count; i++)
        {
            index.TryAdd(formulas[i].Formula.Location, i);
        }

        var findings = new List<Finding>();
        var preExisting = new List<Finding>();
        foreach (var finding in found)
        {
            var had = finding.Code == "formula_error"
                && index.TryGetValue(finding.Location, out var i)
                && !touched[i]
                && session.SheetElement(formulas[i].Formula.Sheet)?.SheetId?.Value is { } sheetId
                && baseline.Claim(sheetId, formulas[i].Formula, FormulaFindings.CodeOf(finding));
            (had ? preExisting : findings).Add(had ? FindingBaseline.AsPreExisting(finding) : finding);
        }

        checks.Add($"formula errors: compared with the input's; {preExisting.Count} it already had (in cells the plan did not write or feed) are listed as pre-existing");
        return (findings, preExisting);
    }

    private static async Task<IReadOnlyList<FormulaResult>> RecalculateAsync(
        WorkbookSession session, List<FormulaCell> all, FormulaGraph graph, CircularReferences circular, LibreOfficeRunner libreOffice, List<string> checks, CancellationToken cancellationToken)
    {
        // Cells in or reading a circle are not asked of any engine: their cached values stay.
        var answers = all.Select(circular.Excuse).ToArray();
        var cells = all.Where((_, i) => answers[i] is null).ToList();
        IReadOnlyList<FormulaResult> Answer(IReadOnlyList<FormulaResult> computed)
        {
            var next = 0;
            return [.. answers.Select(a => a ?? computed[next++])];
        }

        if (cells.Count == 0)
        {
            return Answer([]);
        }

        var package = session.ToArray();
        var (results, loadError) = ClosedXmlCalculator.Calculate(package, cells, EvaluationPlan.For(session, graph), cancellationToken);
        var pending = results.Count(r => !r.IsComputed);
        checks.Add(loadError is null
            ? $"recalculation: ClosedXML computed {results.Count - pending} of {cells.Count} formula(s)"
            : $"recalculation: ClosedXML gave no answers ({loadError})");
        if (pending == 0)
        {
            return Answer(results);
        }

        if (!libreOffice.IsInstalled)
        {
            checks.Add($"recalculation: LibreOffice not run for {pending} formula(s) — {LibreOfficeRunner.InstallHint}");
            return Answer(results);
        }

        var fileName = session.Document.DocumentType == DocumentFormat.OpenXml.SpreadsheetDocumentType.MacroEnabledWorkbook ? "workbook.xlsm" : "workbook.xlsx";
        IReadOnlyList<FormulaResult> recalculated;
        try
        {
            recalculated = await LibreOfficeCalculator.CalculateAsync(libreOffice, package, fileName, cells, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LibreOfficeException or TimeoutException or IOException or OpenXmlPackageException or InvalidDataException)
        {
            checks.Add($"recalculation: LibreOffice failed ({ex.Message})");
            return Answer(results);
        }

        var merged = new FormulaResult[cells.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            // ClosedXML's values stand where LibreOffice gave none; its suspected errors do not.
            merged[i] = recalculated[i].IsComputed || !results[i].IsComputed ? recalculated[i] : results[i];
        }

        checks.Add($"recalculation: LibreOffice recalculated the workbook ({merged.Count(r => r.IsComputed)} of {cells.Count} formula(s) computed)");
        return Answer(merged);
    }
}
