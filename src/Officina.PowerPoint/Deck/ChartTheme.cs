using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.PowerPoint.Deck;

/// <summary>
/// Makes a chart that <see cref="Officina.OpenXml.Charts.ChartPartWriter"/> wrote follow the
/// deck's theme, as a chart inserted in PowerPoint does: series colours become the theme's
/// accents (<c>a:schemeClr accent1</c>…<c>accent6</c>, darker shades after the sixth), so a
/// template or apply_theme recolours them; text takes the theme's body font and text colour,
/// gridlines a faint tint of the text colour and the chart area no fill, so it reads on dark
/// slides too. Optionally adds data labels and a number format for values.
/// </summary>
internal static class ChartTheme
{
    /// <summary>The colours the writer uses for series, in order (Office's accents, then their darker shades).</summary>
    private static readonly string[] WriterPalette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

    public static void Apply(C.ChartSpace space, bool dataLabels, string? numberFormat, bool stacked)
    {
        ArgumentNullException.ThrowIfNull(space);
        foreach (var color in space.Descendants<A.RgbColorModelHex>().ToList())
        {
            var index = Array.IndexOf(WriterPalette, color.Val?.Value?.ToUpperInvariant());
            if (index >= 0 && color.Ancestors<C.MajorGridlines>().FirstOrDefault() is null)
            {
                var scheme = new A.SchemeColor { Val = Accents[index % 6] };
                if (index >= 6)
                {
                    scheme.AppendChild(new A.LuminanceModulation { Val = 60000 });
                }

                color.InsertAfterSelf(scheme);
                color.Remove();
            }
        }

        foreach (var separator in space.Descendants<C.DataPoint>().SelectMany(d => d.Descendants<A.RgbColorModelHex>()).Where(c => c.Val?.Value == "FFFFFF").ToList())
        {
            separator.InsertAfterSelf(new A.SchemeColor { Val = A.SchemeColorValues.Background1 });
            separator.Remove();
        }

        foreach (var lines in space.Descendants<C.MajorGridlines>())
        {
            lines.RemoveAllChildren();
            lines.AppendChild(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(Text(20000))) { Width = 9525 }));
        }

        if (numberFormat is { Length: > 0 } format)
        {
            foreach (var axis in space.Descendants<C.ValueAxis>().Skip(space.Descendants<C.ScatterChart>().Any() ? 1 : 0))
            {
                if (axis.GetFirstChild<C.NumberingFormat>() is { } axisFormat)
                {
                    axisFormat.FormatCode = format;
                    axisFormat.SourceLinked = false;
                }
            }
        }

        if (dataLabels)
        {
            foreach (var group in space.Descendants<C.PlotArea>().SelectMany(p => p.ChildElements).OfType<OpenXmlCompositeElement>())
            {
                var last = group.ChildElements.LastOrDefault(e => e.LocalName == "ser");
                last?.InsertAfterSelf(Labels(group, numberFormat, stacked));
            }
        }

        var chart = space.GetFirstChild<C.Chart>()!;
        chart.InsertAfterSelf(new C.TextProperties(new A.BodyProperties(), new A.ListStyle(),
            new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(new A.SolidFill(Text(75000)), new A.LatinFont { Typeface = "+mn-lt" }) { FontSize = 1200 }),
                new A.EndParagraphRunProperties { Language = "en-US" })));
        chart.InsertAfterSelf(new C.ShapeProperties(new A.NoFill(), new A.Outline(new A.NoFill())));
    }

    private static readonly A.SchemeColorValues[] Accents =
        [A.SchemeColorValues.Accent1, A.SchemeColorValues.Accent2, A.SchemeColorValues.Accent3, A.SchemeColorValues.Accent4, A.SchemeColorValues.Accent5, A.SchemeColorValues.Accent6];

    /// <summary>The text colour at <paramref name="strength"/> (thousandths of a percent) over the background: it reads on light and dark slides alike.</summary>
    private static A.SchemeColor Text(int strength) => new(new A.Alpha { Val = strength }) { Val = A.SchemeColorValues.Text1 };

    private static C.DataLabels Labels(OpenXmlCompositeElement group, string? numberFormat, bool stacked)
    {
        var labels = new C.DataLabels();
        if (numberFormat is { Length: > 0 } format)
        {
            labels.AppendChild(new C.NumberingFormat { FormatCode = format, SourceLinked = false });
        }

        labels.AppendChild(new C.ChartShapeProperties(new A.NoFill(), new A.Outline(new A.NoFill())));
        C.DataLabelPositionValues? position = group switch
        {
            C.BarChart when !stacked => C.DataLabelPositionValues.OutsideEnd,
            C.BarChart => C.DataLabelPositionValues.Center,
            C.LineChart or C.ScatterChart => C.DataLabelPositionValues.Top,
            C.PieChart => C.DataLabelPositionValues.BestFit,
            _ => null,
        };
        if (position is { } p)
        {
            labels.AppendChild(new C.DataLabelPosition { Val = p });
        }

        labels.Append(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
            new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false });
        return labels;
    }
}
