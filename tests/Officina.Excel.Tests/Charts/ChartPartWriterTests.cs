using Officina.OpenXml.Charts;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Officina.Excel.Tests.Charts;

public sealed class ChartPartWriterTests
{
    [Fact]
    public void Build_WritesLiteralsAndStackedHorizontalBars_WhenDataHasNoFormulas()
    {
        var spec = new ChartSpec(ChartKind.Bar,
            [new ChartSeriesSpec(ChartData.OfText(null, ["Plan"]), ChartData.OfText(null, ["A", null, "C"]), ChartData.OfNumbers(null, [1, null, 3]))],
            Title: "Plan", Legend: LegendPosition.None, Stacked: true);

        var space = ChartPartWriter.Build(spec);

        var bar = space.Descendants<C.BarChart>().Single();
        Assert.Equal(C.BarDirectionValues.Bar, bar.GetFirstChild<C.BarDirection>()!.Val!.Value);
        Assert.Equal(C.BarGroupingValues.Stacked, bar.GetFirstChild<C.BarGrouping>()!.Val!.Value);
        Assert.Equal(100, (int)bar.GetFirstChild<C.Overlap>()!.Val!.Value);
        var literal = space.Descendants<C.StringLiteral>().Single();
        Assert.Equal(3u, literal.PointCount!.Val!.Value);
        Assert.Equal(2, literal.Elements<C.StringPoint>().Count());
        Assert.Equal(2, space.Descendants<C.NumberLiteral>().Single().Elements<C.NumericPoint>().Count());
        Assert.Equal(C.AxisPositionValues.Left, space.Descendants<C.CategoryAxis>().Single().AxisPosition!.Val!.Value);
        Assert.Empty(space.Descendants<C.Legend>());
        Assert.False(space.Descendants<C.RoundedCorners>().Single().Val!.Value);
    }

    [Fact]
    public void Build_Throws_WhenThereAreNoSeries()
    {
        Assert.Throws<ArgumentException>(() => ChartPartWriter.Build(new ChartSpec(ChartKind.Line, [])));
    }
}
