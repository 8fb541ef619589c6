using System.ComponentModel;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel.Addressing;
using Officina.Excel.Names;
using Officina.Excel.Layout;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>
/// Turns a range whose first row holds headers into an Excel table (a table part with an
/// autofilter and a table style). Header cells become text; empty or duplicate headers are
/// renamed the way Excel does (Column1, Column2…). With <see cref="ShowTotals"/> a totals row
/// is added below the range: "Total" in the first column and a SUBTOTAL in the last (sum for
/// numbers, count otherwise). Refuses to overlap another table, a merged range or the sheet's
/// autofilter.
/// </summary>
[Operation("create_table", "Turn a range with headers into an Excel table.")]
public sealed partial record CreateTable(
    [property: Description("The table's range including its header row, e.g. 'Sales'!A1:D20")] string Range,
    [property: Description("Table name, e.g. SalesTable (letters, digits, _; unique among tables and names)")] string Name,
    [property: Description("Table style, e.g. TableStyleMedium2 (Light1-21, Medium1-28, Dark1-11); null for TableStyleMedium2")] string? Style = null,
    [property: Description("True to add a totals row below the range; null or false for none")] bool? ShowTotals = null)
    : WriteOperation<WorkbookSession>
{
    public const string DefaultStyle = "TableStyleMedium2";

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesRange(Range);
        trace.Creates(WorkbookTrace.Name, Name);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (WorkbookNames.Problem(Name, "A table name") is { } problem)
        {
            errors.Add(new("name", "name_syntax", problem));
        }
        else if (WorkbookNames.Clash(session, Name, checkDefinedNames: true) is { } clash)
        {
            errors.Add(new("name", "name_unique", $"{clash} Given: '{Name}'."));
        }

        if (Style is not null && !BuiltInStyle().IsMatch(Style)
            && session.Styles.Stylesheet.TableStyles?.Elements<TableStyle>().Any(s => s.Name?.Value == Style) != true)
        {
            errors.Add(new("style", "table_style", $"The style must be a built-in table style (TableStyleLight1-21, TableStyleMedium1-28, TableStyleDark1-11) or one of the workbook's own. Given: '{Style}'."));
        }

        if (!session.TryResolve(Range, "range", errors, out var range, out var sheet))
        {
            return errors;
        }

        if (range.RowCount < 2)
        {
            errors.Add(new("range", "table_rows", $"A table needs a header row and at least one data row. Given: {range} ({range.RowCount} row)."));
        }

        if (range.ColumnCount > 16_384 || range.LastRow == CellAddress.MaxRow || range.CellCount > 10_000_000)
        {
            errors.Add(new("range", "table_size", $"A table must be a bounded block of cells, not whole rows or columns. Given: {range}."));
            return errors;
        }

        var full = ShowTotals == true ? range with { LastRow = range.LastRow + 1 } : range;
        foreach (var (other, part, table) in WorkbookNames.Tables(session.WorkbookPart))
        {
            if (part == sheet.Part && table.Reference?.Value is { } reference && RangeAddress.TryParse(reference, out var taken, out _) && taken.Intersects(full))
            {
                errors.Add(new("range", "table_overlap", $"{full} overlaps table '{other}' ({reference}). Tables cannot overlap."));
            }
        }

        foreach (var merge in sheet.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.MergeCells>()?.Elements<MergeCell>() ?? [])
        {
            if (merge.Reference?.Value is { } reference && RangeAddress.TryParse(reference, out var merged, out _) && merged.Intersects(full))
            {
                errors.Add(new("range", "table_merged", $"{full} overlaps the merged cells {reference}. Unmerge them first; a table cannot hold merged cells."));
            }
        }

        if (sheet.Worksheet.GetFirstChild<AutoFilter>()?.Reference?.Value is { } filter && RangeAddress.TryParse(filter, out var filtered, out _) && filtered.Intersects(full))
        {
            errors.Add(new("range", "table_autofilter", $"{full} overlaps the sheet's autofilter ({filter}). Remove the filter first."));
        }

        if (ShowTotals == true && range.LastRow < CellAddress.MaxRow
            && sheet.CellsIn(new RangeAddress(null, range.LastRow + 1, range.FirstColumn, range.LastRow + 1, range.LastColumn)).Any(c => !sheet.ValueOf(c.Cell).IsEmpty || c.Cell.CellFormula is not null))
        {
            errors.Add(new("show_totals", "totals_row_free", $"The totals row goes below the range, in row {range.LastRow + 1}, but that row holds values there. Leave it empty or set show_totals to false."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sheet) = session.Resolve(Range);
        var headers = HeaderNames(session, range);
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.SetValue(range.FirstRow, range.FirstColumn + i, headers[i]);
        }

        var totals = ShowTotals == true;
        var full = totals ? range with { LastRow = range.LastRow + 1 } : range;
        var id = WorkbookNames.Tables(session.WorkbookPart).Select(t => t.Table.Id?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        var columns = new TableColumns { Count = (uint)headers.Count };
        for (var i = 0; i < headers.Count; i++)
        {
            columns.AppendChild(new TableColumn { Id = (uint)(i + 1), Name = headers[i] });
        }

        var table = new Table(
            new AutoFilter { Reference = range.Reference },
            columns,
            new TableStyleInfo { Name = Style ?? DefaultStyle, ShowFirstColumn = false, ShowLastColumn = false, ShowRowStripes = true, ShowColumnStripes = false })
        {
            Id = id, Name = Name, DisplayName = Name, Reference = full.Reference,
        };

        if (totals)
        {
            table.TotalsRowCount = 1;
            AddTotals(sheet, range, columns);
        }
        else
        {
            table.TotalsRowShown = false;
        }

        var part = sheet.Part.AddNewPart<TableDefinitionPart>();
        part.Table = table;
        var parts = WorksheetLayout.GetOrInsert<TableParts>(sheet.Worksheet);
        parts.AppendChild(new TablePart { Id = sheet.Part.GetIdOfPart(part) });
        parts.Count = (uint)parts.ChildElements.Count;
        if (totals)
        {
            session.MarkFormulasDirty();
        }

        return new Change("create_table", full.ToString(), $"Created table {Name} on {full} with columns {string.Join(", ", headers)}");
    }

    private void AddTotals(Cells.SheetCells sheet, RangeAddress range, TableColumns columns)
    {
        var all = columns.Elements<TableColumn>().ToList();
        var row = range.LastRow + 1;
        all[0].TotalsRowLabel = "Total";
        sheet.SetValue(row, range.FirstColumn, "Total");
        if (all.Count < 2)
        {
            return;
        }

        var last = all[^1];
        var dataCells = sheet.CellsIn(range with { FirstRow = range.FirstRow + 1, FirstColumn = range.LastColumn }).ToList();
        var numeric = dataCells.Count > 0 && dataCells.All(c => sheet.ValueOf(c.Cell).Kind is Officina.Operations.CellValueKind.Number or Officina.Operations.CellValueKind.Empty);
        last.TotalsRowFunction = numeric ? TotalsRowFunctionValues.Sum : TotalsRowFunctionValues.Count;
        sheet.SetFormula(row, range.LastColumn, $"SUBTOTAL({(numeric ? 109 : 103)},{Name}[{EscapeColumn(last.Name!.Value!)}])");
    }

    /// <summary>Header texts as Excel makes them: text, unique (case-insensitive), empty ones named ColumnN.</summary>
    private static List<string> HeaderNames(WorkbookSession session, RangeAddress range)
    {
        var sheet = session.Resolve(range.ToString()).Sheet;
        var names = new List<string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var c = range.FirstColumn; c <= range.LastColumn; c++)
        {
            var text = sheet.ValueOf(sheet.FindCell(range.FirstRow, c)).ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            var position = c - range.FirstColumn + 1;
            var name = text.Length == 0 ? $"Column{position}" : text;
            var candidate = name;
            var suffix = text.Length == 0 ? position : 1;
            while (!used.Add(candidate))
            {
                suffix++;
                candidate = text.Length == 0 ? $"Column{suffix}" : $"{name}{suffix}";
            }

            names.Add(candidate);
        }

        return names;
    }

    /// <summary>Structured references escape [ ] # ' with an apostrophe.</summary>
    private static string EscapeColumn(string name) => SpecialColumnCharacters().Replace(name, "'$0");

    [GeneratedRegex(@"^TableStyle(?:Light(?:[1-9]|1\d|2[01])|Medium(?:[1-9]|1\d|2[0-8])|Dark(?:[1-9]|1[01]))$", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltInStyle();

    [GeneratedRegex(@"[\[\]#']", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialColumnCharacters();
}
