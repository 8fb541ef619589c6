using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.PowerPoint.Deck;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddChartTests
{
    [Fact]
    public void Apply_AddsChartPartWithCachedData_InContentPlaceholder()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","title":"Revenue"}""");

        deck.Run("""{"op":"add_chart","slide":1,"kind":"column","categories":["2022","2023","2024"],"series":[{"name":"Revenue","values":[1.2,1.5,1.9]},{"name":"Costs","values":[1.0,1.1,null]}],"title":"Revenue (m)"}""");
        using var reopened = deck.Reopen();

        var frame = reopened.Shape(1, "Chart 3");
        Assert.Equal("chart", SlideShapes.Kind(frame));
        var chart = reopened.Slide(1).ChartParts.Single().ChartSpace!;
        var series = chart.Descendants<C.BarChartSeries>().ToList();
        Assert.Equal(2, series.Count);
        Assert.Equal(["1.2", "1.5", "1.9"], series[0].GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Select(v => v.Text));
        Assert.Equal(["2022", "2023", "2024"], series[0].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.NumericValue!.Text));
        Assert.Contains("Revenue (m)", chart.InnerText, StringComparison.Ordinal);
        Assert.Equal("Sheet1!$B$2:$B$4", series[0].GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text);
        Assert.Equal("Sheet1!$C$1", series[1].GetFirstChild<C.SeriesText>()!.Descendants<C.Formula>().Single().Text);
        Assert.DoesNotContain(SlideShapes.All(reopened.Slide(1)), s => SlideShapes.Name(s) == "Content Placeholder 2");
    }

    [Fact]
    public void Apply_EmbedsWorkbookWithTheData_ForEditData()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_chart","slide":1,"kind":"line","categories":["Jan","Feb"],"series":[{"name":"Visits","values":[120,null]}],"x":10,"y":10,"width":300,"height":200}""");

        using var reopened = deck.Reopen();

        var chartPart = reopened.Slide(1).ChartParts.Single();
        var embedded = chartPart.EmbeddedPackagePart!;
        Assert.Equal(chartPart.GetIdOfPart(embedded), chartPart.ChartSpace!.GetFirstChild<C.ExternalData>()!.Id!.Value);
        using var book = SpreadsheetDocument.Open(embedded.GetStream(), false);
        var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
        Assert.Equal("Visits", cells["B1"]);
        Assert.Equal("Feb", cells["A3"]);
        Assert.Equal("120", cells["B2"]);
        Assert.False(cells.ContainsKey("B3"));
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenValuesDoNotMatchCategoriesOrPieHasTwoSeries()
    {
        using var deck = Decks.WithSlides(1);

        var errors = deck.Fail("""{"op":"add_chart","slide":1,"kind":"pie","categories":["A","B"],"series":[{"name":"S","values":[1]},{"name":"T","values":[1,2]}]}""");

        Assert.Contains(errors, e => e.Path == "series[0].values");
        Assert.Contains(errors, e => e.Rule == "pie_series");
    }

    [Fact]
    public void Validate_ReturnsError_WhenScatterXIsText()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("scatter_x", Assert.Single(deck.Fail("""{"op":"add_chart","slide":1,"kind":"scatter","categories":["a"],"series":[{"name":"S","values":[1]}]}""")).Rule);
    }

    [Fact]
    public void Apply_ColoursSeriesWithThemeAccents_AndLabelsValuesInTheFormatGiven()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"add_chart","slide":1,"kind":"column","categories":["a","b"],"series":[{"name":"s","values":[0.1,0.25]},{"name":"t","values":[0.2,0.3]}],"data_labels":true,"number_format":"0%","legend":"top"}""");
        using var reopened = deck.Reopen();

        var chart = reopened.Slide(1).ChartParts.Single().ChartSpace!;
        var series = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().ToList();
        Assert.Equal([DocumentFormat.OpenXml.Drawing.SchemeColorValues.Accent1, DocumentFormat.OpenXml.Drawing.SchemeColorValues.Accent2],
            series.Select(s => s.Descendants<DocumentFormat.OpenXml.Drawing.SchemeColor>().First().Val!.Value));
        var labels = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.DataLabels>().Single();
        Assert.Equal("0%", labels.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.NumberingFormat>()!.FormatCode!.Value);
        Assert.True(labels.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.ShowValue>()!.Val!.Value);
        Assert.Equal(DocumentFormat.OpenXml.Drawing.Charts.LegendPositionValues.Top, chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LegendPosition>().Single().Val!.Value);
        Assert.Equal("number_format", Assert.Single(deck.Fail("""{"op":"add_chart","slide":1,"kind":"pie","categories":["a"],"series":[{"name":"s","values":[1]}],"number_format":" "}""")).Rule);
    }
}
