using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Formulas;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.Excel.Structure;

/// <summary>
/// Rewrites every reference in a workbook through one formula function: cell formulas on
/// every sheet (shared formulas included), defined names, sheet geometry (merged cells,
/// conditional formatting, data validation, hyperlinks, filters, tables, pivot locations),
/// chart series formulas and pivot cache sources. Row and column shifts, sheet renames and
/// sheet deletions are all this one walk with a different function.
/// </summary>
/// <param name="session">The workbook to rewrite.</param>
/// <param name="rewrite">New text for a formula (or range) written on the given sheet.</param>
/// <param name="move">Where a cell of a sheet goes (null: it is deleted); identity when null.</param>
public sealed class ReferenceRewriter(
    WorkbookSession session,
    Func<string, string, string> rewrite,
    Func<string, CellAddress, CellAddress?>? move = null)
{
    private readonly Func<string, CellAddress, CellAddress?> _move = move ?? ((_, address) => address);

    /// <summary>How many formulas (cells, names, rules, series) now read differently.</summary>
    public int FormulasChanged { get; private set; }

    /// <summary>Walks the whole workbook once.</summary>
    public void Apply()
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var entry in session.Sheets)
        {
            if (entry.Part is WorksheetPart && session.Sheet(entry.Name) is { } cells)
            {
                FormulasChanged += CellFormulaRewriter.Rewrite(cells, rewrite, _move);
                var geometry = new SheetGeometryRewriter(entry.Name, rewrite);
                geometry.Rewrite(cells.Part);
                FormulasChanged += geometry.FormulasChanged;
                cells.Invalidate();
            }

            var drawings = entry.Part switch
            {
                WorksheetPart w => w.DrawingsPart,
                ChartsheetPart c => c.DrawingsPart,
                _ => null,
            };
            foreach (var chart in drawings?.ChartParts ?? [])
            {
                RewriteChart(chart);
            }
        }

        RewriteDefinedNames();
        RewritePivotCaches();
    }

    /// <summary>The formula text <paramref name="formula"/> becomes on <paramref name="sheet"/>.</summary>
    public string Formula(string formula, string sheet)
    {
        var result = rewrite(formula, sheet);
        if (!string.Equals(result, formula, StringComparison.Ordinal))
        {
            FormulasChanged++;
        }

        return result;
    }

    private void RewriteDefinedNames()
    {
        var sheetNames = session.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? [];
        foreach (var name in session.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            var scope = name.LocalSheetId?.Value is { } id && id < sheetNames.Count ? sheetNames[(int)id] : "";
            if (name.Text is { Length: > 0 } text)
            {
                var updated = Formula(text, scope);
                if (!ReferenceEquals(updated, text) && updated != text)
                {
                    name.Text = updated;
                }
            }
        }
    }

    private void RewriteChart(ChartPart chart)
    {
        var space = chart.ChartSpace;
        if (space is null)
        {
            return;
        }

        foreach (var formula in space.Descendants<C.Formula>())
        {
            if (formula.Text is { Length: > 0 } text)
            {
                var updated = Formula(text, "");
                if (updated != text)
                {
                    formula.Text = updated;
                }
            }
        }
    }

    private void RewritePivotCaches()
    {
        foreach (var part in session.WorkbookPart.PivotTableCacheDefinitionParts)
        {
            var source = part.PivotCacheDefinition?.CacheSource?.WorksheetSource;
            if (source?.Sheet?.Value is not { } sheet || source.Reference?.Value is not { } reference)
            {
                continue;
            }

            var text = RangeAddress.QuoteSheet(sheet) + "!" + reference;
            var updated = Formula(text, sheet);
            // A source on a deleted sheet or in deleted cells stays as it was: the cache keeps its
            // records and Excel reports the missing source only when refreshed.
            if (updated != text && !updated.Contains(FormulaReferences.RefError, StringComparison.Ordinal)
                && RangeAddress.TryParse(updated, out var range, out _) && range.Sheet is not null)
            {
                source.Sheet = range.Sheet;
                source.Reference = range.Reference;
            }
        }
    }
}
