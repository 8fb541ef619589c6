using System.ComponentModel;
using Officina.Excel.Addressing;
using Officina.Excel.Cells;
using Officina.Excel.Drawings;
using Officina.OpenXml.Charts;
using Officina.Operations;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Officina.Excel.Operations;

/// <summary>Whether each column or each row of a data range is one series.</summary>
public enum SeriesIn
{
    Columns,
    Rows,
}

/// <summary>One series of <see cref="AddChart"/> given by its own ranges.</summary>
public sealed record ChartSeriesSource(
    [property: Description("The series values: one row or one column of numbers, e.g. Data!C2:C13")] string Values,
    [property: Description("Category labels (x values for scatter), as many cells as values, e.g. Data!A2:A13; null for 1, 2, 3…")] string? Categories = null,
    [property: Description("Literal series name for the legend; null to use name_cell or 'Series N'")] string? Name = null,
    [property: Description("One cell holding the series name, e.g. Data!C1; null when name is given or not wanted")] string? NameCell = null);

/// <summary>
/// Adds a chart drawn from worksheet data, anchored at a cell. Either <see cref="Data"/> (a
/// block whose first row holds series names and whose first column holds categories, or the
/// transpose with <c>series_in: rows</c>) or an explicit <see cref="Series"/> list. The chart
/// references the cells (Excel redraws it when they change) and caches their current values
/// for viewers that do not recalculate. Existing drawings, images and charts on the sheet stay.
/// </summary>
[Operation("add_chart", "Add a column, bar, line, pie, scatter or area chart.")]
public sealed record AddChart(
    [property: Description("Top-left cell of the chart, e.g. Summary!H2 (a range sets the size too); without a sheet, the data's sheet")] string Anchor,
    [property: Description("Chart type")] ChartKind Kind,
    [property: Description("Data block with series names in its first row and categories in its first column, e.g. Data!A1:C13; null when series is given")] string? Data = null,
    [property: Description("For data: each column is a series (default) or each row is")] SeriesIn? SeriesIn = null,
    [property: Description("Explicit series, instead of data")] ChartSeriesSource[]? Series = null,
    [property: Description("Chart title; null for none")] string? Title = null,
    [property: Description("Title of the category (x) axis; null for none")] string? XAxisTitle = null,
    [property: Description("Title of the value (y) axis; null for none")] string? YAxisTitle = null,
    [property: Description("Legend position; null puts it at the bottom when there are several series or a pie, none otherwise")] LegendPosition? Legend = null,
    [property: Description("Stack the series (column, bar, line, area)")] bool? Stacked = null,
    [property: Description("Width in columns (default 8); null when width is given")] int? Columns = null,
    [property: Description("Height in rows (default 15); null when height is given")] int? Rows = null,
    [property: Description("Width in points; null to use columns")] double? Width = null,
    [property: Description("Height in points; null to use rows")] double? Height = null)
    : WriteOperation<WorkbookSession>
{
    public const double MaxPoints = 5000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesFormula(Data);
        foreach (var series in Series ?? [])
        {
            trace.AddressesFormula(series?.Values);
            trace.AddressesFormula(series?.Categories);
            trace.AddressesRange(series?.NameCell);
        }

        trace.AddressesRange(Anchor);
    }

    public override IEnumerable<OperationError> Validate(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var sources = ResolveSeries(session, errors);
        if (sources is null)
        {
            return errors;
        }

        ValidateSeries(session, sources, errors);
        ResolveAnchor(session, sources, errors);
        if (Width is { } w && (w <= 0 || w > MaxPoints || Columns is not null))
        {
            errors.Add(new("width", "size", $"width must be between 0 and {MaxPoints} points and not given with columns. Given: {w}."));
        }

        if (Height is { } h && (h <= 0 || h > MaxPoints || Rows is not null))
        {
            errors.Add(new("height", "size", $"height must be between 0 and {MaxPoints} points and not given with rows. Given: {h}."));
        }

        if (Columns is { } c && c is < 1 or > 200)
        {
            errors.Add(new("columns", "size", $"columns must be between 1 and 200. Given: {c}."));
        }

        if (Rows is { } r && r is < 1 or > 1000)
        {
            errors.Add(new("rows", "size", $"rows must be between 1 and 1000. Given: {r}."));
        }

        if (Stacked == true && !ChartSpec.CanStack(Kind))
        {
            errors.Add(new("stacked", "stack_kind", $"Only column, bar, line and area charts stack. Given kind: {Kind.ToString().ToLowerInvariant()}."));
        }

        return errors;
    }

    public override Change Apply(WorkbookSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        var sources = ResolveSeries(session, errors)!;
        var (anchorRange, anchorSheet) = ResolveAnchor(session, sources, errors)!.Value;
        var spec = new ChartSpec(Kind, [.. sources.Select(s => s.ToSpec(session))], Title, XAxisTitle, YAxisTitle,
            Legend ?? (sources.Count > 1 || Kind == ChartKind.Pie ? LegendPosition.Bottom : LegendPosition.None), Stacked == true);

        var drawings = new SheetDrawings(anchorSheet);
        var drawingsPart = drawings.Part;
        var chartPart = drawingsPart.AddNewPart<ChartPart>();
        ChartPartWriter.Write(chartPart, spec);
        var wsDr = drawingsPart.WorksheetDrawing;
        var id = SheetDrawings.NextShapeId(wsDr);
        var (columns, rows) = anchorRange.IsSingleCell || Width is not null || Height is not null || Columns is not null || Rows is not null
            ? (Columns, Rows)
            : (anchorRange.ColumnCount, anchorRange.RowCount);
        var anchor = drawings.Anchor(anchorRange.FirstRow, anchorRange.FirstColumn, columns, rows, Width, Height);
        var name = $"Chart {id - 1}";
        var properties = new Xdr.NonVisualDrawingProperties { Id = id, Name = name };
        if (Title is { Length: > 0 })
        {
            // Assigning null would still write title="", which the schema forbids.
            properties.Title = Title;
        }

        anchor.Append(
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    properties,
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                ChartPartWriter.Graphic(drawingsPart.GetIdOfPart(chartPart))) { Macro = "" },
            new Xdr.ClientData());
        wsDr.AppendChild(anchor);

        var target = anchorRange.TopLeft.A1;
        var where = $"{RangeAddress.QuoteSheet(anchorSheet.SheetName)}!{target}";
        return new Change("add_chart", where,
            $"Added a {Kind.ToString().ToLowerInvariant()} chart{(Title is { Length: > 0 } ? $" '{Title}'" : "")} with {sources.Count} series at {where}", sources.Count);
    }

    private List<SeriesSource>? ResolveSeries(WorkbookSession session, List<OperationError> errors)
    {
        if ((Data is null) == (Series is null or { Length: 0 }))
        {
            errors.Add(new("data", "data_or_series", "Give either data (one block of cells) or series (a list of ranges), not both and not neither."));
            return null;
        }

        return Data is not null ? SeriesSource.FromBlock(session, Data, SeriesIn ?? Operations.SeriesIn.Columns, errors) : SeriesSource.FromList(session, Series!, errors);
    }

    private void ValidateSeries(WorkbookSession session, List<SeriesSource> sources, List<OperationError> errors)
    {
        if (Kind == ChartKind.Pie && sources.Count > 1)
        {
            errors.Add(new(Data is null ? "series" : "data", "pie_series", $"A pie chart shows one series. Given: {sources.Count} series; choose one column of values."));
        }

        foreach (var source in sources)
        {
            foreach (var (address, value) in source.ValueCells(session))
            {
                if (value.Kind is CellValueKind.Text or CellValueKind.Boolean)
                {
                    errors.Add(new(source.Path, "numeric_values",
                        $"Chart values must be numbers. {RangeAddress.QuoteSheet(source.Values.Sheet!)}!{address.A1} holds '{value}' (does the range include a header or label?)."));
                    break;
                }
            }

            if (Kind == ChartKind.Scatter && source.Categories is { } x && source.CellValues(session, x).Any(v => v.Kind is CellValueKind.Text))
            {
                errors.Add(new(source.Path, "scatter_x", $"Scatter x values must be numbers. {x} holds text; use a line chart for labelled categories."));
            }
        }
    }

    private (RangeAddress Range, SheetCells Sheet)? ResolveAnchor(WorkbookSession session, List<SeriesSource> sources, List<OperationError> errors)
    {
        if (!RangeAddress.TryParse(Anchor, out var parsed, out var error))
        {
            errors.Add(new("anchor", "range", error));
            return null;
        }

        var text = parsed.Sheet is null && sources.Count > 0 ? $"{RangeAddress.QuoteSheet(sources[0].Values.Sheet!)}!{parsed.Reference}" : Anchor;
        return session.TryResolve(text, "anchor", errors, out var range, out var sheet) ? (range, sheet) : null;
    }
}
