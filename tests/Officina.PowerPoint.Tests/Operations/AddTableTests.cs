using Officina.PowerPoint.Deck;
using A = DocumentFormat.OpenXml.Drawing;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddTableTests
{
    [Fact]
    public void Apply_FillsEmptyContentPlaceholder_WithHeaderTable()
    {
        using var deck = Decks.Create();
        deck.Run("""{"op":"add_slide","title":"Regions"}""");

        deck.Run("""{"op":"add_table","slide":1,"rows":[["Region","Units"],["North","10"],["South",null]]}""");
        using var reopened = deck.Reopen();

        var frame = reopened.Shape(1, "Table 3");
        Assert.Equal("table", SlideShapes.Kind(frame));
        var table = frame.Descendants<A.Table>().Single();
        Assert.True(table.TableProperties!.FirstRow!.Value);
        Assert.Equal(["Region | Units", "North | 10", "South | "], ShapeText.Paragraphs(frame));
        Assert.DoesNotContain(SlideShapes.All(reopened.Slide(1)), s => SlideShapes.Name(s) == "Content Placeholder 2");
        Assert.Equal(548640, SlideShapes.Geometry(reopened.Slide(1), frame)!.Value.X);
    }

    [Fact]
    public void Apply_PadsShortRows()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"add_table","slide":1,"rows":[["a","b","c"],["d"]],"header":false,"x":10,"y":10,"width":300}""");

        var table = deck.Reopen().Shape(1, "Table 3").Descendants<A.Table>().Single();
        Assert.Equal(3, table.Elements<A.TableRow>().Last().Elements<A.TableCell>().Count());
        Assert.False(table.TableProperties!.FirstRow!.Value);
    }

    [Fact]
    public void Validate_ReturnsError_WhenNoRows()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("rows", Assert.Single(deck.Fail("""{"op":"add_table","slide":1,"rows":[]}""")).Path);
    }
}
