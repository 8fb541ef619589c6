using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class DeleteShapeTests
{
    [Fact]
    public void Apply_RemovesChartAndItsPart()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_chart","slide":1,"kind":"line","categories":["a","b"],"series":[{"name":"S","values":[1,2]}],"x":10,"y":10,"width":200,"height":100}""");

        deck.Run("""{"op":"delete_shape","slide":1,"shape":"Chart 3"}""");
        using var reopened = deck.Reopen();

        Assert.Empty(reopened.Slide(1).ChartParts);
        Assert.DoesNotContain(SlideShapes.All(reopened.Slide(1)), s => SlideShapes.Kind(s) == "chart");
    }

    [Fact]
    public void Apply_KeepsImageOtherSlideShows()
    {
        using var deck = Decks.WithSlides(1);
        deck.AddSource("logo.png", () => new MemoryStream(Decks.Png(10, 10)));
        deck.Run("""{"op":"add_image","slide":1,"source":"logo.png","x":10,"y":10}""");
        deck.Run("""{"op":"duplicate_slide","slide":1}""");

        deck.Run("""{"op":"delete_shape","slide":1,"shape":"Picture 3"}""");
        using var reopened = deck.Reopen();

        Assert.Single(reopened.Slide(2).ImageParts);
        Assert.Empty(reopened.Slide(1).ImageParts);
        Assert.Equal("picture", SlideShapes.Kind(reopened.Shape(2, "Picture 3")));
    }

    [Fact]
    public void Validate_ReturnsError_WhenNameIsAmbiguous()
    {
        using var deck = Decks.WithSlides(1);
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"a"}],"x":1,"y":1,"width":10,"height":10,"name":"Box"}""");
        deck.Run("""{"op":"add_text_box","slide":1,"paragraphs":[{"text":"b"}],"x":1,"y":1,"width":10,"height":10,"name":"Box"}""");

        Assert.Contains("give the id instead", Assert.Single(deck.Fail("""{"op":"delete_shape","slide":1,"shape":"Box"}""")).Message, StringComparison.Ordinal);
    }
}
