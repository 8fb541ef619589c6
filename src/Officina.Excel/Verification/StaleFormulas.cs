using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
/// move cells or rename things (insert/delete rows, columns, sheets; sort; names), sessions
/// with no changes (the verify command) and very large workbooks recalculate everything.
/// </summary>
internal static partial class StaleFormulas
{
    /// <summary>Beyond this many formulas the dependency walk costs more than it saves.</summary>
    public const int MaxTrackedFormulas = 20_000;

    private static readonly HashSet<string> NoValueChange =
    [
        "add_chart", "add_comment", "add_conditional_format", "add_data_validation", "add_sheet", "format_range",
        "freeze_panes", "set_column_width",
    ];

    private static readonly HashSet<string> RegionChange =
    [
        "set_values", "set_formulas", "import_csv", "clear_range", "copy_range", "create_pivot_table", "create_table", "merge_cells",
    ];

    public static bool[] Select(WorkbookSession session, IReadOnlyList<(FormulaCell Formula, Cell Cell)> formulas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(formulas);
        var refresh = new bool[formulas.Count];
        var dirty = DirtyRanges(session);
        if (dirty is null || formulas.Count > MaxTrackedFormulas)
        {
            Array.Fill(refresh, true);
            return refresh;
        }

        var tables = Tables(session);
        var names = DefinedNames(session);
        var order = session.Sheets.Select(s => s.Name).ToList();
        var references = new List<RangeAddress>?[formulas.Count];
        for (var i = 0; i < formulas.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            refresh[i] = formulas[i].Cell.CellValue is null;
            references[i] = References(formulas[i].Formula, tables, names, order);
            if (refresh[i])
            {
                dirty.Add(Cell(formulas[i].Formula));
            }
        }

        for (var changed = dirty.Count > 0; changed;)
        {
            changed = false;
            for (var i = 0; i < formulas.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!refresh[i] && (references[i] is null || references[i]!.Any(r => dirty.Any(d => SameSheet(r, d) && r.Intersects(d)))))
                {
                    refresh[i] = true;
                    dirty.Add(Cell(formulas[i].Formula));
                    changed = true;
                }
            }
        }

