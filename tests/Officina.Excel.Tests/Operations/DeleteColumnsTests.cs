using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;
using Officina.Excel.Tests.Structure;

namespace Officina.Excel.Tests.Operations;

public sealed class DeleteColumnsTests
{
    [Fact]
    public void Apply_MovesCellsLeftAndShrinksReferences_WhenColumnsAreDeleted()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:E1","values":[[1,2,3,4,5]]}""");
        book.Run("""{"op":"set_formulas","range":"Sheet1!A2:B2","formulas":[["=SUM(A1:E1)","=C1+E1"]]}""");
        var worksheet = book.Worksheet("Sheet1");
        worksheet.InsertBefore(new Columns(new Column { Min = 2, Max = 4, Width = 20, CustomWidth = true }, new Column { Min = 5, Max = 5, Width = 30, CustomWidth = true }),
            worksheet.GetFirstChild<SheetData>());
        book.AddGeometry("C3:E3", "B1:E1", "C5");

        book.Run("""{"op":"delete_columns","sheet":"Sheet1","column":"C","count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal(2, reopened.Number("Sheet1!B1"));
        Assert.Equal(5, reopened.Number("Sheet1!C1"));
        Assert.Equal("", reopened.Text("Sheet1!D1"));
        Assert.Equal("=SUM(A1:C1)", reopened.Formula("Sheet1!A2"));
        Assert.Equal("=#REF!+C1", reopened.Formula("Sheet1!B2"));
        var columns = reopened.Worksheet("Sheet1").GetFirstChild<Columns>()!.Elements<Column>().Select(c => (c.Min!.Value, c.Max!.Value, c.Width!.Value));
        Assert.Equal([(2u, 2u, 20d), (3u, 3u, 30d)], columns);
        var sheet = reopened.Worksheet("Sheet1");
        Assert.Empty(sheet.Descendants<MergeCell>());
        Assert.Equal("B1:C1", sheet.Descendants<ConditionalFormatting>().Single().SequenceOfReferences!.InnerText);
        Assert.Empty(sheet.Descendants<DataValidation>());
    }

    [Fact]
    public void Apply_KeepsTablesAndChart_WhenColumnsLeftOfThemAreDeleted()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        book.Run("""{"op":"delete_columns","sheet":"Table","column":"A","count":2}""");
        using var reopened = book.Reopen();

        Assert.Equal("A2:D15", reopened.Table("BigCity").Reference!.Value);
        Assert.Equal("G2:J15", reopened.Table("SmallCity").Reference!.Value);
        Assert.Contains("Table!$C$3:$C$14", reopened.ChartFormulas());
        Assert.Equal(book.Text("Table!A3"), reopened.Text("Table!A3"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenColumnsWouldCutThroughATable()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");

        var errors = book.Fail("""{"op":"delete_columns","sheet":"Table","column":"F","count":3}""");

        Assert.Contains(errors, e => e.Rule == "table_intact" && e.Message.Contains("BigCity"));
        Assert.Contains(book.Fail("""{"op":"delete_columns","sheet":"Table","column":"XFC","count":3}"""), e => e.Rule == "sheet_bounds");
    }
}
