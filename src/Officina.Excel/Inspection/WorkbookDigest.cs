using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Operations;

namespace Officina.Excel.Inspection;

/// <summary>
/// A compact text digest of a workbook for a model to plan from, within a token budget (o200k):
/// sheets with their used ranges and counts, detected header rows, sample rows (formulas shown
/// as formulas with their cached values), tables, charts, pivots, defined names, merged cells,
/// frozen panes, conditional formats and data validations. Each sheet is read in one streaming
/// pass that keeps only its first rows and last row. When the text is over budget it is
/// rendered again with less detail: fewer sample rows, narrower cells and fewer columns, then
/// summaries only; as a last resort it is cut at the budget.
/// </summary>
public static class WorkbookDigest
{
    private sealed record Level(int SampleRows, int CellWidth, int MaxColumns, int ListLimit, bool Samples, bool Details);

    private static readonly Level[] Levels =
    [
        new(5, 40, 30, 40, true, true),
        new(3, 24, 20, 20, true, true),
        new(2, 16, 12, 10, true, true),
        new(0, 16, 12, 8, true, true),
        new(0, 12, 10, 5, false, true),
        new(0, 12, 8, 3, false, false),
    ];

    private sealed record SheetDigest(SheetEntry Entry, SheetScan? Scan, SheetCells? Cells, List<TableSummary> Tables, List<ChartSummary> Charts, List<PivotSummary> Pivots)
    {
        public Import.CsvImport? Streamed { get; init; }
    }

    public static string Create(WorkbookSession session, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 100);
        var sheets = session.Sheets.Select(e => Collect(session, e)).ToList();
        var (names, hiddenNames) = WorkbookFeatures.DefinedNames(session);
        string text = "";
        foreach (var level in Levels)
        {
            text = Render(sheets, names, hiddenNames, level);
            if (TokenCounter.Count(text) <= tokenBudget)
            {
                return text;
            }
        }

