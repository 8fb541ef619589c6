using Officina.PowerPoint.Deck;

namespace Officina.PowerPoint.Tests.Operations;

public sealed class DuplicateSlideTests
{
    [Fact]
    public void Apply_CopiesShapesChartPictureAndNotes_AfterTheOriginal()
    {
        using var deck = Decks.WithSlides(2);
        deck.AddSource("logo.png", () => new MemoryStream(Decks.Png(40, 20)));
        deck.Run("""{"op":"add_chart","slide":1,"kind":"column","categories":["Q1","Q2"],"series":[{"name":"Sales","values":[1,2]}],"x":500,"y":300,"width":300,"height":200}""");
        deck.Run("""{"op":"add_image","slide":1,"source":"logo.png","x":10,"y":10,"width":40}""");
        deck.Run("""{"op":"set_notes","slide":1,"text":"Speak slowly."}""");

        deck.Run("""{"op":"duplicate_slide","slide":1}""");
        deck.Run("""{"op":"set_text","slide":2,"shape":"Title 1","paragraphs":[{"text":"Copy"}]}""");
        using var reopened = deck.Reopen();

        Assert.Equal(["Slide 1", "Copy", "Slide 2"], Enumerable.Range(1, 3).Select(reopened.Title));
        Assert.Equal("Speak slowly.", SlideNotes.Text(reopened.Slide(2)));
        Assert.NotSame(reopened.Slide(1).ChartParts.Single(), reopened.Slide(2).ChartParts.Single());
        Assert.Equal(reopened.Slide(1).ImageParts.Single().Uri, reopened.Slide(2).ImageParts.Single().Uri);
        Assert.Equal(reopened.Slide(1).SlideLayoutPart!.Uri, reopened.Slide(2).SlideLayoutPart!.Uri);
        Assert.NotSame(reopened.Slide(1).NotesSlidePart, reopened.Slide(2).NotesSlidePart);
    }

    [Fact]
    public void Apply_PlacesCopyAtPosition()
    {
        using var deck = Decks.WithSlides(3);

        deck.Run("""{"op":"duplicate_slide","slide":3,"position":1}""");

        Assert.Equal(["Slide 3", "Slide 1", "Slide 2", "Slide 3"], Enumerable.Range(1, 4).Select(deck.Reopen().Title));
    }

    [Fact]
    public void Validate_ReturnsError_WhenPositionOutOfRange()
    {
        using var deck = Decks.WithSlides(1);

        Assert.Equal("position", Assert.Single(deck.Fail("""{"op":"duplicate_slide","slide":1,"position":5}""")).Path);
    }
}
