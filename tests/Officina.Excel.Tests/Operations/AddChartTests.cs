using DocumentFormat.OpenXml.Packaging;
using Officina.Excel;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Officina.Excel.Tests.Operations;

public sealed class AddChartTests
{
    internal static WorkbookSession SalesBook()
    {
        var book = WorkbookSession.Create("Data");
        book.Run("""
            {"op":"set_values","range":"Data!A1:C5","values":[
              ["Month","North","South"],["Jan",120,80],["Feb",150,95],["Mar",170,60],["Apr",140,110]]}
            """);
        return book;
    }

    private static (ChartPart Chart, Xdr.TwoCellAnchor Anchor) OnlyChart(WorkbookSession book, string sheet)
    {
        var drawings = book.Sheet(sheet)!.Part.DrawingsPart!;
        var anchor = drawings.WorksheetDrawing.Elements<Xdr.TwoCellAnchor>()
            .Last(a => a.Descendants<C.ChartReference>().Any());
        var id = anchor.Descendants<C.ChartReference>().Single().Id!.Value!;
        return ((ChartPart)drawings.GetPartById(id), anchor);
    }

    [Fact]
    public void Apply_WritesColumnChartWithReferencesAndCaches_FromDataBlock()
    {
        using var book = SalesBook();

        book.Run("""{"op":"add_chart","anchor":"Data!E2","kind":"column","data":"Data!A1:C5","title":"Sales by month","y_axis_title":"Units"}""");
        using var reopened = book.Reopen();

        var (chart, anchor) = OnlyChart(reopened, "Data");
        var bar = chart.ChartSpace.Descendants<C.BarChart>().Single();
        Assert.Equal(C.BarDirectionValues.Column, bar.GetFirstChild<C.BarDirection>()!.Val!.Value);
        var series = bar.Elements<C.BarChartSeries>().ToList();
        Assert.Equal(2, series.Count);
        Assert.Equal("Data!$B$1", series[0].SeriesText!.StringReference!.Formula!.Text);
        Assert.Equal("North", series[0].SeriesText!.StringReference!.StringCache!.Elements<C.StringPoint>().Single().NumericValue!.Text);
        Assert.Equal("Data!$A$2:$A$5", series[1].GetFirstChild<C.CategoryAxisData>()!.StringReference!.Formula!.Text);
        var values = series[1].GetFirstChild<C.Values>()!.NumberReference!;
        Assert.Equal("Data!$C$2:$C$5", values.Formula!.Text);
        Assert.Equal(["80", "95", "60", "110"], values.NumberingCache!.Elements<C.NumericPoint>().Select(p => p.NumericValue!.Text));
        Assert.Contains("Sales by month", chart.ChartSpace.Descendants<C.Title>().First().InnerText);
        Assert.Single(chart.ChartSpace.Descendants<C.CategoryAxis>());
        Assert.Single(chart.ChartSpace.Descendants<C.ValueAxis>());
        Assert.False(chart.ChartSpace.Descendants<C.AutoTitleDeleted>().Single().Val!.Value);
        Assert.NotNull(chart.ChartSpace.Descendants<C.PlotVisibleOnly>().SingleOrDefault());
        Assert.Equal("4", anchor.FromMarker!.ColumnId!.Text);
        Assert.Equal("1", anchor.FromMarker!.RowId!.Text);
        Assert.Equal("12", anchor.ToMarker!.ColumnId!.Text);
        Assert.Equal("16", anchor.ToMarker!.RowId!.Text);
        Assert.NotNull(reopened.Sheet("Data")!.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Drawing>());
    }

    [Fact]
    public async Task Apply_WritesNoEmptyTitle_WhenChartHasNoTitle()
    {
        using var book = SalesBook();
        book.Run("""{"op":"add_chart","anchor":"Data!E2","kind":"line","data":"Data!A1:C5"}""");

        var report = await Officina.Excel.Verification.WorkbookVerifier.VerifyAsync(book, new Officina.OpenXml.LibreOffice.LibreOfficeRunner("/nonexistent/soffice"));

        Assert.DoesNotContain(report.Findings, f => f.Code == "schema");
        using var reopened = book.Reopen();
        var (chart, anchor) = OnlyChart(reopened, "Data");
        var frame = anchor.Descendants<Xdr.NonVisualDrawingProperties>().Single();
        Assert.Null(frame.Title);
        Assert.DoesNotContain(frame.GetAttributes(), a => a.LocalName == "title");
        Assert.Empty(chart.ChartSpace.Descendants<C.Title>());
        Assert.True(chart.ChartSpace.Descendants<C.AutoTitleDeleted>().Single().Val!.Value);
    }

