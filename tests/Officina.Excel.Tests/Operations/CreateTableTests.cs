using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class CreateTableTests
{
    private static Table TableNamed(WorkbookSession book, string name) =>
        book.WorkbookPart.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Select(t => t.Table).Single(t => t.Name!.Value == name);

    private static WorkbookSession SalesBook()
    {
        var book = WorkbookSession.Create("Sales");
        book.Run("""{"op":"set_values","range":"Sales!A1:C3","values":[["Region","Units",2024],["North",10,5],["South",20,7]]}""");
        return book;
    }

    [Fact]
    public void Apply_WritesTablePart_WithColumnsFromHeaders()
    {
        using var book = SalesBook();

        book.Run("""{"op":"create_table","range":"Sales!A1:C3","name":"SalesTable","style":"TableStyleLight9"}""");
        using var reopened = book.Reopen();

        var table = TableNamed(reopened, "SalesTable");
        Assert.Equal("A1:C3", table.Reference!.Value);
        Assert.Equal("SalesTable", table.DisplayName!.Value);
        Assert.Equal("A1:C3", table.AutoFilter!.Reference!.Value);
        Assert.Equal(["Region", "Units", "2024"], table.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value));
        Assert.Equal("TableStyleLight9", table.TableStyleInfo!.Name!.Value);
        Assert.Equal("2024", reopened.Text("Sales!C1"));
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString, reopened.Sheet("Sales")!.FindCell(1, 3)!.DataType!.Value);
        var worksheet = reopened.Sheet("Sales")!.Worksheet;
        Assert.Equal("tableParts", worksheet.ChildElements[^1].LocalName);
        Assert.Equal(1u, worksheet.GetFirstChild<TableParts>()!.Count!.Value);
    }

    [Fact]
    public void Apply_NamesEmptyAndDuplicateHeaders_LikeExcel()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_values","range":"Sheet1!A1:D2","values":[["Name",null,"name",null],[1,2,3,4]]}""");

        book.Run("""{"op":"create_table","range":"Sheet1!A1:D2","name":"People"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["Name", "Column2", "name2", "Column4"], TableNamed(reopened, "People").TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value));
        Assert.Equal("Column2", reopened.Text("B1"));
        Assert.Equal("TableStyleMedium2", TableNamed(reopened, "People").TableStyleInfo!.Name!.Value);
    }

    [Fact]
    public void Apply_AddsTotalsRowBelowTheRange_WhenShowTotals()
    {
        using var book = SalesBook();

        book.Run("""{"op":"create_table","range":"Sales!A1:B3","name":"Units","show_totals":true}""");
        using var reopened = book.Reopen();

        var table = TableNamed(reopened, "Units");
        Assert.Equal("A1:B4", table.Reference!.Value);
        Assert.Equal("A1:B3", table.AutoFilter!.Reference!.Value);
        Assert.Equal(1u, table.TotalsRowCount!.Value);
        Assert.Equal("Total", reopened.Text("Sales!A4"));
        Assert.Equal("=SUBTOTAL(109,Units[Units])", reopened.Formula("Sales!B4"));
    }

    [Fact]
    public void Apply_GivesIdsUniqueAcrossTheWorkbook()
    {
        using var book = SalesBook();
        book.Run("""{"op":"add_sheet","name":"More"}""");
        book.Run("""{"op":"set_values","range":"More!A1:A2","values":[["x"],[1]]}""");

        book.Run("""{"op":"create_table","range":"Sales!A1:C3","name":"First"}""");
        book.Run("""{"op":"create_table","range":"More!A1:A2","name":"Second"}""");
        using var reopened = book.Reopen();

        Assert.NotEqual(TableNamed(reopened, "First").Id!.Value, TableNamed(reopened, "Second").Id!.Value);
    }

    [Fact]
    public void Validate_ReturnsError_WhenRangeOverlapsTableOrMergedCells()
    {
        using var book = SalesBook();
        book.Run("""{"op":"create_table","range":"Sales!A1:B3","name":"First"}""");
        var ws = book.Sheet("Sales")!.Worksheet;
        Officina.Excel.Layout.WorksheetLayout.Insert(ws, new MergeCells(new MergeCell { Reference = "E1:F2" }) { Count = 1 });

        var overlap = book.Fail("""{"op":"create_table","range":"Sales!B1:C3","name":"Second"}""");
        var merged = book.Fail("""{"op":"create_table","range":"Sales!E1:F3","name":"Third"}""");

        Assert.Contains(overlap, e => e.Rule == "table_overlap" && e.Message.Contains("'First'", StringComparison.Ordinal));
        Assert.Contains(merged, e => e.Rule == "table_merged" && e.Message.Contains("E1:F2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReturnsError_WhenNameClashesOrStyleIsUnknown()
    {
        using var book = SalesBook();
        book.Run("""{"op":"define_name","name":"Totals","refers_to":"Sales!A1"}""");

        var errors = book.Fail("""{"op":"create_table","range":"Sales!A1:C3","name":"totals","style":"Fancy"}""");
        var spaced = book.Fail("""{"op":"create_table","range":"Sales!A1:C3","name":"My Table"}""");

        Assert.Contains(errors, e => e.Path == "name" && e.Rule == "name_unique" && e.Message.Contains("'totals'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "style" && e.Message.Contains("'Fancy'", StringComparison.Ordinal));
        Assert.Contains(spaced, e => e.Path == "name" && e.Message.Contains("'My Table'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReturnsError_WhenDefinedNameWouldClashWithTable()
    {
        using var book = SalesBook();
        book.Run("""{"op":"create_table","range":"Sales!A1:C3","name":"SalesTable"}""");

        var errors = book.Fail("""{"op":"define_name","name":"salestable","refers_to":"Sales!A1"}""");

        Assert.Contains(errors, e => e.Path == "name" && e.Message.Contains("table", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_KeepsExistingTables_InRealWorkbook()
    {
        using var book = Workbooks.OpenAsset("ConditionalFormattingSamples.xlsx");
        var before = book.WorkbookPart.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Select(t => (t.Table.Id!.Value, t.Table.Name!.Value, t.Table.Reference!.Value)).ToList();
        var sheet = book.Sheets.First(s => s.IsWorksheet).Name;

        book.Run($$"""{"op":"create_table","range":"'{{sheet}}'!AA1:AB3","name":"OfficinaTable"}""");
        using var reopened = book.Reopen();

        var after = reopened.WorkbookPart.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Select(t => (t.Table.Id!.Value, t.Table.Name!.Value, t.Table.Reference!.Value)).ToList();
        Assert.All(before, t => Assert.Contains(t, after));
        var added = after.Single(t => t.Item2 == "OfficinaTable");
        Assert.True(before.All(t => t.Item1 < added.Item1));
        Assert.Equal(["Column1", "Column2"], TableNamed(reopened, "OfficinaTable").TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value));
    }
}
