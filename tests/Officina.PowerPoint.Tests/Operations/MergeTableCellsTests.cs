using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class MergeTableCellsTests
{
    private static DeckSession WithTable()
    {
        var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_table","slide":1,"rows":[["a","b","c"],["d","e","f"],["g","h","i"]],"x":40,"y":150,"name":"T"}""");
        return deck;
    }

    private static A.TableCell Cell(DeckSession deck, int row, int column) =>
        deck.Shape(1, "T").Descendants<A.TableRow>().ElementAt(row).Elements<A.TableCell>().ElementAt(column);

    [Fact]
    public void Apply_WritesSpansAndMergeFlagsAsPowerPointDoes_KeepingAllText()
    {
        using var deck = WithTable();

        var change = deck.Run("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"B1:C2"}""").Change!;
        using var reopened = deck.Reopen();

        var first = Cell(reopened, 0, 1);
        Assert.Equal((2, 2), (first.GridSpan!.Value, first.RowSpan!.Value));
        Assert.Equal(["b", "c", "e", "f"], first.TextBody!.Elements<A.Paragraph>().Select(ShapeText.Of));
        Assert.True(Cell(reopened, 0, 2).HorizontalMerge!.Value);
        Assert.Null(Cell(reopened, 0, 2).VerticalMerge);
        Assert.True(Cell(reopened, 1, 1).VerticalMerge!.Value);
        Assert.Null(Cell(reopened, 1, 1).HorizontalMerge);
        Assert.True(Cell(reopened, 1, 2).HorizontalMerge!.Value && Cell(reopened, 1, 2).VerticalMerge!.Value);
        Assert.Equal("", ShapeText.CellText(Cell(reopened, 1, 2)));
        Assert.Single(Cell(reopened, 1, 2).TextBody!.Elements<A.Paragraph>());
        Assert.Equal("Merged B1:C2 of table 'T' on slide 1 into one cell", change.Summary);
    }

    [Fact]
    public void Apply_Unmerges_EveryMergedCellTouchingTheRange()
    {
        using var deck = WithTable();
        deck.Run("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"A1:A3"}""");

        deck.Run("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"A2","unmerge":true}""");
        using var reopened = deck.Reopen();

        Assert.All(reopened.Shape(1, "T").Descendants<A.TableCell>(), c =>
            Assert.True(c.GridSpan is null && c.RowSpan is null && c.HorizontalMerge is null && c.VerticalMerge is null));
        Assert.Equal(["a", "d", "g"], Cell(reopened, 0, 0).TextBody!.Elements<A.Paragraph>().Select(ShapeText.Of));
    }

    [Fact]
    public void Validate_RefusesSingleCellsPartialOverlapsAndNothingToUnmerge()
    {
        using var deck = WithTable();
        deck.Run("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"A1:B1"}""");

        Assert.Equal("merge_size", Assert.Single(deck.Fail("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"C3"}""")).Rule);
        var overlap = Assert.Single(deck.Fail("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"B1:C1"}"""));
        Assert.Equal(("merge_overlap", "B1:C1 covers part of the merged cell A1:B1; unmerge it first or include all of it."), (overlap.Rule, overlap.Message));
        Assert.Equal("merged_cells", Assert.Single(deck.Fail("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"C3","unmerge":true}""")).Rule);
        Assert.Equal("cells_in_table", Assert.Single(deck.Fail("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"A1:D1"}""")).Rule);
        deck.Run("""{"op":"merge_table_cells","slide":1,"shape":"T","cells":"A1:C2"}""");
        Assert.Equal(3, Cell(deck, 0, 0).GridSpan!.Value);
    }
}
