using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Formulas;
using Officina.Excel.Pivots;
using Officina.Excel.Verification;
using Officina.Operations;

namespace Officina.Excel.Operations;

/// <summary>One value field of a pivot table.</summary>
public sealed record PivotValueSpec(
    [property: Description("Source field (header text) to aggregate")] string Field,
    [property: Description("Aggregation; null for sum")] PivotFunction? Function = null,
    [property: Description("Number format of the values, e.g. #,##0.00; null for General")] string? NumberFormat = null,
    [property: Description("Caption; null for e.g. 'Sum of Sales'. Must differ from every source field name")] string? Name = null);

/// <summary>
/// Creates a pivot table over a range whose first row holds field names: row, column and
/// filter fields, value fields with sum/count/average/max/min. Writes the pivot cache
/// (refreshed when Excel opens the file), the table definition in tabular form (several
/// fields on one axis show no subtotals), and the computed values into the destination cells
/// so viewers that never refresh pivots show the numbers too. The destination sheet is
/// created when it does not exist.
/// </summary>
[Operation("create_pivot_table", "Summarise data in a pivot table.")]
public sealed record CreatePivotTable(
    [property: Description("Source range with field names in its first row, e.g. Data!A1:F500")] string Source,
    [property: Description("Top-left cell of the pivot, e.g. Summary!A3; a sheet that does not exist is created")] string Destination,
    [property: Description("Row fields (header texts), outermost first; at least one")] string[] Rows,
    [property: Description("Value fields")] PivotValueSpec[] Values,
    [property: Description("Column fields (header texts); null for none")] string[]? Columns = null,
    [property: Description("Filter (page) fields shown above the pivot; null for none")] string[]? Filters = null,
    [property: Description("Pivot table name; null for PivotTableN")] string? Name = null)
    : WriteOperation<WorkbookSession>, IReadsCellValues
{
    public const int MaxSourceCells = 2_000_000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesFormula(Source);
        trace.AddressesRange(Destination);
    }

    /// <summary>A pivot summarises what the source cells show, formulas changed earlier in the plan included.</summary>
    IEnumerable<(string Property, RangeAddress Range)> IReadsCellValues.ValueRanges(WorkbookSession session) =>
        session.TryResolve(Source, "source", [], out var range, out _) && range.CellCount <= MaxSourceCells ? [("source", range)] : [];

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        if (!session.TryResolve(Source, "source", errors, out var range, out var sheet))
        {
            return errors;
        }

        if (range.RowCount < 2 || range.CellCount > MaxSourceCells)
        {
            errors.Add(new("source", "source_shape", $"source needs a header row and at least one record, and at most {MaxSourceCells} cells. Given: {range} ({range.RowCount} × {range.ColumnCount})."));
            return errors;
        }

        var source = new PivotSource(sheet, range, PendingFormulaValues.Compute(session, sheet, range));
        for (var i = 0; i < source.Names.Count; i++)
        {
            var header = new CellAddress(range.FirstRow, range.FirstColumn + i).A1;
            if (source.Names[i].Length == 0)
            {
                errors.Add(new("source", "field_names", $"Every column of the source needs a name in its first row. {header} is empty."));
            }
            else if (source.FieldIndex(source.Names[i]) != i)
            {
                errors.Add(new("source", "field_names", $"Field names must be unique (case-insensitive). '{source.Names[i]}' appears twice (again at {header})."));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var request = Request(source, errors);
        if (request is null)
        {
            return errors;
        }

        if (!TryDestination(session, range, errors, out var destination, out var destinationSheet))
        {
            return errors;
        }

        var layout = new PivotLayout(request, destination.TopLeft);
        var area = layout.Area(destination.Sheet!);
        if (area.LastRow > CellAddress.MaxRow || area.LastColumn > CellAddress.MaxColumn)
        {
            errors.Add(new("destination", "sheet_bounds", $"The pivot ({layout.Height} rows × {layout.Width} columns) runs past the end of the sheet from {destination.TopLeft}."));
        }
        else if (string.Equals(area.Sheet, range.Sheet, StringComparison.OrdinalIgnoreCase) && area.Intersects(range))
        {
            errors.Add(new("destination", "overlap", $"The pivot would cover {area}, which overlaps the source {range}. Choose a place beside it or another sheet."));
        }
        else if (destinationSheet is not null)
        {
            if (destinationSheet.CellsIn(area).FirstOrDefault(c => !destinationSheet.ValueOf(c.Cell).IsEmpty || c.Cell.CellFormula is not null) is { Cell: not null } used)
            {
                errors.Add(new("destination", "destination_empty", $"The pivot would cover {area} but {used.Address.A1} holds data. Choose an empty place or a new sheet."));
            }

            foreach (var other in destinationSheet.Part.PivotTableParts)
            {
                if (other.PivotTableDefinition?.Location?.Reference?.Value is { } reference && RangeAddress.TryParse(reference, out var taken, out _) && taken.Intersects(area))
                {
                    errors.Add(new("destination", "pivot_overlap", $"The pivot would cover {area}, which overlaps the pivot table '{other.PivotTableDefinition.Name}' at {reference}."));
                }
            }
        }

        if (Name is { } name && (name.Length is 0 or > 255 || PivotTableWriter.ExistingNames(session).Contains(name)))
        {
            errors.Add(new("name", "pivot_name", $"The pivot table name must be 1 to 255 characters and unused in the workbook. Given: '{name}'."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (range, sourceSheet) = session.Resolve(Source);
        var source = new PivotSource(sourceSheet, range, PendingFormulaValues.Compute(session, sourceSheet, range));
        var request = Request(source, [])!;
        TryDestination(session, range, [], out var destination, out var destinationSheet);
        var created = destinationSheet is null;
        destinationSheet ??= session.AddWorksheet(destination.Sheet!);
        var layout = new PivotLayout(request, destination.TopLeft);

        var formats = request.Values.Select(v => v.NumberFormat is { } code ? session.Styles.NumberFormatId(code) : 0u).ToList();
        var styles = request.Values.Select(v => v.NumberFormat is { } code ? session.Styles.WithNumberFormat(0, code) : (uint?)null).ToList();
        var count = 0;
        foreach (var (row, column, value, data) in layout.Cells())
        {
            destinationSheet.SetValue(row, column, value);
            if (data is { } d && styles[d] is { } style)
            {
                destinationSheet.GetOrAddCell(row, column).StyleIndex = style;
            }

            count++;
        }

        var existing = PivotTableWriter.ExistingNames(session);
        var name = Name ?? Enumerable.Range(1, existing.Count + 1).Select(i => $"PivotTable{i}").First(n => !existing.Contains(n));
        PivotTableWriter.Write(session, destinationSheet, request, layout, name, formats);
        var body = layout.Area(destinationSheet.SheetName);
        return new Change("create_pivot_table", body.ToString(),
            $"Created pivot table '{name}' at {body}{(created ? $" on new sheet '{destinationSheet.SheetName}'" : "")} summarising {source.Records.Count} record(s) of {source.Range}", count);
    }

    private PivotRequest? Request(PivotSource source, List<OperationError> errors)
    {
        var fields = string.Join(", ", source.Names.Select(n => $"'{n}'"));
        int[] Resolve(string[]? names, string path)
        {
            var list = new List<int>();
            for (var i = 0; i < (names?.Length ?? 0); i++)
            {
                var index = source.FieldIndex(names![i]);
                if (index < 0)
                {
                    errors.Add(new($"{path}[{i}]", "field_exists", $"The source has no field '{names[i]}'. Fields: {fields}."));
                }
                else if (list.Contains(index))
                {
                    errors.Add(new($"{path}[{i}]", "field_once", $"'{names[i]}' is listed twice in {path}."));
                }
                else
                {
                    list.Add(index);
                }
            }

            return [.. list];
        }

        var before = errors.Count;
        var rows = Resolve(Rows, "rows");
        var columns = Resolve(Columns, "columns");
        var filters = Resolve(Filters, "filters");
        if (Rows is null || Rows.Length == 0)
        {
            errors.Add(new("rows", "rows_required", "A pivot table needs at least one row field. Given: none."));
        }

        foreach (var (path, axis) in new[] { ("columns", columns), ("filters", filters) })
        {
            foreach (var f in axis.Where(f => rows.Contains(f) || (path == "filters" && columns.Contains(f))))
            {
                errors.Add(new(path, "field_axis", $"A field goes on one axis only; '{source.Names[f]}' is already a {(rows.Contains(f) ? "row" : "column")} field."));
            }
        }

        if (Values is null || Values.Length == 0)
        {
            errors.Add(new("values", "values_required", "A pivot table needs at least one value field. Given: none."));
            return null;
        }

        var values = new List<PivotValueField>();
        var captions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Values.Length; i++)
        {
            var spec = Values[i];
            var field = spec is null ? -1 : source.FieldIndex(spec.Field);
            if (field < 0)
            {
                errors.Add(new($"values[{i}].field", "field_exists", $"The source has no field '{spec?.Field}'. Fields: {fields}."));
                continue;
            }

            var function = spec!.Function ?? PivotFunction.Sum;
            if (function != PivotFunction.Count && !source.Records.Any(r => r[field].Kind == CellValueKind.Number))
            {
                errors.Add(new($"values[{i}].function", "numeric_field", $"'{source.Names[field]}' holds no numbers, so {function.ToString().ToLowerInvariant()} has nothing to add up; use count."));
            }

            var caption = spec.Name ?? $"{function} of {source.Names[field]}";
            for (var n = 2; spec.Name is null && captions.Contains(caption); n++)
            {
                caption = $"{function} of {source.Names[field]}{n}";
            }

            if (source.FieldIndex(caption) >= 0 || !captions.Add(caption))
            {
                errors.Add(new($"values[{i}].name", "caption_unique", $"A value caption must differ from the source fields and the other captions. Given: '{caption}'."));
            }

            values.Add(new PivotValueField(field, function, caption, spec.NumberFormat));
        }

        return errors.Count > before ? null : new PivotRequest(source, rows, columns, [.. values], filters);
    }

    private bool TryDestination(WorkbookSession session, RangeAddress source, List<OperationError> errors, out RangeAddress destination, out SheetCells? sheet)
    {
        sheet = null;
        if (!RangeAddress.TryParse(Destination, out destination, out var error))
        {
            errors.Add(new("destination", "range", error));
            return false;
        }

        var name = destination.Sheet ?? source.Sheet!;
        sheet = session.Sheet(name);
        if (sheet is null && session.SheetElement(name) is not null)
        {
            errors.Add(new("destination", "worksheet", $"'{name}' is a chart sheet; a pivot table needs a worksheet."));
            return false;
        }

        if (sheet is null && SheetNames.Problem(name) is { } problem)
        {
            errors.Add(new("destination", "sheet_name", problem));
            return false;
        }

        destination = destination.WithSheet(sheet?.SheetName ?? name);
        return true;
    }
}
