using Officina.Excel.Addressing;
using Officina.Excel.Formulas;

namespace Officina.Excel.Verification;

/// <summary>
/// Decides which formula cells verification recalculates and rewrites. An input's cached
/// values were computed by Excel; recalculating a formula whose inputs the plan did not touch
/// can only replace Excel's value with another engine's (LibreOffice counts rows a table
/// filter hid, for one), so those keep their cached values. Recalculated are: formulas with
/// no cached value (written or moved by the plan), and formulas that refer, directly or
/// through other formulas, tables or defined names, to a range the plan changed. Plans that
/// move cells or rename things (insert/delete rows, columns, sheets; sort; names) and sessions
/// with no changes (the verify command) recalculate everything. The walk through other formulas
/// follows the workbook's <see cref="FormulaGraph"/>, so it costs time linear in the formulas
/// however long their chains are.
/// </summary>
internal static class StaleFormulas
{
    private static readonly HashSet<string> NoValueChange =
    [
        "add_chart", "add_comment", "add_conditional_format", "add_data_validation", "add_sheet", "format_range",
        "freeze_panes", "set_column_width", "set_page_setup", "set_row_height", "set_tab_color", "apply_cell_style",
        "hide_columns", "group_columns",
    ];

    private static readonly HashSet<string> RegionChange =
    [
        "set_values", "set_formulas", "import_csv", "clear_range", "copy_range", "create_pivot_table", "create_table", "merge_cells",
        "set_hyperlink", "find_replace",
    ];

    public static bool[] Select(WorkbookSession session, FormulaGraph graph)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(graph);
        var formulas = graph.Formulas;
        var refresh = new bool[formulas.Count];
        var dirty = DirtyRanges(session);
        if (dirty is null)
        {
            Array.Fill(refresh, true);
            return refresh;
        }

        for (var i = 0; i < formulas.Count; i++)
        {
            var read = graph.Precedents[i];
            refresh[i] = formulas[i].Cell.CellValue is null || !read.Complete || Reads(read, dirty);
        }

        return graph.Readers(refresh);
    }

    /// <summary>
    /// Which formulas the plan wrote, or made read — directly or through other formulas, tables
    /// or defined names — something it wrote; formulas using a name the plan defined count too.
    /// Formulas whose references cannot be known (volatile or indirect functions) count only
    /// when the plan wrote them.
    /// </summary>
    public static bool[] Touched(WorkbookSession session, FormulaGraph graph, PlanFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(footprint);
        var formulas = graph.Formulas;
        var touched = new bool[formulas.Count];
        var written = new List<RangeAddress>();
        foreach (var entry in session.Sheets)
        {
            if (session.SheetElement(entry.Name)?.SheetId?.Value is { } id)
            {
                written.AddRange(footprint.Written(id, entry.Name));
            }
        }

        for (var i = 0; i < formulas.Count; i++)
        {
            var formula = formulas[i].Formula;
            var read = graph.Precedents[i];
            touched[i] = written.Any(d => SameSheet(d.Sheet, formula.Sheet) && d.Contains(formula.Address.Row, formula.Address.Column))
                || FormulaPrecedents.NameTokens(formula.Formula).Any(footprint.Names.Contains)
                || (read.Complete && Reads(read, written));
        }

        return graph.Readers(touched, i => graph.Precedents[i].Complete);
    }

    private static bool Reads(Precedents read, List<RangeAddress> dirty) =>
        read.Ranges.Any(r => dirty.Any(d => SameSheet(r.Sheet, d.Sheet) && r.Intersects(d)));

    /// <summary>The ranges the plan changed values in; null when everything must be recalculated.</summary>
    private static List<RangeAddress>? DirtyRanges(WorkbookSession session)
    {
        if (session.Changes.Count == 0)
        {
            return null;
        }

        var dirty = new List<RangeAddress>();
        foreach (var change in session.Changes)
        {
            if (NoValueChange.Contains(change.Op) || (RegionChange.Contains(change.Op) && change.Count == 0))
            {
                continue;
            }

            if (!RegionChange.Contains(change.Op) || !RangeAddress.TryParse(change.Target, out var range, out _) || range.Sheet is null)
            {
                return null;
            }

            dirty.Add(range);
        }

        return dirty;
    }

    private static bool SameSheet(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
