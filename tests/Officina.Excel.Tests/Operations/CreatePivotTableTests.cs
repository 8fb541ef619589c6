using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class CreatePivotTableTests
{
    internal static WorkbookSession SalesBook()
    {
        var book = WorkbookSession.Create("Data");
        book.Run("""
            {"op":"set_values","range":"Data!A1:D7","values":[
              ["Region","Product","Units","Price"],
              ["North","Apples",10,1.5],["South","Apples",5,1.5],["North","Pears",7,2],
              ["South","Pears",3,2],["North","Apples",4,1.25],["East","Plums",8,3]]}
            """);
        return book;
    }

    [Fact]
    public void Apply_SumsAColumnOfFormulas_WrittenEarlierInThePlan()
    {
        using var book = SalesBook();
        book.Run("""{"op":"set_values","range":"Data!E1","values":[["Revenue"]]}""");
        book.Run("""{"op":"set_formulas","range":"Data!E2:E7","formula":"=C2*D2"}""");

        book.Run("""{"op":"create_pivot_table","source":"Data!A1:E7","destination":"Summary!A3","rows":["Region"],"values":[{"field":"Revenue","function":"sum"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal("Sum of Revenue", reopened.Text("Summary!B3"));
        Assert.Equal([24, 34, 13.5, 71.5], new[] { "B4", "B5", "B6", "B7" }.Select(a => reopened.Number("Summary!" + a)));
    }

    [Fact]
    public void Apply_SumsRecalculatedFormulas_WhenTheirInputsChangedEarlierInThePlan()
    {
        using var input = SalesBook();
        input.Run("""{"op":"set_values","range":"Data!E1","values":[["Revenue"]]}""");
        input.Run("""{"op":"set_formulas","range":"Data!E2:E7","formula":"=C2*D2"}""");
        input.Sheet("Data")!.FindCell(2, 5)!.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("15");
        using var book = WorkbookSession.Open(new MemoryStream(input.ToArray()));

        book.Run("""{"op":"set_values","range":"Data!C2","values":[[100]]}""");
        book.Run("""{"op":"create_pivot_table","source":"Data!A1:E7","destination":"Summary!A3","rows":["Region"],"values":[{"field":"Revenue","function":"sum"}]}""");
        using var reopened = book.Reopen();

        Assert.Equal([24, 169, 13.5, 206.5], new[] { "B4", "B5", "B6", "B7" }.Select(a => reopened.Number("Summary!" + a)));
    }

    [Fact]
    public void Apply_WritesLinkedPivotPartsAndComputedSums_WhenOneRowField()
    {
        using var book = SalesBook();

        book.Run("""{"op":"create_pivot_table","source":"Data!A1:D7","destination":"Summary!A3","rows":["Region"],"values":[{"field":"Units","function":null,"number_format":null,"name":null}],"columns":null,"filters":null,"name":null}""");
        using var reopened = book.Reopen();

        Assert.Equal("Region", reopened.Text("Summary!A3"));
        Assert.Equal("Sum of Units", reopened.Text("Summary!B3"));
        Assert.Equal(["East", "North", "South", "Grand Total"], new[] { "A4", "A5", "A6", "A7" }.Select(a => reopened.Text("Summary!" + a)));
        Assert.Equal([8, 21, 8, 37], new[] { "B4", "B5", "B6", "B7" }.Select(a => reopened.Number("Summary!" + a)));

        var table = reopened.Sheet("Summary")!.Part.PivotTableParts.Single();
        var definition = table.PivotTableDefinition;
        Assert.Equal("A3:B7", definition.Location!.Reference!.Value);
        var cache = table.PivotTableCacheDefinitionPart!;
        Assert.Contains(reopened.WorkbookPart.PivotTableCacheDefinitionParts, p => p.Uri == cache.Uri);
        Assert.True(cache.PivotCacheDefinition.RefreshOnLoad!.Value);
        Assert.Equal("Data", cache.PivotCacheDefinition.CacheSource!.WorksheetSource!.Sheet!.Value);
        Assert.Equal("A1:D7", cache.PivotCacheDefinition.CacheSource!.WorksheetSource!.Reference!.Value);
        Assert.Equal(6, cache.PivotTableCacheRecordsPart!.PivotCacheRecords.Elements<PivotCacheRecord>().Count());
        var registered = reopened.Workbook.GetFirstChild<PivotCaches>()!.Elements<PivotCache>().Single();
        Assert.Equal(definition.CacheId!.Value, registered.CacheId!.Value);
        Assert.Same(cache, reopened.WorkbookPart.GetPartById(registered.Id!.Value!));
        Assert.Equal(3, cache.PivotCacheDefinition.CacheFields!.Elements<CacheField>().First().SharedItems!.Elements<StringItem>().Count());
        Assert.Equal(4, definition.RowItems!.Elements<RowItem>().Count());
        Assert.Equal(PivotTableAxisValues.AxisRow, definition.PivotFields!.Elements<PivotField>().First().Axis!.Value);
    }

    [Fact]
    public void Apply_ComputesCrossTabWithSeveralValueFieldsAndFilters()
    {
        using var book = SalesBook();

        book.Run("""
            {"op":"create_pivot_table","source":"Data!A1:D7","destination":"Data!G1","rows":["Product"],"columns":["Region"],
             "values":[{"field":"Units","function":"sum","number_format":"#,##0"},{"field":"Price","function":"average","number_format":"0.00"}],
             "filters":null,"name":"Cross"}
            """);
        using var reopened = book.Reopen();

        // caption row, region labels, Values labels, then Apples / Pears / Plums / Grand Total
        Assert.Equal("Region", reopened.Text("Data!H1"));
        Assert.Equal("Values", reopened.Text("Data!I1"));
        Assert.Equal("East", reopened.Text("Data!H2"));
        Assert.Equal("Sum of Units", reopened.Text("Data!H3"));
        Assert.Equal("Average of Price", reopened.Text("Data!I3"));
        Assert.Equal("North", reopened.Text("Data!J2"));
        Assert.Equal("Product", reopened.Text("Data!G3"));
        Assert.Equal("Apples", reopened.Text("Data!G4"));
        Assert.Equal(14, reopened.Number("Data!J4"));
        Assert.Equal(1.375, reopened.Number("Data!K4"));
        Assert.Equal("Total Sum of Units", reopened.Text("Data!N2"));
        Assert.Equal(37, reopened.Number("Data!N7"));
        Assert.Equal("Grand Total", reopened.Text("Data!G7"));

        var definition = reopened.Sheet("Data")!.Part.PivotTableParts.Single().PivotTableDefinition;
        Assert.Equal("Cross", definition.Name!.Value);
        Assert.Equal([0, -2], definition.ColumnFields!.Elements<Field>().Select(f => f.Index!.Value));
        Assert.Equal(8, definition.ColumnItems!.Elements<RowItem>().Count());
        Assert.Equal(DataConsolidateFunctionValues.Average, definition.DataFields!.Elements<DataField>().Last().Subtotal!.Value);
    }

    [Fact]
    public void Apply_WritesFiltersAboveAndNestedRowsWithoutSubtotals()
    {
        using var book = SalesBook();

        book.Run("""{"op":"create_pivot_table","source":"Data!A1:D7","destination":"P!B2","rows":["Region","Product"],"values":[{"field":"Region","function":"count"}],"filters":["Price"]}""");
        using var reopened = book.Reopen();

        Assert.Equal("Price", reopened.Text("P!B2"));
        Assert.Equal("(All)", reopened.Text("P!C2"));
        Assert.Equal("Region", reopened.Text("P!B4"));
        Assert.Equal("Product", reopened.Text("P!C4"));
        Assert.Equal("East", reopened.Text("P!B5"));
        Assert.Equal("Plums", reopened.Text("P!C5"));
        Assert.Equal("North", reopened.Text("P!B6"));
        Assert.Equal(2, reopened.Number("P!D6"));
        Assert.Equal("", reopened.Text("P!B7"));
        Assert.Equal(6, reopened.Number("P!D10"));
        var definition = reopened.Sheet("P")!.Part.PivotTableParts.Single().PivotTableDefinition;
        Assert.Equal("B4:D10", definition.Location!.Reference!.Value);
        Assert.Equal(1u, definition.Location!.RowPageCount!.Value);
        Assert.False(definition.PivotFields!.Elements<PivotField>().First().DefaultSubtotal!.Value);
    }

    [Fact]
    public void Apply_KeepsExistingPivotAndGetsNewCacheId_OnDataTableCities()
    {
        using var book = Workbooks.OpenAsset("DataTableCities.xlsx");
        book.Run("""{"op":"create_pivot_table","source":"Table!C2:F14","destination":"Cities!A1","rows":["City"],"values":[{"field":"Population","number_format":"#,##0"}]}""");
        using var reopened = book.Reopen();

        var ids = reopened.Workbook.GetFirstChild<PivotCaches>()!.Elements<PivotCache>().Select(c => c.CacheId!.Value).ToList();
        Assert.Equal([14u, 15u], ids);
        Assert.Equal(2, reopened.WorkbookPart.PivotTableCacheDefinitionParts.Count());
        Assert.Single(reopened.Sheet("PivotTable")!.Part.PivotTableParts);
        Assert.Equal("Grand Total", reopened.Text("Cities!A14"));
        Assert.Equal(198_905_700, reopened.Number("Cities!B14"));
        Assert.Equal("Beijing, China", reopened.Text("Cities!A2"));
    }

    [Fact]
    public void Validate_ReturnsError_WhenFieldIsUnknown()
    {
        using var book = SalesBook();

        var errors = book.Fail("""{"op":"create_pivot_table","source":"Data!A1:D7","destination":"S!A1","rows":["Regoin"],"values":[{"field":"Units"}]}""");

        var error = Assert.Single(errors);
        Assert.Equal("rows[0]", error.Path);
        Assert.Contains("'Region'", error.Message);
    }

    [Fact]
    public void Validate_ReturnsError_WhenSummingText()
    {
        using var book = SalesBook();

        var errors = book.Fail("""{"op":"create_pivot_table","source":"Data!A1:D7","destination":"S!A1","rows":["Region"],"values":[{"field":"Product","function":"sum"}]}""");

        Assert.Contains(errors, e => e.Rule == "numeric_field" && e.Path == "values[0].function");
    }

    [Fact]
    public void Validate_ReturnsError_WhenDestinationOverlapsSource()
    {
        using var book = SalesBook();

        var errors = book.Fail("""{"op":"create_pivot_table","source":"Data!A1:D7","destination":"Data!C3","rows":["Region"],"values":[{"field":"Units"}]}""");

        Assert.Contains(errors, e => e.Rule == "overlap");
    }
}
