using DocumentFormat.OpenXml.Spreadsheet;
using Officina.Excel;

namespace Officina.Excel.Tests.Operations;

public sealed class SetHyperlinkTests
{
    private static Hyperlink Link(WorkbookSession book, string sheet = "Sheet1") =>
        book.Sheet(sheet)!.Worksheet.GetFirstChild<Hyperlinks>()!.Elements<Hyperlink>().Single();

    [Fact]
    public void Apply_LinksToAUrl_WithTextTooltipAndHyperlinkStyle()
    {
        using var book = WorkbookSession.Create();

        book.Run("""{"op":"set_hyperlink","cell":"B2","url":"https://example.com/report?q=1","text":"Full report","tooltip":"Opens the web report"}""");
        using var reopened = book.Reopen();

        var link = Link(reopened);
        Assert.Equal("B2", link.Reference!.Value);
        Assert.Equal("Opens the web report", link.Tooltip!.Value);
        var relationship = reopened.Sheet("Sheet1")!.Part.HyperlinkRelationships.Single(r => r.Id == link.Id!.Value);
        Assert.Equal("https://example.com/report?q=1", relationship.Uri.OriginalString);
        Assert.True(relationship.IsExternal);
        Assert.Equal("Full report", reopened.Text("B2"));
        var styles = reopened.Styles.Stylesheet;
        var style = styles.CellStyles!.Elements<CellStyle>().Single(s => s.BuiltinId?.Value == 8);
        Assert.Equal("Hyperlink", style.Name!.Value);
        var cellFormat = reopened.Styles.CellFormatAt(reopened.Sheet("Sheet1")!.FindCell(2, 2)!.StyleIndex!.Value);
        Assert.Equal(style.FormatId!.Value, cellFormat.FormatId!.Value);
        Assert.NotNull(reopened.Styles.FontAt(cellFormat.FontId!.Value).Underline);
    }

    [Fact]
    public void Apply_LinksInsideTheWorkbook_ToACellASheetAndAName()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"add_sheet","name":"My Data"}""");
        book.Run("""{"op":"define_name","name":"Totals","refers_to":"'My Data'!B2:B9"}""");
        book.Run("""{"op":"set_values","range":"Sheet1!A3","values":[["keep me"]]}""");

        book.Run("""{"op":"set_hyperlink","cell":"Sheet1!A1","location":"'My Data'!c5"}""");
        book.Run("""{"op":"set_hyperlink","cell":"Sheet1!A2","location":"My Data","text":"Go to data"}""");
        book.Run("""{"op":"set_hyperlink","cell":"Sheet1!A3","location":"Totals"}""");
        using var reopened = book.Reopen();

        var links = reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<Hyperlinks>()!.Elements<Hyperlink>().Select(l => (l.Reference!.Value, l.Location!.Value, l.Id)).ToList();
        Assert.All(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<Hyperlinks>()!.Elements<Hyperlink>(), l => Assert.False(l.Tooltip is not null, "An empty tooltip attribute was written."));
        Assert.Equal([("A1", "'My Data'!C5", null), ("A2", "'My Data'!A1", null), ("A3", "Totals", null)], links);
        Assert.Equal(["'My Data'!C5", "Go to data", "keep me"], [reopened.Text("Sheet1!A1"), reopened.Text("Sheet1!A2"), reopened.Text("Sheet1!A3")]);
        Assert.Empty(reopened.Sheet("Sheet1")!.Part.HyperlinkRelationships);
    }

    [Fact]
    public void Apply_ReplacesAndRemovesLinks_DroppingTheirRelationships()
    {
        using var book = WorkbookSession.Create();
        book.Run("""{"op":"set_hyperlink","cell":"A1","url":"mailto:sales@example.com"}""");

        book.Run("""{"op":"set_hyperlink","cell":"A1","url":"https://example.org"}""");
        Assert.Equal("https://example.org/", book.Sheet("Sheet1")!.Part.HyperlinkRelationships.Single().Uri.ToString());
        Assert.Equal("mailto:sales@example.com", book.Text("A1")); // the cell kept its value

        book.Run("""{"op":"set_hyperlink","cell":"A1","remove":true}""");
        using var reopened = book.Reopen();

        Assert.Null(reopened.Sheet("Sheet1")!.Worksheet.GetFirstChild<Hyperlinks>());
        Assert.Empty(reopened.Sheet("Sheet1")!.Part.HyperlinkRelationships);
        Assert.Equal("mailto:sales@example.com", reopened.Text("A1"));
    }

    [Theory]
    [InlineData("""{"op":"set_hyperlink","cell":"A1","url":"file:///etc/passwd"}""", "url", "'file:'")]
    [InlineData("""{"op":"set_hyperlink","cell":"A1","url":"javascript:alert(1)"}""", "url", "'javascript:'")]
    [InlineData("""{"op":"set_hyperlink","cell":"A1","url":"www.example.com"}""", "url", "absolute")]
    [InlineData("""{"op":"set_hyperlink","cell":"A1","url":"https://a.com","location":"Sheet1!A2"}""", "url", "not both")]
    [InlineData("""{"op":"set_hyperlink","cell":"A1","location":"Nowhere!A1"}""", "location", "'Nowhere!A1'")]
    [InlineData("""{"op":"set_hyperlink","cell":"A1"}""", "url", "neither")]
    public void Validate_RefusesOtherSchemesAndBadTargets(string json, string path, string message)
    {
        using var book = WorkbookSession.Create();

        var errors = book.Fail(json);

        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Null(book.Sheet("Sheet1")!.Worksheet.GetFirstChild<Hyperlinks>());
        Assert.Empty(book.Sheet("Sheet1")!.Part.HyperlinkRelationships);
    }
}
