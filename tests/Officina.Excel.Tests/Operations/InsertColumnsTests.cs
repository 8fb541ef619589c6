using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Excel.Tests.Structure;

namespace Officina.Excel.Tests.Operations;

public sealed class InsertColumnsTests
{
    private static WorkbookSession Wide()
    {
        var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:E1","values":[[1,2,3,4,5]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!A2","formula":"=SUM(A1:E1)+$C$1"}""");
        book.Run("""{"op":"add_sheet","name":"Other"}""");
        book.Run("""{"op":"set_formulas","range":"Other!A1","formula":"=Sheet1!D1"}""");
        return book;
    }

    [Fact]
    public void Apply_MovesCellsWidthsAndReferences_WhenColumnsAreInserted()
    {
        using var book = Wide();
        var worksheet = book.Worksheet("Sheet1");
        worksheet.InsertBefore(new Columns(new Column { Min = 2, Max = 2, Width = 20, CustomWidth = true }, new Column { Min = 4, Max = 5, Width = 30, CustomWidth = true }),
            worksheet.GetFirstChild<SheetData>());
        book.DefineName("Row1", "Sheet1!$A$1:$E$1");

        book.Run("""{"op":"insert_columns","sheet":"Sheet1","column":"C","count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal(2, reopened.Number("Sheet1!B1"));
        Assert.Equal("", reopened.Text("Sheet1!C1"));
        Assert.Equal(3, reopened.Number("Sheet1!E1"));
        Assert.Equal(5, reopened.Number("Sheet1!G1"));
        Assert.Equal("=SUM(A1:G1)+$E$1", reopened.Formula("Sheet1!A2"));
        Assert.Equal("=Sheet1!F1", reopened.Formula("Other!A1"));
        Assert.Equal("Sheet1!$A$1:$G$1", reopened.NameText("Row1"));
        var columns = reopened.Worksheet("Sheet1").GetFirstChild<Columns>()!.Elements<Column>().Select(c => (c.Min!.Value, c.Max!.Value, c.Width!.Value));
        Assert.Equal([(2u, 2u, 20d), (6u, 7u, 30d)], columns);
    }

    [Fact]
    public void Apply_MovesTablesAndChartSeries_OnARealWorkbook()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        book.Run("""{"op":"insert_columns","sheet":"Table","column":"G","count":1}""");
        using var reopened = book.Reopen();

        Assert.Equal("C2:F15", reopened.Table("BigCity").Reference!.Value);
        Assert.Equal("J2:M15", reopened.Table("SmallCity").Reference!.Value);
        Assert.Contains("Table!$L$3:$L$14", reopened.ChartFormulas());
        Assert.Contains("Table!$E$3:$E$14", reopened.ChartFormulas());
        Assert.Equal(reopened.Text("Table!J3"), book.Text("Table!J3"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenColumnsWouldCutThroughATable()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        var errors = book.Fail("""{"op":"insert_columns","sheet":"Table","column":"D","count":1}""");

        Assert.Contains(errors, e => e.Rule == "table_intact" && e.Message.Contains("BigCity"));
    }

    [Theory]
    [InlineData("\"1A\"", 1, "column_letter")]
    [InlineData("\"XFE\"", 1, "column_letter")]
    [InlineData("\"B\"", 0, "count_range")]
    public void Validate_ReturnsError_WhenColumnOrCountIsBad(string column, int count, string rule)
    {
        using var book = Wide();

        var errors = book.Fail($$"""{"op":"insert_columns","sheet":"Sheet1","column":{{column}},"count":{{count}}}""");

        Assert.Contains(errors, e => e.Rule == rule);
    }

    [Fact]
    public void Validate_ReturnsError_WhenDataWouldBePushedOffTheSheet()
    {
        using var book = Wide();
        book.Run("""{"op":"set_values","range":"Sheet1!XFD3","values":[["edge"]]}""");

        var errors = book.Fail("""{"op":"insert_columns","sheet":"Sheet1","column":"A","count":1}""");

        Assert.Contains(errors, e => e.Rule == "sheet_bounds" && e.Message.Contains("XFD3"));
    }
}
