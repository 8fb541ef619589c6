using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.OpenXml.Charts;

/// <summary>
/// Fills a <see cref="ChartPart"/> with the <c>c:chartSpace</c> for a <see cref="ChartSpec"/>,
/// shaped like the parts Excel writes: one plot element, series with formula references and
/// cached points, category and value axes (two value axes for scatter, none for pie), the
/// title, the legend, <c>c:autoTitleDeleted</c> and <c>c:plotVisOnly</c>. Host-neutral: the
/// caller decides where the part lives and how the host's drawing points at it.
/// </summary>
public static class ChartPartWriter
{
    public const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private const uint CategoryAxisId = 500_000_001;
    private const uint ValueAxisId = 500_000_002;

    public static void Write(ChartPart part, ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(part);
        part.ChartSpace = Build(spec);
    }

    /// <summary>The chart space element for <paramref name="spec"/>.</summary>
    public static C.ChartSpace Build(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(spec));
        }

        var space = new C.ChartSpace();
        space.AddNamespaceDeclaration("c", ChartUri);
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        space.Append(new C.Date1904 { Val = false }, new C.EditingLanguage { Val = "en-US" }, new C.RoundedCorners { Val = false });

        var chart = new C.Chart();
        if (spec.Title is { Length: > 0 } title)
        {
            chart.Append(Title(title, 1400, rotated: false));
        }

        chart.Append(new C.AutoTitleDeleted { Val = spec.Title is not { Length: > 0 } });
        var plotArea = new C.PlotArea(new C.Layout());
        plotArea.Append(PlotElement(spec));
        if (spec.HasAxes)
        {
            plotArea.Append(Axes(spec));
        }

        chart.Append(plotArea);
        if (spec.Legend != LegendPosition.None)
        {
            chart.Append(new C.Legend(new C.LegendPosition { Val = LegendCode(spec.Legend) }, new C.Overlay { Val = false }));
        }

        chart.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        space.Append(chart);
        return space;
    }

    /// <summary>The <c>a:graphic</c> a host's graphic frame holds to show the chart part related as <paramref name="relationshipId"/>.</summary>
    public static A.Graphic Graphic(string relationshipId)
    {
        var reference = new C.ChartReference { Id = relationshipId };
        reference.AddNamespaceDeclaration("c", ChartUri);
        reference.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return new A.Graphic(new A.GraphicData(reference) { Uri = ChartUri });
    }

    private static OpenXmlCompositeElement PlotElement(ChartSpec spec)
    {
        var stacked = spec.Stacked && ChartSpec.CanStack(spec.Kind);
        switch (spec.Kind)
        {
            case ChartKind.Column:
            case ChartKind.Bar:
                var bar = new C.BarChart(
                    new C.BarDirection { Val = spec.Kind == ChartKind.Bar ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
                    new C.BarGrouping { Val = stacked ? C.BarGroupingValues.Stacked : C.BarGroupingValues.Clustered },
                    new C.VaryColors { Val = false });
                for (var i = 0; i < spec.Series.Count; i++)
                {
                    var s = spec.Series[i];
                    var series = new C.BarChartSeries();
                    SeriesHead(series, i, s);
                    series.Append(new C.ChartShapeProperties(Fill(i)));
                    series.Append(new C.InvertIfNegative { Val = false });
                    AppendData(series, s, scatter: false);
                    bar.Append(series);
                }

                bar.Append(new C.GapWidth { Val = (UInt16Value)(ushort)(stacked ? 150 : 219) }, new C.Overlap { Val = (SByteValue)(sbyte)(stacked ? 100 : -27) });
                return AppendAxisIds(bar);
            case ChartKind.Line:
                var line = new C.LineChart(
                    new C.Grouping { Val = stacked ? C.GroupingValues.Stacked : C.GroupingValues.Standard },
                    new C.VaryColors { Val = false });
                for (var i = 0; i < spec.Series.Count; i++)
                {
                    var s = spec.Series[i];
                    var series = new C.LineChartSeries();
                    SeriesHead(series, i, s);
                    series.Append(new C.ChartShapeProperties(new A.Outline(Fill(i), new A.Round()) { Width = 28575, CapType = A.LineCapValues.Round }));
                    series.Append(MarkerOf(i));
                    AppendData(series, s, scatter: false);
                    series.Append(new C.Smooth { Val = false });
                    line.Append(series);
                }

                line.Append(new C.ShowMarker { Val = true });
                return AppendAxisIds(line);
            case ChartKind.Area:
                var area = new C.AreaChart(
                    new C.Grouping { Val = stacked ? C.GroupingValues.Stacked : C.GroupingValues.Standard },
                    new C.VaryColors { Val = false });
                for (var i = 0; i < spec.Series.Count; i++)
                {
                    var series = new C.AreaChartSeries();
                    SeriesHead(series, i, spec.Series[i]);
                    series.Append(new C.ChartShapeProperties(Fill(i)));
                    AppendData(series, spec.Series[i], scatter: false);
                    area.Append(series);
                }

                return AppendAxisIds(area);
            case ChartKind.Scatter:
                var scatter = new C.ScatterChart(new C.ScatterStyle { Val = C.ScatterStyleValues.LineMarker }, new C.VaryColors { Val = false });
                for (var i = 0; i < spec.Series.Count; i++)
                {
                    var series = new C.ScatterChartSeries();
                    SeriesHead(series, i, spec.Series[i]);
                    series.Append(new C.ChartShapeProperties(new A.Outline(new A.NoFill()) { Width = 19050 }));
                    series.Append(MarkerOf(i));
                    AppendData(series, spec.Series[i], scatter: true);
                    series.Append(new C.Smooth { Val = false });
                    scatter.Append(series);
                }

                return AppendAxisIds(scatter);
            default:
                var pie = new C.PieChart(new C.VaryColors { Val = true });
                for (var i = 0; i < spec.Series.Count; i++)
                {
                    var series = new C.PieChartSeries();
                    SeriesHead(series, i, spec.Series[i]);
                    for (var p = 0; p < spec.Series[i].Values.Count; p++)
                    {
                        series.Append(new C.DataPoint(new C.Index { Val = (uint)p }, new C.Bubble3D { Val = false },
                            new C.ChartShapeProperties(Fill(p), new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "FFFFFF" })) { Width = 19050 })));
                    }

                    AppendData(series, spec.Series[i], scatter: false);
                    pie.Append(series);
                }

                pie.Append(new C.FirstSliceAngle { Val = 0 });
                return pie;
        }
    }

    private static void SeriesHead(OpenXmlCompositeElement series, int index, ChartSeriesSpec spec)
    {
        series.Append(new C.Index { Val = (uint)index }, new C.Order { Val = (uint)index });
        if (spec.Name is { } name)
        {
            series.Append(name.Formula is { } f
                ? new C.SeriesText(new C.StringReference(new C.Formula(f), StringCache(name.Text ?? [.. (name.Numbers ?? []).Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture))])))
                : new C.SeriesText(new C.NumericValue(name.Text is { Count: > 0 } t ? t[0] ?? "" : "")));
        }
    }

    private static void AppendData(OpenXmlCompositeElement series, ChartSeriesSpec spec, bool scatter)
    {
        if (spec.Categories is { } categories)
        {
            OpenXmlCompositeElement holder = scatter ? new C.XValues() : new C.CategoryAxisData();
            holder.Append(DataSource(categories));
            series.Append(holder);
        }

        OpenXmlCompositeElement values = scatter ? new C.YValues() : new C.Values();
        values.Append(DataSource(spec.Values.IsNumeric ? spec.Values : ChartData.OfNumbers(spec.Values.Formula, [.. spec.Values.Text!.Select(_ => (double?)null)])));
        series.Append(values);
    }

    private static OpenXmlElement DataSource(ChartData data)
    {
        if (data.IsNumeric)
        {
            return data.Formula is { } f
                ? new C.NumberReference(new C.Formula(f), NumberCache<C.NumberingCache>(data))
                : NumberCache<C.NumberLiteral>(data);
        }

        return data.Formula is { } formula
            ? new C.StringReference(new C.Formula(formula), StringCache(data.Text!))
            : StringLiteral(data.Text!);
    }

    private static T NumberCache<T>(ChartData data)
        where T : OpenXmlCompositeElement, new()
    {
        var cache = new T();
        cache.Append(new C.FormatCode(data.FormatCode), new C.PointCount { Val = (uint)data.Numbers!.Count });
        for (var i = 0; i < data.Numbers.Count; i++)
        {
            if (data.Numbers[i] is { } n)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(n.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        return cache;
    }

    private static C.StringCache StringCache(IReadOnlyList<string?> points)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)points.Count });
        AppendStringPoints(cache, points);
        return cache;
    }

    private static C.StringLiteral StringLiteral(IReadOnlyList<string?> points)
    {
        var literal = new C.StringLiteral(new C.PointCount { Val = (uint)points.Count });
        AppendStringPoints(literal, points);
        return literal;
    }

    private static void AppendStringPoints(OpenXmlCompositeElement target, IReadOnlyList<string?> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is { } text)
            {
                target.Append(new C.StringPoint(new C.NumericValue(text)) { Index = (uint)i });
            }
        }
    }

    /// <summary>
    /// Explicit colours (Office's default accents) rather than theme references: a workbook
    /// without a theme part would otherwise draw bars and lines invisible in LibreOffice.
    /// </summary>
    private static readonly string[] Palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

    private static A.SolidFill Fill(int index) => new(new A.RgbColorModelHex { Val = Palette[index % Palette.Length] });

    private static C.Marker MarkerOf(int index) => new(
        new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 },
        new C.ChartShapeProperties(Fill(index), new A.Outline(Fill(index)) { Width = 9525 }));

    private static OpenXmlCompositeElement AppendAxisIds(OpenXmlCompositeElement plot)
    {
        plot.Append(new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        return plot;
    }

    private static OpenXmlElement[] Axes(ChartSpec spec)
    {
        var horizontalBars = spec.Kind == ChartKind.Bar;
        var categoryPosition = horizontalBars ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom;
        var valuePosition = horizontalBars ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left;
        var (categoryTitle, valueTitle) = (spec.XAxisTitle, spec.YAxisTitle);

        var value = new C.ValueAxis(new C.AxisId { Val = ValueAxisId }, Scaling(), new C.Delete { Val = false },
            new C.AxisPosition { Val = valuePosition },
            new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })) { Width = 9525 })));
        if (valueTitle is { Length: > 0 })
        {
            value.Append(Title(valueTitle, 1000, rotated: !horizontalBars));
        }

        value.Append(new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = CategoryAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = spec.Kind == ChartKind.Scatter ? C.CrossBetweenValues.MidpointCategory : C.CrossBetweenValues.Between });

        if (spec.Kind == ChartKind.Scatter)
        {
            var x = new C.ValueAxis(new C.AxisId { Val = CategoryAxisId }, Scaling(), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom });
            if (categoryTitle is { Length: > 0 })
            {
                x.Append(Title(categoryTitle, 1000, rotated: false));
            }

            x.Append(new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = ValueAxisId },
                new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.MidpointCategory });
            return [x, value];
        }

        var category = new C.CategoryAxis(new C.AxisId { Val = CategoryAxisId }, Scaling(), new C.Delete { Val = false },
            new C.AxisPosition { Val = categoryPosition });
        if (categoryTitle is { Length: > 0 })
        {
            category.Append(Title(categoryTitle, 1000, rotated: horizontalBars));
        }

        category.Append(new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = ValueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = (UInt16Value)(ushort)100 },
            new C.NoMultiLevelLabels { Val = false });
        return [category, value];
    }

    private static C.Scaling Scaling() => new(new C.Orientation { Val = C.OrientationValues.MinMax });

    private static C.Title Title(string text, int size, bool rotated)
    {
        var body = new A.BodyProperties { Rotation = rotated ? -5_400_000 : 0, Vertical = A.TextVerticalValues.Horizontal };
        var paragraph = new A.Paragraph(
            new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = size, Bold = false }),
            new A.Run(new A.RunProperties { Language = "en-US", FontSize = size, Bold = false }, new A.Text(text)));
        return new C.Title(new C.ChartText(new C.RichText(body, new A.ListStyle(), paragraph)), new C.Overlay { Val = false });
    }

    private static C.LegendPositionValues LegendCode(LegendPosition position) => position switch
    {
        LegendPosition.Left => C.LegendPositionValues.Left,
        LegendPosition.Top => C.LegendPositionValues.Top,
        LegendPosition.Bottom => C.LegendPositionValues.Bottom,
        _ => C.LegendPositionValues.Right,
    };
}
