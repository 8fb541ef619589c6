using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class AddConditionalFormatTests
{
    private static ConditionalFormattingRule[] Rules(WorkbookSession book, string sheet = "Sheet1") =>
        [.. book.Sheet(sheet)!.Worksheet.Elements<ConditionalFormatting>().SelectMany(f => f.Elements<ConditionalFormattingRule>())];

    private static DifferentialFormat Dxf(WorkbookSession book, ConditionalFormattingRule rule) =>
        book.Styles.Stylesheet.DifferentialFormats!.Elements<DifferentialFormat>().ElementAt((int)rule.FormatId!.Value);

    [Fact]
    public void Apply_WritesCellValueRule_WithDxfFillFontAndBold()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"add_conditional_format","range":"Sheet1!B2:B20","rule":"cell_value","operator":"between","values":["10","=$D$1"],"fill_color":"#C6EFCE","font_color":"006100","bold":true}""");
        using var reopened = book.Reopen();

        var formatting = Assert.Single(reopened.Sheet("Sheet1")!.Worksheet.Elements<ConditionalFormatting>());
        Assert.Equal("B2:B20", formatting.SequenceOfReferences!.InnerText);
        var rule = Assert.Single(Rules(reopened));
        Assert.Equal(ConditionalFormatValues.CellIs, rule.Type!.Value);
        Assert.Equal(ConditionalFormattingOperatorValues.Between, rule.Operator!.Value);
        Assert.Equal(["10", "$D$1"], rule.Elements<Formula>().Select(f => f.Text));
        var dxf = Dxf(reopened, rule);
        Assert.Equal("FFC6EFCE", dxf.Fill!.PatternFill!.BackgroundColor!.Rgb!.Value);
        Assert.Equal("FF006100", dxf.Font!.GetFirstChild<Color>()!.Rgb!.Value);
        Assert.NotNull(dxf.Font.GetFirstChild<Bold>());
    }

    [Fact]
    public void Apply_QuotesTextValues_AndUsesExcelDefaultHighlight()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"add_conditional_format","range":"Sheet1!A1:A5","rule":"cell_value","operator":"equal","values":["Done"]}""");
        using var reopened = book.Reopen();

        var rule = Assert.Single(Rules(reopened));
        Assert.Equal("\"Done\"", rule.GetFirstChild<Formula>()!.Text);
        Assert.Equal("FFFFC7CE", Dxf(reopened, rule).Fill!.PatternFill!.BackgroundColor!.Rgb!.Value);
    }

    [Fact]
    public void Apply_WritesScalesBarsTopNDuplicatesTextAndExpressions_WithUniquePriorities()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_conditional_format","range":"Sheet1!A1:A9","rule":"color_scale","colors":["#F8696B","#63BE7B"]}""");
        book.Run("""{"op":"add_conditional_format","range":"Sheet1!B1:B9","rule":"data_bar","colors":["#638EC6"]}""");
        book.Run("""{"op":"add_conditional_format","range":"Sheet1!C1:C9","rule":"bottom_n","rank":3,"percent":true}""");
        book.Run("""{"op":"add_conditional_format","range":"Sheet1!D1:D9","rule":"duplicate_values","fill_color":"#FFEB9C"}""");
        book.Run("""{"op":"add_conditional_format","range":"Sheet1!E2:E9","rule":"text_contains","text":"late"}""");
        book.Run("""{"op":"add_conditional_format","range":"Sheet1!F2:F9","rule":"expression","formula":"=$F2>$G2"}""");
        using var reopened = book.Reopen();

        var rules = Rules(reopened);
        Assert.Equal([6, 5, 4, 3, 2, 1], rules.Select(r => r.Priority!.Value));
        Assert.Equal(["FFF8696B", "FF63BE7B"], rules[0].GetFirstChild<ColorScale>()!.Elements<Color>().Select(c => c.Rgb!.Value));
        Assert.Null(rules[0].FormatId);
        Assert.Equal("FF638EC6", rules[1].GetFirstChild<DataBar>()!.GetFirstChild<Color>()!.Rgb!.Value);
        Assert.True(rules[2].Bottom!.Value && rules[2].Percent!.Value);
        Assert.Equal(3u, rules[2].Rank!.Value);
        Assert.Equal(ConditionalFormatValues.DuplicateValues, rules[3].Type!.Value);
        Assert.Equal("FFFFEB9C", Dxf(reopened, rules[3]).Fill!.PatternFill!.BackgroundColor!.Rgb!.Value);
        Assert.Equal("NOT(ISERROR(SEARCH(\"late\",E2)))", rules[4].GetFirstChild<Formula>()!.Text);
        Assert.Equal("$F2>$G2", rules[5].GetFirstChild<Formula>()!.Text);
    }

    [Fact]
    public void Apply_PlacesConditionalFormattingBeforeDataValidationsAndPageMargins()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_data_validation","range":"Sheet1!A1","type":"list","items":["a","b"]}""");
        book.Sheet("Sheet1")!.Worksheet.AppendChild(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });

        book.Run("""{"op":"add_conditional_format","range":"Sheet1!A1:A3","rule":"duplicate_values"}""");
        using var reopened = book.Reopen();

        Assert.Equal(["sheetData", "conditionalFormatting", "dataValidations", "pageMargins"], reopened.Sheet("Sheet1")!.Worksheet.ChildElements.Select(e => e.LocalName));
    }

    [Fact]
    public void Validate_ReturnsErrors_NamingTheBadValues()
    {
        using var book = WorkbookSession.Create();

        var count = book.Fail("""{"op":"add_conditional_format","range":"Sheet1!A1:A3","rule":"cell_value","operator":"between","values":["1"]}""");
        var color = book.Fail("""{"op":"add_conditional_format","range":"Sheet1!A1:A3","rule":"duplicate_values","fill_color":"reddish"}""");
        var scale = book.Fail("""{"op":"add_conditional_format","range":"Sheet1!A1:A3","rule":"color_scale","colors":["#000000"]}""");
        var noOp = book.Fail("""{"op":"add_conditional_format","range":"Sheet1!A1:A3","rule":"cell_value","values":["1"]}""");

        Assert.Contains(count, e => e.Path == "values" && e.Message.Contains("between", StringComparison.Ordinal) && e.Message.Contains("Given: 1", StringComparison.Ordinal));
        Assert.Contains(color, e => e.Path == "fill_color" && e.Message.Contains("'reddish'", StringComparison.Ordinal));
        Assert.Contains(scale, e => e.Path == "colors" && e.Message.Contains("Given: 1", StringComparison.Ordinal));
        Assert.Contains(noOp, e => e.Path == "operator");
    }

    [Fact]
    public void Apply_KeepsExistingRules_AndTakesTheNextPriority_WhenPrecedenceIsLast()
    {
        using var book = Workbooks.OpenAsset("ConditionalFormattingSamples.xlsx");
        var sheets = book.Sheets.Where(s => s.IsWorksheet).Select(s => s.Name).ToList();
        var before = sheets.ToDictionary(s => s, s => book.Sheet(s)!.Worksheet.Elements<ConditionalFormatting>().Select(f => f.OuterXml).ToList());
        var dxfCount = book.Styles.Stylesheet.DifferentialFormats!.Count!.Value;
        var target = sheets.First(s => before[s].Count > 0);
        var maxPriority = Rules(book, target).Max(r => r.Priority!.Value);

        book.Run($$"""{"op":"add_conditional_format","range":"'{{target}}'!Z1:Z10","rule":"cell_value","operator":"greater_than","values":["5"],"fill_color":"#00FF00","precedence":"last"}""");
        using var reopened = book.Reopen();

        foreach (var sheet in sheets)
        {
            var after = reopened.Sheet(sheet)!.Worksheet.Elements<ConditionalFormatting>().Select(f => f.OuterXml).ToList();
            Assert.All(before[sheet], xml => Assert.Contains(xml, after));
        }

        var added = Rules(reopened, target).Single(r => r.Parent is ConditionalFormatting f && f.SequenceOfReferences!.InnerText == "Z1:Z10");
        Assert.Equal(maxPriority + 1, added.Priority!.Value);
        Assert.Equal(dxfCount, added.FormatId!.Value);
        Assert.Equal("FF00FF00", Dxf(reopened, added).Fill!.PatternFill!.BackgroundColor!.Rgb!.Value);
    }

    [Fact]
    public void Apply_ComesBeforeExistingRules_AndKeepsTheirOrder_ByDefault()
    {
        using var book = Workbooks.OpenAsset("ConditionalFormattingSamples.xlsx");
        var target = book.Sheets.Where(s => s.IsWorksheet).Select(s => s.Name).First(s => book.Sheet(s)!.Worksheet.Descendants().Any(e => e.LocalName == "cfRule"));
        var before = Priorities(book, target);

        book.Run($$"""{"op":"add_conditional_format","range":"'{{target}}'!B2:B20","rule":"cell_value","operator":"greater_than","values":["5"],"fill_color":"#FF0000"}""");
        using var reopened = book.Reopen();

        var after = Priorities(reopened, target);
        var added = Rules(reopened, target).Single(r => r.Parent is ConditionalFormatting f && f.SequenceOfReferences!.InnerText == "B2:B20");
        Assert.Equal(1, added.Priority!.Value);
        Assert.Equal(before.Select(p => p + 1), after.Where(p => p != 1));
        Assert.Equal(after.Count, after.Distinct().Count());
    }

    /// <summary>Every rule's priority on the sheet in document order, Excel 2010 rules in the extensions included.</summary>
    private static List<int> Priorities(WorkbookSession book, string sheet) =>
        [.. book.Sheet(sheet)!.Worksheet.Descendants().Where(e => e.LocalName == "cfRule")
            .Select(e => int.Parse(e.GetAttributes().First(a => a.LocalName == "priority").Value!, System.Globalization.CultureInfo.InvariantCulture))];
}
