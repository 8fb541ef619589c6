using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class AddTextBoxTests
{
    [Fact]
    public void Apply_AddsTextBoxAtPointsPosition()
    {
        using var deck = Decks.WithSlides(1);

        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"Source: annual report"}],"x":36,"y":500,"width":400,"height":24,"font_size":12,"name":"Source"}""");
        using var reopened = deck.Reopen();

        var shape = reopened.Shape(1, "Source");
        Assert.Equal("text box", SlideShapes.Kind(shape));
        Assert.Equal(new Box(36 * 12700, 500 * 12700, 400 * 12700, 24 * 12700), SlideShapes.Geometry(reopened.Slide(1), shape));
        Assert.Equal("Source: annual report", ShapeText.Text(shape));
    }

    [Fact]
    public void Validate_ReturnsErrors_WhenSizeIsNotPositive()
    {
        using var deck = Decks.WithSlides(1);

        var errors = deck.Fail("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"x"}],"x":0,"y":0,"width":0,"height":-5}""");

        Assert.Equal(["width", "height"], errors.Select(e => e.Path));
    }
}
