using System.ComponentModel;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Officina.OpenXml.Charts;
using Officina.Operations;
using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Operations;

/// <summary>One series of <see cref="AddChart"/>: a name for the legend and one value per category.</summary>
public sealed record SlideChartSeries(
    [property: Description("Series name shown in the legend")] string Name,
    [property: Description("One number per category; null for a gap")] double?[] Values);

/// <summary>
/// Adds a chart drawn from data given in the plan. The chart part lives under the slide with
/// its data in an embedded workbook (see <see cref="ChartWorkbook"/>), as PowerPoint keeps it,
/// so "Edit Data" works; the chart caches the points for viewers. Without a position the chart
/// takes the place of the slide's empty content placeholder, else the master's body area.
/// Series take the theme's accent colours and text its body font (see <see cref="ChartTheme"/>),
/// so the chart matches the template and follows apply_theme.
/// </summary>
[Operation("add_chart", "Add a column, bar, line, pie, scatter or area chart from data in the plan.")]
public sealed record AddChart(
    [property: Description("Slide position, 1-based")] int Slide,
    [property: Description("Chart type")] ChartKind Kind,
    [property: Description("Category labels (x values as numbers for scatter), one per value")] string[] Categories,
    [property: Description("Series, each with one value per category")] SlideChartSeries[] Series,
    [property: Description("Chart title; null for none")] string? Title = null,
    [property: Description("Title of the category (x) axis; null for none")] string? XAxisTitle = null,
    [property: Description("Title of the value (y) axis; null for none")] string? YAxisTitle = null,
    [property: Description("Legend position; null for bottom with several series or a pie, none otherwise")] LegendPosition? Legend = null,
    [property: Description("Stack the series (column, bar, line, area)")] bool? Stacked = null,
    [property: Description("Left edge in points; null for the content area")] double? X = null,
    [property: Description("Top edge in points; null for the content area")] double? Y = null,
    [property: Description("Width in points; null for the content area's")] double? Width = null,
    [property: Description("Height in points; null for the content area's")] double? Height = null,
    [property: Description("Shape name; null for 'Chart N'")] string? Name = null,
    [property: Description("Show each point's value on the chart (default false)")] bool? DataLabels = null,
    [property: Description("Number format of the value axis and data labels, e.g. '#,##0', '0.0%', '\"$\"#,##0,,\"m\"'; null for the data's")] string? NumberFormat = null)
    : WriteOperation<DeckSession>
{
    public const int MaxPoints = 5000;

    public override void Declare(PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.AddressesAt(DeckTrace.Slide, Slide);
    }

    public override IEnumerable<OperationError> Validate(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new List<OperationError>();
        session.TryResolveSlide(Slide, "slide", errors, out _);
        if (Categories is null || Categories.Length == 0)
        {
            errors.Add(new("categories", "categories_required", "categories must hold at least one label."));
        }

        if (Series is null || Series.Length == 0)
        {
            errors.Add(new("series", "series_required", "series must hold at least one series."));
        }

        var count = Categories?.Length ?? 0;
        for (var i = 0; i < (Series?.Length ?? 0); i++)
        {
            var values = Series![i]?.Values;
            if (values is null || values.Length != count)
            {
                errors.Add(new($"series[{i}].values", "values_per_category", $"Each series needs one value per category ({count}). Given: {values?.Length ?? 0}."));
            }
            else if (values.Any(v => v is { } d && (double.IsNaN(d) || double.IsInfinity(d))))
            {
                errors.Add(new($"series[{i}].values", "finite_values", "Values must be finite numbers or null."));
            }
        }

        if (count * (Series?.Length ?? 0) > MaxPoints)
        {
            errors.Add(new("series", "chart_size", $"A chart holds at most {MaxPoints} points. Given: {count * Series!.Length}."));
        }

        if (Kind == ChartKind.Pie && Series is { Length: > 1 })
        {
            errors.Add(new("series", "pie_series", $"A pie chart shows one series. Given: {Series.Length}."));
        }

        if (Kind == ChartKind.Scatter && Categories is not null && Categories.Any(c => !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            errors.Add(new("categories", "scatter_x", "Scatter x values must be numbers (e.g. \"1.5\"); use a line chart for labelled categories."));
        }

        if (Stacked == true && !ChartSpec.CanStack(Kind))
        {
            errors.Add(new("stacked", "stack_kind", $"Only column, bar, line and area charts stack. Given kind: {Kind.ToString().ToLowerInvariant()}."));
        }

        if (NumberFormat is { } format && (format.Trim().Length == 0 || format.Length > 255))
        {
            errors.Add(new("number_format", "number_format", $"number_format must be a format code of 1 to 255 characters, e.g. '#,##0' or '0.0%'. Given: '{format}'."));
        }

        Placement.Check(X, Y, Width, Height, errors);
        return errors;
    }

    public override Change Apply(DeckSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var slide = session.SlideAt(Slide)!;
        var data = Series.Select(s => (s.Name, s.Values)).ToList();
        var spec = new ChartSpec(Kind, ChartWorkbook.Series(Categories, data, Kind == ChartKind.Scatter),
            Title, XAxisTitle, YAxisTitle,
            Legend ?? (Series.Length > 1 || Kind == ChartKind.Pie ? LegendPosition.Bottom : LegendPosition.None), Stacked == true);

        var chartPart = slide.AddNewPart<ChartPart>();
        ChartPartWriter.Write(chartPart, spec);
        ChartTheme.Apply(chartPart.ChartSpace!, DataLabels == true, NumberFormat, Stacked == true);
        ChartWorkbook.Embed(chartPart, Categories, data);
        var (area, placeholder) = X is null && Y is null ? Placement.ContentArea(session, slide) : (Placement.ContentArea(session, slide).Area, null);
        var box = Placement.Resolve(area, X, Y, Width, Height);
        var id = SlideShapes.NextId(slide);
        var name = Name is { Length: > 0 } n ? n : $"Chart {id - 1}";
        var frame = ShapeBuilder.ChartFrame(id, name, Title, slide.GetIdOfPart(chartPart), box);
        if (placeholder is not null)
        {
            placeholder.InsertAfterSelf(frame);
            Placement.Replace(placeholder);
        }
        else
        {
            slide.Slide.CommonSlideData!.ShapeTree!.AppendChild(frame);
        }

        return new Change("add_chart", $"slide {Slide}, shape '{name}'",
            $"Added a {Kind.ToString().ToLowerInvariant()} chart{(Title is { Length: > 0 } ? $" '{Title}'" : "")} with {Series.Length} series on slide {Slide}", Series.Length);
    }
}