        return refresh;
    }

    /// <summary>
    /// Which formulas the plan wrote, or made read — directly or through other formulas, tables
    /// or defined names — something it wrote; formulas using a name the plan defined count too.
    /// Formulas whose references cannot be known (volatile or indirect functions) count only
    /// when the plan wrote them. Past <see cref="MaxTrackedFormulas"/> the walk stops at the
    /// cells the plan wrote.
    /// </summary>
    public static bool[] Touched(WorkbookSession session, IReadOnlyList<(FormulaCell Formula, Cell Cell)> formulas, PlanFootprint footprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(formulas);
        ArgumentNullException.ThrowIfNull(footprint);
        var touched = new bool[formulas.Count];
        var dirty = new List<RangeAddress>();
        foreach (var entry in session.Sheets)
        {
            if (session.SheetElement(entry.Name)?.SheetId?.Value is { } id)
            {
                dirty.AddRange(footprint.Written(id, entry.Name));
            }
        }

        for (var i = 0; i < formulas.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var formula = formulas[i].Formula;
            touched[i] = dirty.Any(d => SameSheet(d, Cell(formula)) && d.Contains(formula.Address.Row, formula.Address.Column))
                || NameToken().Matches(formula.Formula).Any(m => footprint.Names.Contains(m.Value));
        }

        if (formulas.Count > MaxTrackedFormulas)
        {
            return touched;
        }

        dirty.AddRange(formulas.Where((_, i) => touched[i]).Select(f => Cell(f.Formula)));
        var tables = Tables(session);
        var names = DefinedNames(session);
        var order = session.Sheets.Select(s => s.Name).ToList();
        var references = formulas.Select(f => References(f.Formula, tables, names, order)).ToList();
        for (var changed = dirty.Count > 0; changed;)
        {
            changed = false;
            for (var i = 0; i < formulas.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!touched[i] && references[i] is { } read && read.Any(r => dirty.Any(d => SameSheet(r, d) && r.Intersects(d))))
                {
                    touched[i] = true;
                    dirty.Add(Cell(formulas[i].Formula));
                    changed = true;
                }
            }
        }

        return touched;
    }

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
            if (NoValueChange.Contains(change.Op))
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

    /// <summary>The ranges a formula reads; null when they cannot be known (volatile or indirect functions, unknown names).</summary>
    private static List<RangeAddress>? References(FormulaCell formula, Dictionary<string, RangeAddress> tables, Dictionary<string, string> names, IReadOnlyList<string> order)
    {
        if (Volatile().IsMatch(formula.Formula))
        {
            return null;
        }

        var found = new List<RangeAddress>();
        foreach (var reference in FormulaReferences.Find(formula.Formula))
        {
            found.AddRange(reference.Sheets(formula.Sheet, order).Select(sheet => ToRange(reference, sheet)));
        }

        foreach (Match structured in StructuredReference().Matches(formula.Formula))
        {
            if (!tables.TryGetValue(structured.Groups["table"].Value, out var table))
            {
                return null;
            }

            found.Add(table);
        }

        // A bare [Column] (a table's totals row: SUBTOTAL(109,[Income])) means the table the cell is in.
        if (BareStructuredReference().IsMatch(QualifiedStructuredReference().Replace(formula.Formula, "")))
        {
            var own = tables.Values.FirstOrDefault(t => string.Equals(t.Sheet, formula.Sheet, StringComparison.OrdinalIgnoreCase)
                && t.Contains(formula.Address.Row, formula.Address.Column));
            if (own is null)
            {
                return null;
            }

            found.Add(own);
        }

        foreach (Match token in NameToken().Matches(formula.Formula))
        {
            if (names.TryGetValue(token.Value, out var text))
            {
                var inName = FormulaReferences.Find(text);
                if (inName.Count == 0 || inName.Any(r => r.Sheet is null))
                {
                    return null;
                }

                found.AddRange(inName.SelectMany(r => r.Sheets(r.Sheet!, order).Select(sheet => ToRange(r, sheet))));
            }
        }

        return found;
    }

    private static RangeAddress ToRange(FormulaReference reference, string sheet)
    {
        var last = reference.Last ?? reference.First;
        return new RangeAddress(sheet,
            reference.First.Row ?? 1, reference.First.Column ?? 1,
            last.Row ?? CellAddress.MaxRow, last.Column ?? CellAddress.MaxColumn);
    }

    private static RangeAddress Cell(FormulaCell formula) =>
        new(formula.Sheet, formula.Address.Row, formula.Address.Column, formula.Address.Row, formula.Address.Column);

    private static bool SameSheet(RangeAddress a, RangeAddress b) => string.Equals(a.Sheet, b.Sheet, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, RangeAddress> Tables(WorkbookSession session)
    {
        var tables = new Dictionary<string, RangeAddress>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in session.Sheets)
        {
            if (entry.Part is not WorksheetPart worksheet)
            {
                continue;
            }

            foreach (var part in worksheet.TableDefinitionParts)
            {
                var table = part.Table;
                if (table?.Name?.Value is { } name && RangeAddress.TryParse(table.Reference?.Value, out var range, out _))
                {
                    tables[name] = range.WithSheet(entry.Name);
                    if (table.DisplayName?.Value is { } display)
                    {
                        tables[display] = range.WithSheet(entry.Name);
                    }
                }
            }
        }

        return tables;
    }

    private static Dictionary<string, string> DefinedNames(WorkbookSession session) =>
        session.Workbook.DefinedNames?.Elements<DefinedName>()
            .Where(n => n.Name?.Value is not null)
            .GroupBy(n => n.Name!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(n => n.Text)), StringComparer.OrdinalIgnoreCase)
        ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(INDIRECT|OFFSET|TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Volatile();

    [GeneratedRegex(@"(?<table>[A-Za-z_\\][\w.]*)\[")]
    private static partial Regex StructuredReference();

    [GeneratedRegex(@"(?<![\w.\]""])\[")]
    private static partial Regex BareStructuredReference();

    [GeneratedRegex(@"[A-Za-z_\\][\w.]*\[(?:[^\[\]]|\[[^\[\]]*\])*\]")]
    private static partial Regex QualifiedStructuredReference();

    [GeneratedRegex(@"(?<![\w.!'\]$])[A-Za-z_\\][\w.]*(?![\w.(!\[])")]
    private static partial Regex NameToken();
}
