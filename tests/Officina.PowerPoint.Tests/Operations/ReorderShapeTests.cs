using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class ReorderShapeTests
{
    [Fact]
    public void Apply_MovesShapeInTheShapeTree()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"A"}],"x":10,"y":10,"width":50,"height":50,"name":"A"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"B"}],"x":20,"y":20,"width":50,"height":50,"name":"B"}""");

        var toBack = deck.Run("""{"op":"reorder_shape","slide":1,"shape":"B","order":"send_to_back"}""").Change!;
        Assert.Equal(["B", "Title 1", "Content Placeholder 2", "A"], Order(deck.Reopen()));
        deck.Run("""{"op":"reorder_shape","slide":1,"shape":"B","order":"bring_forward"}""");
        Assert.Equal(["Title 1", "B", "Content Placeholder 2", "A"], Order(deck.Reopen()));
        deck.Run("""{"op":"reorder_shape","slide":1,"shape":"Title 1","order":"bring_to_front"}""");
        deck.Run("""{"op":"reorder_shape","slide":1,"shape":"A","order":"send_backward"}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["B", "A", "Content Placeholder 2", "Title 1"], Order(reopened));
        Assert.Equal("Sent 'B' to the back on slide 1 (1st of 4 from the back)", toBack.Summary);
    }

    [Fact]
    public void Apply_ChangesNothing_WhenAlreadyInFront()
    {
        using var deck = Decks.WithSlides(1);

        var change = deck.Run("""{"op":"reorder_shape","slide":1,"shape":"Content Placeholder 2","order":"bring_to_front"}""").Change!;

        Assert.Equal(0, change.Count);
        Assert.Equal(["Title 1", "Content Placeholder 2"], Order(deck));
    }

    [Fact]
    public void Validate_ReturnsError_WhenShapeUnknown()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("shape_exists", Assert.Single(deck.Fail("""{"op":"reorder_shape","slide":1,"shape":"Nope","order":"send_to_back"}""")).Rule);
    }

    private static List<string> Order(DeckSession deck) => [.. SlideShapes.TopLevel(deck.Slide(1)).Select(SlideShapes.Name)];
}