        const string cut = "\n… (digest cut to fit the token budget)";
        return TokenCounter.Truncate(text, tokenBudget - TokenCounter.Count(cut) - 1).TrimEnd() + cut;
    }

    private static SheetDigest Collect(WorkbookSession session, SheetEntry entry)
    {
        if (session.StreamedContent(entry.Part) is { } streamed)
        {
            return new SheetDigest(entry, null, null, [], [], []) { Streamed = streamed };
        }

        if (entry.Part is WorksheetPart worksheet)
        {
            var cells = new SheetCells(entry.Name, worksheet, session.Strings);
            return new SheetDigest(entry, SheetScan.Of(worksheet), cells, WorkbookFeatures.Tables(entry.Name, worksheet),
                WorkbookFeatures.Charts(entry.Name, worksheet.DrawingsPart), WorkbookFeatures.Pivots(entry.Name, worksheet));
        }

        var drawings = (entry.Part as ChartsheetPart)?.DrawingsPart;
        return new SheetDigest(entry, null, null, [], WorkbookFeatures.Charts(entry.Name, drawings), []);
    }

    private static string Render(List<SheetDigest> sheets, List<string> names, int hiddenNames, Level level)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Workbook: {sheets.Count} sheet(s), {sheets.Sum(s => s.Tables.Count)} table(s), ")
            .Append(CultureInfo.InvariantCulture, $"{sheets.Sum(s => s.Charts.Count)} chart(s), {sheets.Sum(s => s.Pivots.Count)} pivot table(s), {names.Count} defined name(s)")
            .AppendLine(".");
        foreach (var sheet in sheets)
        {
            RenderSheet(text, sheet, level);
        }

        if (names.Count > 0 || hiddenNames > 0)
        {
            text.Append("Defined names: ").AppendJoin("; ", names.Take(level.ListLimit).Select(n => Clip(n, level.CellWidth * 3)));
            Append(text, names.Count - level.ListLimit, "more");
            Append(text, hiddenNames, "hidden");
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void RenderSheet(StringBuilder text, SheetDigest sheet, Level level)
    {
        var entry = sheet.Entry;
        var name = RangeAddress.QuoteSheet(entry.Name);
        text.Append(CultureInfo.InvariantCulture, $"## {name} ({(sheet.Scan is null && sheet.Streamed is null ? "chart sheet, " : "")}{entry.State})");
        if (sheet.Streamed is { } streamed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $": used {streamed.Range(entry.Name).Reference}, imported from source '{streamed.Source}' (streamed into the file at save; not readable before)");
        }
        else if (sheet.Scan is { } scan)
        {
            if (scan.Used is not { } used)
            {
                text.AppendLine(": empty");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $": used {used.Reference}, {scan.RowCount:N0} row(s) x {used.ColumnCount} col(s), {scan.CellCount:N0} cell(s), {scan.FormulaCount:N0} formula(s)");
                text.AppendLine();
            }

            var extras = new List<string>();
            if (scan.Frozen is not null)
            {
                extras.Add("frozen at " + scan.Frozen);
            }

            if (scan.MergedCount > 0)
            {
                extras.Add($"merged {scan.MergedCount} ({string.Join(", ", scan.MergedSamples.Take(level.Details ? 5 : 2))}{(scan.MergedCount > (level.Details ? 5 : 2) ? ", …" : "")})");
            }

            if (scan.ConditionalFormatCount > 0)
            {
                extras.Add($"conditional formats {scan.ConditionalFormatCount}");
            }

            if (scan.DataValidationCount > 0)
            {
                extras.Add($"data validations {scan.DataValidationCount}");
            }

            if (scan.HyperlinkCount > 0)
            {
                extras.Add($"hyperlinks {scan.HyperlinkCount}");
            }

            if (extras.Count > 0)
            {
                text.Append("  ").AppendJoin("; ", extras).AppendLine();
            }

            if (!scan.IsEmpty)
            {
                RenderRows(text, scan, sheet.Cells!, level);
            }
        }
        else
        {
            text.AppendLine();
        }

        foreach (var table in sheet.Tables.Take(level.ListLimit))
        {
            text.Append(CultureInfo.InvariantCulture, $"  table {table.Name} {table.Reference}");
            if (level.Details)
            {
                text.Append(" [").AppendJoin(", ", table.Columns.Take(level.MaxColumns).Select(c => Clip(c, level.CellWidth)));
                text.Append(table.Columns.Count > level.MaxColumns ? ", …]" : "]");
            }

            text.AppendLine();
        }

        foreach (var chart in sheet.Charts.Take(level.ListLimit))
        {
            text.Append(CultureInfo.InvariantCulture, $"  chart {string.Join("+", chart.Kinds.DefaultIfEmpty("?"))}");
            text.Append(chart.Title is null ? " (untitled)" : $" \"{Clip(chart.Title, level.CellWidth * 2)}\"");
            if (level.Details && chart.Series.Count > 0)
            {
                text.Append(": ").AppendJoin("; ", chart.Series.Take(Math.Max(2, level.ListLimit / 4)).Select(s => Clip(s, level.CellWidth * 4)));
                Append(text, chart.Series.Count - Math.Max(2, level.ListLimit / 4), "more series");
            }

            text.AppendLine();
        }

        foreach (var pivot in sheet.Pivots.Take(level.ListLimit))
        {
            text.Append(CultureInfo.InvariantCulture, $"  pivot {pivot.Name} at {pivot.Location ?? "?"} from {pivot.Source ?? "?"}");
            if (level.Details)
            {
                text.Append(CultureInfo.InvariantCulture, $"; rows [{string.Join(", ", pivot.Rows)}]; columns [{string.Join(", ", pivot.Columns)}]; values [{string.Join(", ", pivot.Values)}]");
            }

            text.AppendLine();
        }

        var hidden = (sheet.Tables.Count - level.ListLimit) + (sheet.Charts.Count - level.ListLimit) + (sheet.Pivots.Count - level.ListLimit);
        if (sheet.Tables.Count > level.ListLimit || sheet.Charts.Count > level.ListLimit || sheet.Pivots.Count > level.ListLimit)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  … more tables/charts/pivots not listed ({Math.Max(hidden, 1)})");
        }
    }

    private static void RenderRows(StringBuilder text, SheetScan scan, SheetCells cells, Level level)
    {
        var used = scan.Used!;
        var header = DetectHeader(scan, cells);
        if (header is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  header row {header.Row}: ");
            text.AppendJoin(" | ", header.Cells.Take(level.MaxColumns).Select(c => $"{CellAddress.ColumnName(c.Column)}:{Clip(cells.ValueOf(c.Cell).ToString(), level.CellWidth)}"));
            text.AppendLine(header.Cells.Count > level.MaxColumns ? $" | … (+{header.Cells.Count - level.MaxColumns} cols)" : "");
        }
        else
        {
            text.AppendLine("  header row: none detected");
        }

        if (!level.Samples)
        {
            return;
        }

        var samples = scan.FirstRows.Where(r => r != header).Take(level.SampleRows).ToList();
        if (scan.LastRow is { } last && !samples.Contains(last) && last != header)
        {
            samples.Add(last);
        }

        var lastColumn = Math.Min(used.LastColumn, used.FirstColumn + level.MaxColumns - 1);
        var previous = header?.Row ?? 0;
        foreach (var row in samples)
        {
            if (previous != 0 && row.Row > previous + 1)
            {
                text.AppendLine("  …");
            }

            previous = row.Row;
            text.Append(CultureInfo.InvariantCulture, $"  {row.Row}: ");
            var byColumn = row.Cells.ToDictionary(c => c.Column, c => c.Cell);
            var values = new List<string>();
            for (var column = used.FirstColumn; column <= lastColumn; column++)
            {
                values.Add(byColumn.TryGetValue(column, out var cell) ? Show(scan, cells, row.Row, column, cell, level.CellWidth) : "");
            }

            while (values.Count > 0 && values[^1].Length == 0)
            {
                values.RemoveAt(values.Count - 1);
            }

            text.AppendJoin(" | ", values);
            text.AppendLine(used.LastColumn > lastColumn ? " | …" : "");
        }
    }

    /// <summary>
    /// The header: among the first kept rows, the one with the most cells that are all text (two
    /// or more, or the only column's text), no formulas, and not the last row; ties go to the earlier.
    /// </summary>
    private static ScannedRow? DetectHeader(SheetScan scan, SheetCells cells)
    {
        ScannedRow? best = null;
        foreach (var row in scan.FirstRows.Take(4))
        {
            var texts = row.Cells.Count(c => c.Cell.CellFormula is null && cells.ValueOf(c.Cell).Kind == CellValueKind.Text);
            var enough = scan.Used!.ColumnCount == 1 ? texts == 1 : texts >= 2;
            if (enough && texts == row.Cells.Count && row != scan.LastRow && texts > (best?.Cells.Count ?? 0))
            {
                best = row;
            }
        }

        return best;
    }

    private static string Show(SheetScan scan, SheetCells cells, int row, int column, Cell cell, int width)
    {
        var value = cells.ValueOf(cell);
        var shown = value.Kind switch
        {
            CellValueKind.Number => value.Number.ToString("G12", CultureInfo.InvariantCulture),
            CellValueKind.Boolean => value.Boolean ? "TRUE" : "FALSE",
            _ => value.ToString(),
        };
        if (cell.CellFormula is not { } formula)
        {
            return Clip(shown, width);
        }

        var text = formula.Text;
        if (string.IsNullOrEmpty(text) && formula.SharedIndex?.Value is { } si && scan.SharedFormulas.TryGetValue(si, out var master))
        {
            text = FormulaReferences.Shift(master.Formula, row - master.Master.Row, column - master.Master.Column);
        }

        var display = "=" + FunctionNames.RemovePrefixes(text ?? "");
        return Clip(display, width * 2) + (shown.Length > 0 ? " → " + Clip(shown, width) : "");
    }

    private static string Clip(string value, int width)
    {
        var flat = value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "¦", StringComparison.Ordinal);
        return flat.Length <= width ? flat : string.Concat(flat.AsSpan(0, Math.Max(1, width - 1)), "…");
    }

    private static void Append(StringBuilder text, int count, string what)
    {
        if (count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" (+{count} {what})");
        }
    }
}
