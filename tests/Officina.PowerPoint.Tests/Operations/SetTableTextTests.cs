using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class SetTableTextTests
{
    [Fact]
    public void Apply_WritesCellsFromTheTopLeftCell_KeepingFormattingAndSkippingNulls()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a","b","c"],["d","e","f"]],"x":40,"y":150,"font_size":14,"name":"T"}""");

        var change = deck.Run("""{"op":"set_table_text","slide":1,"shape":"T","cell":"B1","rows":[["B",null],["E","F\nsecond line"]]}""").Change!;
        using var reopened = deck.Reopen();

        Assert.Equal(["a | B | c", "d | E | F\nsecond line"], ShapeText.Paragraphs(reopened.Shape(1, "T")));
        var cell = reopened.Shape(1, "T").Descendants<A.TableCell>().ElementAt(1);
        Assert.Equal(1400, cell.Descendants<A.RunProperties>().First().FontSize!.Value);
        Assert.Equal("Set the text of 3 cell(s) in B1:C2 of table 'T' on slide 1", change.Summary);
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenRowsLeaveTheTableOrHitMergedCells()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a","b"],["c","d"]],"x":40,"y":150,"name":"T"}""");
        deck.Run("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"A1:B1"}""");

        Assert.Contains("reach C2", Assert.Single(deck.Fail("""{"op":"set_table_text","slide":1,"shape":"T","cell":"B1","rows":[["x","y"],["z"]]}""")).Message, StringComparison.Ordinal);
        var merged = Assert.Single(deck.Fail("""{"op":"set_table_text","slide":1,"shape":"T","rows":[["x","y"]]}"""));
        Assert.Equal(("rows[0][1]", "cell_merged"), (merged.Path, merged.Rule));
        Assert.Equal("cells_in_table", Assert.Single(deck.Fail("""{"op":"set_table_text","slide":1,"shape":"T","cell":"C1","rows":[["x"]]}""")).Rule);
        Assert.Equal("rows_required", Assert.Single(deck.Fail("""{"op":"set_table_text","slide":1,"shape":"T","rows":[]}""")).Rule);
        Assert.Equal("shape_kind", Assert.Single(deck.Fail("""{"op":"set_table_text","slide":1,"shape":"Title 1","rows":[["x"]]}""")).Rule);
    }
}