    [Fact]
    public void Apply_WritesPieWithoutAxes_AndScatterWithTwoValueAxes()
    {
        using var book = SalesBook();

        book.Run("""{"op":"add_chart","anchor":"Data!E2","kind":"pie","series":[{"values":"Data!B2:B5","categories":"Data!A2:A5","name":"North","name_cell":null}]}""");
        book.Run("""{"op":"add_chart","anchor":"Data!E20","kind":"scatter","series":[{"values":"Data!C2:C5","categories":"Data!B2:B5","name":null,"name_cell":"Data!C1"}],"width":360,"height":216}""");
        using var reopened = book.Reopen();

        var charts = reopened.Sheet("Data")!.Part.DrawingsPart!.ChartParts.Select(p => p.ChartSpace).ToList();
        var pie = charts.Single(c => c.Descendants<C.PieChart>().Any());
        Assert.Empty(pie.Descendants<C.CategoryAxis>());
        Assert.Empty(pie.Descendants<C.ValueAxis>());
        Assert.Equal("North", pie.Descendants<C.SeriesText>().Single().NumericValue!.Text);
        var scatter = charts.Single(c => c.Descendants<C.ScatterChart>().Any());
        Assert.Equal(2, scatter.Descendants<C.ValueAxis>().Count());
        Assert.Equal("Data!$B$2:$B$5", scatter.Descendants<C.XValues>().Single().NumberReference!.Formula!.Text);
        Assert.Equal("Data!$C$2:$C$5", scatter.Descendants<C.YValues>().Single().NumberReference!.Formula!.Text);
        var ids = reopened.Sheet("Data")!.Part.DrawingsPart!.WorksheetDrawing.Descendants<Xdr.NonVisualDrawingProperties>().Select(p => p.Id!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Apply_WritesLineChartPerRow_WhenSeriesInRows()
    {
        using var book = WorkbookSession.Create("Data");
        book.Run("""{"op":"set_values","range":"Data!A1:D3","values":[["","Q1","Q2","Q3"],["Plan",1,2,3],["Actual",1.5,2.5,2]]}""");

        book.Run("""{"op":"add_chart","anchor":"A6","kind":"line","data":"Data!A1:D3","series_in":"rows","legend":"right","stacked":true}""");
        using var reopened = book.Reopen();

        var line = reopened.Sheet("Data")!.Part.DrawingsPart!.ChartParts.Single().ChartSpace.Descendants<C.LineChart>().Single();
        Assert.Equal(C.GroupingValues.Stacked, line.GetFirstChild<C.Grouping>()!.Val!.Value);
        var series = line.Elements<C.LineChartSeries>().ToList();
        Assert.Equal(["Data!$A$2", "Data!$A$3"], series.Select(s => s.SeriesText!.StringReference!.Formula!.Text));
        Assert.Equal("Data!$B$3:$D$3", series[1].GetFirstChild<C.Values>()!.NumberReference!.Formula!.Text);
    }

    [Fact]
    public void Apply_KeepsExistingDrawingsImagesAndCharts_OnRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("simple-monthly-budget.xlsx");
        var sheet = book.Sheets[0].Name;
        var drawings = book.Sheet(sheet)!.Part.DrawingsPart!;
        var anchorsBefore = drawings.WorksheetDrawing.ChildElements.Count;
        var chartsBefore = drawings.ChartParts.Count();
        var oldChartXml = drawings.ChartParts.Single().ChartSpace.OuterXml;

        book.Run($$"""{"op":"add_chart","anchor":"'{{sheet}}'!K2","kind":"bar","series":[{"values":"'{{sheet}}'!E9:F9","categories":null,"name":"Totals","name_cell":null}],"title":"Totals"}""");
        using var reopened = book.Reopen();

        var after = reopened.Sheet(sheet)!.Part.DrawingsPart!;
        Assert.Equal(anchorsBefore + 1, after.WorksheetDrawing.ChildElements.Count);
        Assert.Equal(chartsBefore + 1, after.ChartParts.Count());
        Assert.Contains(after.ChartParts, p => p.ChartSpace.OuterXml == oldChartXml);
        var ids = after.WorksheetDrawing.Descendants<Xdr.NonVisualDrawingProperties>().Select(p => p.Id!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Single(reopened.Sheet(sheet)!.Worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.Drawing>());
    }

    [Fact]
    public void Apply_AddsChartToSheetWithImagesAndDiagram_OnComplex01()
    {
        using var book = Workbooks.OpenAsset("Complex01.xlsx");
        var sheets = book.Sheets.Where(s => s.IsWorksheet).Select(s => s.Name).ToList();
        var partsBefore = book.Document.GetAllParts().Count();
        var target = sheets.First(n => book.Sheet(n)!.Part.DrawingsPart is not null);

        book.Run("""{"op":"set_values","range":"'""" + target + """'!T1:U3","values":[["k","v"],["a",1],["b",2]]}""");
        book.Run("""{"op":"add_chart","anchor":"'""" + target + """'!T5","kind":"area","data":"'""" + target + """'!T1:U3"}""");
        using var reopened = book.Reopen();

        Assert.Equal(partsBefore + 1, reopened.Document.GetAllParts().Count());
        Assert.Single(reopened.Sheet(target)!.Part.DrawingsPart!.ChartParts, p => p.ChartSpace.Descendants<C.AreaChart>().Any());
    }

    [Fact]
    public void Validate_ReturnsError_WhenValuesHoldText()
    {
        using var book = SalesBook();

        var errors = book.Fail("""{"op":"add_chart","anchor":"E2","kind":"column","series":[{"values":"Data!A1:A5","categories":null,"name":null,"name_cell":null}]}""");

        Assert.Contains(errors, e => e.Rule == "numeric_values" && e.Path == "series[0]" && e.Message.Contains("Month"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenDataAndSeriesAreBothMissing()
    {
        using var book = SalesBook();

        var errors = book.Fail("""{"op":"add_chart","anchor":"Data!E2","kind":"pie"}""");

        Assert.Contains(errors, e => e.Rule == "data_or_series");
    }

    [Fact]
    public void Validate_ReturnsError_WhenPieGetsSeveralSeries()
    {
        using var book = SalesBook();

        var errors = book.Fail("""{"op":"add_chart","anchor":"Data!E2","kind":"pie","data":"Data!A1:C5"}""");

        Assert.Contains(errors, e => e.Rule == "pie_series" && e.Message.Contains("2 series"));
    }
}
