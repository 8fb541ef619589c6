using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Validation;
using Officina.Operations;

namespace Officina.Excel.Verification;

/// <summary>
/// Checks a workbook after operations. Every formula is recalculated: first in-process with
/// ClosedXML's engine on a temporary copy; when it could not compute something (a function it
/// lacks, an error it raised, a workbook it cannot load) and LibreOffice is installed, the whole
/// workbook is recalculated by LibreOffice and its values are used (one engine for the whole
/// workbook, so dependent cells agree). The values are written as cached values into the
/// working copy's formula cells; every error value becomes an Error finding, every formula no
/// engine computed a Warning. Finally the schema is validated against the input's baseline.
/// </summary>
public static class WorkbookVerifier
{
    /// <summary>Cap on error findings, so one broken column cannot flood a report.</summary>
    public const int MaxFormulaFindings = 200;

    public static Task<VerificationReport> VerifyAsync(WorkbookSession session, CancellationToken cancellationToken = default) =>
        VerifyAsync(session, new LibreOfficeRunner(), cancellationToken);

    /// <summary>Verifies with <paramref name="libreOffice"/> as the fallback engine (tests pass a missing one).</summary>
    public static async Task<VerificationReport> VerifyAsync(WorkbookSession session, LibreOfficeRunner libreOffice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(libreOffice);
        cancellationToken.ThrowIfCancellationRequested();
        var checks = new List<string>();
        var findings = new List<Finding>();
        var formulas = FormulaCells.Of(session);
        if (formulas.Count == 0)
        {
            checks.Add("recalculation: no formulas");
        }
        else
        {
            var refresh = StaleFormulas.Select(session, formulas);
            var stale = formulas.Where((_, i) => refresh[i]).ToList();
            var kept = formulas.Where((_, i) => !refresh[i]).ToList();
            if (kept.Count > 0)
            {
                checks.Add($"recalculation: {kept.Count} formula(s) do not depend on what the plan changed and keep the input's cached values");
                findings.AddRange(FormulaFindings.FromCachedErrors(kept.Select(k => (k.Formula, k.Cell)), MaxFormulaFindings));
            }

            if (stale.Count > 0)
            {
                var cells = stale.Select(f => f.Formula).ToList();
                var results = ServerEnvironment.Excuse(cells, await RecalculateAsync(session, cells, libreOffice, checks, cancellationToken).ConfigureAwait(false));
                var written = 0;
                for (var i = 0; i < stale.Count; i++)
                {
                    written += CachedValues.Write(stale[i].Cell, results[i]) ? 1 : 0;
                }

                checks.Add($"cached values: {written} of {stale.Count} recalculated formula cell(s) updated");
                findings.AddRange(FormulaFindings.From(cells, results, MaxFormulaFindings));
            }
        }

        session.Document.Save();
        findings.AddRange(PackageValidation.NewErrors(session.Document, () => session.Baseline));
        checks.Add("schema: OpenXmlValidator (Office 2019), against the input's baseline");
        findings.AddRange(session.Repairs.Select(r => new Finding(FindingSeverity.Info, "package_repaired", "package", r)));
        return new VerificationReport(findings, checks);
    }

    private static async Task<IReadOnlyList<FormulaResult>> RecalculateAsync(
        WorkbookSession session, List<FormulaCell> cells, LibreOfficeRunner libreOffice, List<string> checks, CancellationToken cancellationToken)
    {
        var package = session.ToArray();
        var (results, loadError) = ClosedXmlCalculator.Calculate(package, cells, cancellationToken);
        var pending = results.Count(r => !r.IsComputed);
        checks.Add(loadError is null
            ? $"recalculation: ClosedXML computed {results.Count - pending} of {cells.Count} formula(s)"
            : $"recalculation: ClosedXML could not load the workbook ({loadError})");
        if (pending == 0)
        {
            return results;
        }

        if (!libreOffice.IsInstalled)
        {
            checks.Add($"recalculation: LibreOffice not run for {pending} formula(s) — {LibreOfficeRunner.InstallHint}");
            return results;
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
            return results;
        }

        var merged = new FormulaResult[cells.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            // ClosedXML's values stand where LibreOffice gave none; its suspected errors do not.
            merged[i] = recalculated[i].IsComputed || !results[i].IsComputed ? recalculated[i] : results[i];
        }

        checks.Add($"recalculation: LibreOffice recalculated the workbook ({merged.Count(r => r.IsComputed)} of {cells.Count} formula(s) computed)");
        return merged;
    }
}
